using Fengqiao.Features.Dangers;
using Fengqiao.Features.People;
using Fengqiao.Features.Visits;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Supervision;

namespace Fengqiao.Features.Disputes;

public enum Worklist
{
    All,
    Mine,
    Station,
    DueSoon,
    Overdue,
    Supervised,
}

public sealed record DisputeFilter(
    Worklist? View = null, DisputeStatus? Status = null, string? Category = null, RiskColour? Risk = null, DisputeSource? Source = null,
    string? Area = null, DateOnly? From = null, DateOnly? To = null, DateOnly? ResolvedFrom = null, DateOnly? ResolvedTo = null,
    string? Q = null, string? Sort = null, int? Campaign = null, bool? Resolved = null);

/// <summary>Worklists, the case page and the numbers — all through the jurisdiction filter, and the numbers from the same events the worklists filter on.</summary>
public static class DisputeQueries
{
    public static readonly DisputeStatus[] Running =
        [DisputeStatus.Registered, DisputeStatus.Assigned, DisputeStatus.Mediating, DisputeStatus.Referred, DisputeStatus.Resolved];

    /// <summary>Working days ahead that count as "due soon".</summary>
    public const int DueSoonWorkingDays = 2;

    public static IQueryable<Dispute> Filter(AppDb db, DisputeFilter f, DateOnly today, DateOnly dueSoonBy)
    {
        var q = db.Disputes.AsNoTracking().Where(d => d.MergedIntoId == null);
        var me = db.Jurisdiction.PersonId;
        q = f.View switch
        {
            Worklist.Mine => q.Where(d => d.ResponsibleOfficerId == me || d.Handlers.Any(h => h.PersonId == me)),
            Worklist.Station => q.Where(d => db.Set<Post>().Any(p => p.PersonId == me && p.UnitId == d.StationUnitId && (p.EndDate == null || p.EndDate >= today))),
            Worklist.DueSoon => q.Where(d => Running.Contains(d.Status) && d.DueDate >= today && d.DueDate <= dueSoonBy),
            Worklist.Overdue => q.Where(d => Running.Contains(d.Status) && d.DueDate < today),
            Worklist.Supervised => q.Where(d => db.Set<SupervisionNotice>().Any(n => n.SubjectKind == SupervisedKind.Dispute && n.SubjectId == d.Id && n.AcknowledgedAt == null)),
            _ => q,
        };
        if (f.Status is not null)
        {
            q = q.Where(d => d.Status == f.Status);
        }
        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            q = q.Where(d => d.Category == f.Category);
        }
        if (f.Risk is not null)
        {
            q = q.Where(d => d.Risk == f.Risk);
        }
        if (f.Source is not null)
        {
            q = q.Where(d => d.Source == f.Source);
        }
        if (!string.IsNullOrWhiteSpace(f.Area))
        {
            var prefix = db.SubtreePrefix(f.Area);
            q = q.UnderPath(d => d.AreaPath, prefix);
        }
        if (f.From is not null)
        {
            q = q.Where(d => d.RegisteredOn >= f.From);
        }
        if (f.To is not null)
        {
            q = q.Where(d => d.RegisteredOn <= f.To);
        }
        if (f.ResolvedFrom is not null || f.ResolvedTo is not null)
        {
            var from = f.ResolvedFrom ?? DateOnly.MinValue;
            var to = f.ResolvedTo ?? DateOnly.MaxValue;
            q = q.Where(d => db.Set<DisputeEvent>().Any(e => e.DisputeId == d.Id && e.Type == DisputeEventType.Resolved && e.Day >= from && e.Day <= to));
        }
        if (f.Campaign is { } campaign)
        {
            // The cases a campaign's home visits turned up: its "disputes found", drilled into.
            q = q.Where(d => db.Set<Visit>().Any(v => v.CampaignId == campaign && v.DisputeId == d.Id));
        }
        if (f.Resolved is { } resolved)
        {
            q = resolved ? q.Where(d => d.ResolvedOn != null) : q.Where(d => d.ResolvedOn == null);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            // Substring search works for Chinese, which has no spaces between words.
            var like = Paging.LikeContains(f.Q.ToLowerInvariant());
            q = q.Where(d => EF.Functions.Like(d.SearchText, like, "\\"));
        }
        return f.Sort switch
        {
            "due" => q.OrderBy(d => d.DueDate == null).ThenBy(d => d.DueDate).ThenBy(d => d.Id),
            "-due" => q.OrderByDescending(d => d.DueDate).ThenBy(d => d.Id),
            "risk" => q.OrderBy(d => d.Risk).ThenByDescending(d => d.RegisteredAt),
            "registered" => q.OrderBy(d => d.RegisteredAt),
            "code" => q.OrderBy(d => d.Code),
            _ => q.OrderByDescending(d => d.RegisteredAt).ThenByDescending(d => d.Id),
        };
    }

    public static IQueryable<DisputeListItem> Project(AppDb db, IQueryable<Dispute> q) =>
        q.Select(d => new DisputeListItem(d.Id, d.Code, d.Title, d.Status, d.Risk, d.Category, d.Source, d.RegisteredOn, d.DueKind, d.DueDate,
            d.StationUnit != null ? d.StationUnit.NameZh : null, d.StationUnit != null ? d.StationUnit.NameEn : null,
            d.ResponsibleOfficer != null ? d.ResponsibleOfficer.NameZh : null, d.ResponsibleOfficer != null ? d.ResponsibleOfficer.NameEn : null,
            db.Set<SupervisionNotice>().Count(n => n.SubjectKind == SupervisedKind.Dispute && n.SubjectId == d.Id), d.Version));

    /// <summary>
    /// One page of a worklist: the count and the page's ids from the filter (the path index answers both for the
    /// usual order), then the columns of those twenty cases only, in the same order.
    /// </summary>
    public static async Task<Page<DisputeListItem>> PageAsync(AppDb db, IQueryable<Dispute> q, int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, size);
        var total = await q.CountAsync(ct);
        var ids = await q.Skip((p - 1) * s).Take(s).Select(d => d.Id).ToListAsync(ct);
        var rows = (await Project(db, db.Disputes.AsNoTracking().Where(d => ids.Contains(d.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        return new Page<DisputeListItem>([.. ids.Where(rows.ContainsKey).Select(id => rows[id])], p, s, total);
    }

    public static async Task<DisputeDetail?> DetailAsync(AppDb db, int id, CancellationToken ct)
    {
        var item = await Project(db, db.Disputes.AsNoTracking().Where(d => d.Id == id)).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }
        var d = await db.Disputes.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Summary, x.PeopleInvolved, x.Address, x.Lat, x.Lng, x.AreaId, x.ResponsibleOfficerId, x.SuspensionReason, x.ReferredTo, x.ReferredBody, x.ReferralAnswer, x.Outcome, x.LinkedToId, x.MergedIntoId })
            .FirstAsync(ct);
        var area = await db.Areas.IgnoreQueryFilters().Where(a => a.Id == d.AreaId).Select(a => new { a.Code, a.NameZh, a.NameEn }).FirstAsync(ct);
        var parties = await db.Set<DisputeParty>().Where(p => p.DisputeId == id).OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new PartyDto(p.Id, p.Role, p.Name, p.Address, p.ResidentId)).ToListAsync(ct);
        var handlers = await db.Set<DisputeHandler>().Where(h => h.DisputeId == id)
            .Select(h => new HandlerDto(h.PersonId, h.Person!.NameZh, h.Person.NameEn, h.Role)).ToListAsync(ct);
        var sessions = await db.MediationSessions.Where(s => s.DisputeId == id).OrderBy(s => s.HeldAt)
            .Select(s => new SessionDto(s.Id, s.HeldAt, s.Place, s.Mediators, s.Attendees, s.Minutes, s.Outcome)).ToListAsync(ct);
        var agreements = await db.MediationAgreements.Where(a => a.DisputeId == id).OrderBy(a => a.Id)
            .Select(a => new AgreementDto(a.Id, a.Terms, a.PerformBy, a.SignedBy, a.SignedOn, a.JudicialConfirmationBy, a.JudicialConfirmationRequested)).ToListAsync(ct);
        var followUps = await db.FollowUpVisits.Where(f => f.DisputeId == id).OrderBy(f => f.VisitedOn)
            .Select(f => new FollowUpDto(f.Id, f.VisitedOn, f.AgreementKept, f.NewRisk, f.Satisfaction, f.Notes)).ToListAsync(ct);
        var dangers = await db.Dangers.Where(x => x.DisputeId == id)
            .Select(x => new DangerBrief(x.Id, x.Code, x.Kind, x.Status, x.RectifyBy)).ToListAsync(ct);
        var notices = (await db.SupervisionNotices.Where(n => n.SubjectKind == SupervisedKind.Dispute && n.SubjectId == id)
            .OrderBy(n => n.Level).ToListAsync(ct)).Select(n => n.ToBrief()).ToList();
        var (timeline, timelineTotal) = await LatestAsync(db, id, 0, ct);
        var allowed = d.MergedIntoId is null ? DisputeWorkflow.ActionsFor(item.Status).ToList() : [];
        return new DisputeDetail(item, d.Summary, d.PeopleInvolved, d.Address, d.Lat, d.Lng, area.Code, area.NameZh, area.NameEn,
            d.ResponsibleOfficerId, d.SuspensionReason, d.ReferredTo, d.ReferredBody, d.ReferralAnswer, d.Outcome, d.LinkedToId, d.MergedIntoId,
            parties, handlers, sessions, agreements, followUps, timeline, timelineTotal, dangers, notices, allowed);
    }

    /// <summary>
    /// How many of the latest timeline entries a case's detail carries. A case edited thousands of times would
    /// otherwise send its whole history with every answer; the rest is paged (<see cref="TimelinePageAsync"/>).
    /// </summary>
    public const int RecentEvents = 50;

    /// <summary>A case's whole timeline, oldest first (the case page's "show the whole timeline").</summary>
    public static Task<List<EventDto>> TimelineAsync(AppDb db, int id, CancellationToken ct) =>
        ToDto(Events(db, id, 0).OrderBy(e => e.Id)).ToListAsync(ct);

    /// <summary>
    /// The changes after a version, oldest first: the latest <see cref="RecentEvents"/> of them, and how many there
    /// are. After version 0 that is the detail's timeline; after a stale editor's version, what they missed. The rest
    /// is paged (<see cref="TimelinePageAsync"/>).
    /// </summary>
    public static async Task<(List<EventDto> Latest, int Total)> LatestAsync(AppDb db, int id, long afterVersion, CancellationToken ct)
    {
        var total = await Events(db, id, afterVersion).CountAsync(ct);
        var latest = await ToDto(Events(db, id, afterVersion).OrderByDescending(e => e.Id).Take(RecentEvents)).ToListAsync(ct);
        latest.Reverse();
        return (latest, total);
    }

    /// <summary>One page of a case's timeline, oldest first; null when the case is not in the caller's scope.</summary>
    public static async Task<Page<EventDto>?> TimelinePageAsync(AppDb db, int id, int? page, int? size, CancellationToken ct) =>
        await db.Disputes.AnyAsync(d => d.Id == id, ct) ? await ToDto(Events(db, id, 0).OrderBy(e => e.Id)).ToPageAsync(page, size, ct) : null;

    private static IQueryable<DisputeEvent> Events(AppDb db, int id, long afterVersion) =>
        db.DisputeEvents.AsNoTracking().Where(e => e.DisputeId == id && e.CaseVersion > afterVersion);

    private static IQueryable<EventDto> ToDto(IQueryable<DisputeEvent> q) =>
        q.Select(e => new EventDto(e.Id, e.Type, e.At, e.FromStatus, e.ToStatus, e.ActorName, e.Note, e.CaseVersion));

    /// <summary>
    /// Investigated (registered) and resolved cases in a period and subtree, counted from the
    /// timeline events. "Resolved" counts each case once however often it was resolved.
    /// </summary>
    public static async Task<DisputeStats?> StatsAsync(AppDb db, string? areaCode, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        Area? area = null;
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == areaCode, ct);
            if (area is null)
            {
                return null;
            }
        }
        var prefix = area?.Path ?? "/";
        var events = db.DisputeEvents.AsNoTracking().Where(e => e.Day >= from && e.Day <= to && e.AreaPath.StartsWith(prefix));
        var registered = await events.Where(e => e.Type == DisputeEventType.Registered)
            .Select(e => new { e.Category, e.Risk, e.Source, e.AreaPath }).ToListAsync(ct);
        var resolved = (await events.Where(e => e.Type == DisputeEventType.Resolved)
            .Select(e => new { e.DisputeId, e.Category, e.Risk, e.Source, e.AreaPath }).ToListAsync(ct))
            .DistinctBy(e => e.DisputeId).ToList();
        var overdue = await db.Disputes.CountAsync(d => d.MergedIntoId == null && Running.Contains(d.Status) && d.DueDate < today && d.AreaPath.StartsWith(prefix), ct);

        List<CountRow> By(Func<string, string?> keyOf, IEnumerable<(string Key, bool Resolved)> rows) =>
            rows.Select(r => (Key: keyOf(r.Key), r.Resolved)).Where(r => r.Key is not null)
                .GroupBy(r => r.Key!).Select(g => new CountRow(g.Key, g.Count(r => !r.Resolved), g.Count(r => r.Resolved)))
                .OrderByDescending(r => r.Registered).ThenBy(r => r.Key).ToList();
        var all = registered.Select(r => (r.Category, r.Risk, r.Source, r.AreaPath, Resolved: false))
            .Concat(resolved.Select(r => (r.Category, r.Risk, r.Source, r.AreaPath, Resolved: true))).ToList();
        var depth = prefix.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Length + 1;
        string? Child(string path)
        {
            var segments = path.Trim('/').Split('/');
            return segments.Length >= depth ? segments[depth - 1] : null;
        }
        return new DisputeStats(area?.Code ?? "", from, to, registered.Count, resolved.Count,
            registered.Count == 0 ? null : Math.Round((double)resolved.Count / registered.Count, 4), overdue,
            By(k => k, all.Select(r => (r.Category, r.Resolved))),
            By(k => k, all.Select(r => (r.Risk.ToString(), r.Resolved))),
            By(k => k, all.Select(r => (r.Source.ToString(), r.Resolved))),
            By(Child, all.Select(r => (r.AreaPath, r.Resolved))));
    }
}
