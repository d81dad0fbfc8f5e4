using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Diversions;

/// <summary>The worklist's filters; <see cref="Timing"/> and <see cref="Overdue"/> are the figures' drill-downs.</summary>
public sealed record DiversionFilter(DiversionStatus? Status, DiversionTiming? Timing, bool? Overdue, string? Area, string? Q, string? Sort);

public enum DiversionTiming
{
    InTime = 1,
    Late = 2,
}

public sealed record DiversionRow(
    int Id, string IncidentNumber, DateTimeOffset ReceivedAt, string KindCode, string KindZh, string KindEn, string Summary, string AreaCode,
    string AreaNameZh, string AreaNameEn, string DepartmentZh, string DepartmentEn, DiversionStatus Status, DateOnly DivertedOn, DateOnly DueOn,
    DateOnly? AnsweredOn, string? ReturnReason, bool Overdue, long Version);

public sealed record DiversionEventDto(DiversionEventType Type, DateTimeOffset At, string? DepartmentZh, string? DepartmentEn, string? ActorName, string? Note)
    : ITimelineEvent<DiversionEventType>;

public sealed record DiversionDetail(
    DiversionRow Diversion, string? Address, string? CallerPhoneMasked, string? Answer, string LegalBasis, List<DiversionEventDto> Timeline,
    DiversionAction[] Allowed);

public static class DiversionQueries
{
    public static readonly string[] Sorts = ["received", "-received", "due", "-due", "incident", "-incident"];

    public static IQueryable<Diversion> Filter(AppDb db, DiversionFilter f, DateOnly today)
    {
        var q = db.Set<Diversion>().AsNoTracking();
        if (f.Status is { } s)
        {
            q = q.Where(d => d.Status == s);
        }
        q = f.Timing switch
        {
            DiversionTiming.InTime => q.Where(d => d.Status == DiversionStatus.Answered && d.AnsweredOn <= d.DueOn),
            DiversionTiming.Late => q.Where(d => d.Status == DiversionStatus.Answered && d.AnsweredOn > d.DueOn),
            _ => q,
        };
        if (f.Overdue == true)
        {
            q = q.Where(d => (d.Status == DiversionStatus.Diverted || d.Status == DiversionStatus.Accepted) && d.DueOn < today);
        }
        if (!string.IsNullOrWhiteSpace(f.Area))
        {
            q = q.UnderPath(d => d.AreaPath, db.SubtreePrefix(f.Area.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var like = Paging.LikeContains(f.Q);
            var term = f.Q.Trim();
            q = q.Where(d => d.IncidentNumber == term || EF.Functions.Like(d.Summary, like, "\\") || EF.Functions.Like(d.UnitNameZh, like, "\\")
                || (d.Address != null && EF.Functions.Like(d.Address, like, "\\")));
        }
        return f.Sort switch
        {
            "received" => q.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id),
            "due" => q.OrderBy(d => d.DueOn).ThenBy(d => d.Id),
            "-due" => q.OrderByDescending(d => d.DueOn).ThenByDescending(d => d.Id),
            "incident" => q.OrderBy(d => d.IncidentNumber),
            "-incident" => q.OrderByDescending(d => d.IncidentNumber),
            // Returned ones first: they wait on the station.
            "-received" => q.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id),
            _ => q.OrderByDescending(d => d.Status == DiversionStatus.Returned).ThenByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id),
        };
    }

    public static IQueryable<DiversionRow> ToRow(IQueryable<Diversion> q, DateOnly today) =>
        q.Select(d => new DiversionRow(d.Id, d.IncidentNumber, d.ReceivedAt, d.Kind!.Code, d.Kind.NameZh, d.Kind.NameEn, d.Summary, d.Area!.Code,
            d.Area.NameZh, d.Area.NameEn, d.UnitNameZh, d.UnitNameEn, d.Status, d.DivertedOn, d.DueOn, d.AnsweredOn, d.ReturnReason,
            (d.Status == DiversionStatus.Diverted || d.Status == DiversionStatus.Accepted) && d.DueOn < today, d.Version));

    public static Task<Page<DiversionRow>> ListAsync(AppDb db, DiversionFilter f, DateOnly today, int? page, int? size, CancellationToken ct) =>
        ToRow(Filter(db, f, today), today).ToPageAsync(page, size, ct);

    public static async Task<DiversionDetail?> DetailAsync(AppDb db, int id, DateOnly today, CancellationToken ct)
    {
        var row = await ToRow(db.Set<Diversion>().AsNoTracking().Where(d => d.Id == id), today).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var more = await db.Set<Diversion>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Address, d.CallerPhoneMasked, d.Answer, d.Kind!.LegalBasis }).FirstAsync(ct);
        var timeline = await db.Set<DiversionEvent>().AsNoTracking().Where(e => e.DiversionId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new DiversionEventDto(e.Type, e.At, e.UnitNameZh, e.UnitNameEn, e.ActorName, e.Note)).ToListAsync(ct);
        var staff = DiversionCommands.AllowedIn(row.Status).Where(a => a is DiversionAction.Redivert or DiversionAction.TakeAsPolice).ToArray();
        return new DiversionDetail(row, more.Address, more.CallerPhoneMasked, more.Answer, more.LegalBasis, timeline, staff);
    }
}
