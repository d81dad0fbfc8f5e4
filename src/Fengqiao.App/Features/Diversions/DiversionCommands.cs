using Fengqiao.Features.Calendar;
using Fengqiao.Features.Outbox;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Diversions;

public enum DiversionAction
{
    Accept = 1,
    Answer = 2,
    Return = 3,
    Redivert = 4,
    TakeAsPolice = 5,
}

public sealed record DiversionChange(ChangeOutcome Outcome, DiversionStatus Status = DiversionStatus.Diverted);

/// <summary>
/// Moving a diversion along: Diverted → Accepted → Answered by the department; Diverted or Accepted → Returned with a
/// reason; Returned → Diverted again (to another kind or department) or → PoliceMatter by the station. Each change
/// writes its timeline event and its outbox rows in the same save, and is refused from any other state.
/// </summary>
public sealed class DiversionCommands(AppDb db, DiversionNotices notices, CalendarService calendar, LocalClock clock, OutboxSignal signal)
{
    private static readonly Dictionary<DiversionAction, DiversionStatus[]> AllowedFrom = new()
    {
        [DiversionAction.Accept] = [DiversionStatus.Diverted],
        [DiversionAction.Answer] = [DiversionStatus.Accepted],
        [DiversionAction.Return] = [DiversionStatus.Diverted, DiversionStatus.Accepted],
        [DiversionAction.Redivert] = [DiversionStatus.Returned],
        [DiversionAction.TakeAsPolice] = [DiversionStatus.Returned],
    };

    public static DiversionAction[] AllowedIn(DiversionStatus status) =>
        [.. AllowedFrom.Where(a => a.Value.Contains(status)).Select(a => a.Key).Order()];

    public static bool Allows(DiversionStatus status, DiversionAction action) => AllowedFrom[action].Contains(status);

    /// <summary>The unit a kind sends a call at <paramref name="areaPath"/> to: its own unit, or the nearest one of its local kind above the place.</summary>
    public static async Task<Unit?> DepartmentAsync(AppDb db, DiversionKind kind, string areaPath, CancellationToken ct)
    {
        // Departments often lie outside the station's jurisdiction: the catalogue names them, so they are read unscoped.
        var units = db.Units.IgnoreQueryFilters().AsNoTracking();
        if (kind.UnitId is { } id)
        {
            return await units.FirstOrDefaultAsync(u => u.Id == id, ct);
        }
        var above = PathRange.Ancestors(areaPath);
        above.Add(areaPath);
        var candidates = await units.Where(u => u.Kind == kind.LocalUnitKind && above.Contains(u.AreaPath)).ToListAsync(ct);
        return candidates.OrderByDescending(u => u.AreaPath.Length).ThenBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Hands the (new or returned) diversion to <paramref name="unit"/> for <paramref name="kind"/>: due date, event, the department's e-mail.</summary>
    public async Task HandOverAsync(Diversion d, DiversionKind kind, Unit unit, DiversionEventType type, string? actor, string? note, CancellationToken ct)
    {
        var today = clock.Today;
        var cal = await calendar.FreshAsync(ct);
        (d.KindId, d.UnitId, d.UnitNameZh, d.UnitNameEn) = (kind.Id, unit.Id, unit.NameZh, unit.NameEn);
        (d.Status, d.DivertedAt, d.DivertedOn, d.DueOn) = (DiversionStatus.Diverted, clock.Now, today, cal.AddWorkingDays(today, kind.TimeLimitWorkingDays));
        (d.AcceptedAt, d.AnsweredAt, d.AnsweredOn, d.Answer, d.HandledBy) = (null, null, null, null, null);
        if (d.Id == 0)
        {
            // The link names the diversion's id: the first save gives it one, inside the caller's transaction.
            db.Add(d);
            await db.SaveChangesAsync(ct);
        }
        Event(d, type, actor, note);
        if (notices.ToDepartment(d, kind, unit.ContactEmail) is { } mail)
        {
            db.Add(mail);
        }
    }

    /// <summary>Wakes the outbox worker after the caller's transaction with a hand-over committed.</summary>
    public void Delivered() => signal.Poke();

    /// <summary>The department signs for it.</summary>
    public Task<DiversionChange> AcceptAsync(Diversion d, long version, string? by, CancellationToken ct) =>
        ChangeAsync(d, version, DiversionAction.Accept, () =>
        {
            (d.Status, d.AcceptedAt, d.HandledBy) = (DiversionStatus.Accepted, clock.Now, Clean(by));
            Event(d, DiversionEventType.Accepted, Clean(by), null);
            return DiversionNotices.Accepted;
        }, ct);

    public Task<DiversionChange> AnswerAsync(Diversion d, long version, string answer, string? by, CancellationToken ct) =>
        ChangeAsync(d, version, DiversionAction.Answer, () =>
        {
            (d.Status, d.AnsweredAt, d.AnsweredOn, d.Answer) = (DiversionStatus.Answered, clock.Now, clock.Today, answer.Trim());
            d.HandledBy = Clean(by) ?? d.HandledBy;
            Event(d, DiversionEventType.Answered, Clean(by), d.Answer);
            return DiversionNotices.Answered;
        }, ct);

    public Task<DiversionChange> ReturnAsync(Diversion d, long version, string reason, string? by, CancellationToken ct) =>
        ChangeAsync(d, version, DiversionAction.Return, () =>
        {
            (d.Status, d.ReturnedAt, d.ReturnReason) = (DiversionStatus.Returned, clock.Now, reason.Trim());
            Event(d, DiversionEventType.Returned, Clean(by), d.ReturnReason);
            return DiversionNotices.Returned;
        }, ct);

    /// <summary>The station sends a returned diversion to another kind (and so another department); the old link stops working.</summary>
    public async Task<DiversionChange> RedivertAsync(Diversion d, long version, DiversionKind kind, Unit unit, string? note, CancellationToken ct)
    {
        if (!Allows(d.Status, DiversionAction.Redivert))
        {
            return new(ChangeOutcome.WrongState, d.Status);
        }
        await using var tx = await db.BeginOrJoinAsync(ct);
        d.Round++;
        await HandOverAsync(d, kind, unit, DiversionEventType.Rediverted, db.Jurisdiction.UserName, Clean(note), ct);
        var ok = await db.SaveVersionedAsync(d, version, ct);
        if (ok)
        {
            await tx.CommitAsync(ct);
            signal.Poke();
        }
        return ok ? new(ChangeOutcome.Ok) : new(ChangeOutcome.Conflict);
    }

    public Task<DiversionChange> TakeAsPoliceAsync(Diversion d, long version, string? note, CancellationToken ct) =>
        ChangeAsync(d, version, DiversionAction.TakeAsPolice, () =>
        {
            d.Status = DiversionStatus.PoliceMatter;
            Event(d, DiversionEventType.PoliceMatter, db.Jurisdiction.UserName, Clean(note));
            return null;
        }, ct);

    private async Task<DiversionChange> ChangeAsync(Diversion d, long version, DiversionAction action, Func<string?> change, CancellationToken ct)
    {
        if (!Allows(d.Status, action))
        {
            return new(ChangeOutcome.WrongState, d.Status);
        }
        var evt = change();
        if (evt is not null)
        {
            db.AddRange(notices.Webhooks(d, evt));
        }
        if (!await db.SaveVersionedAsync(d, version, ct))
        {
            return new(ChangeOutcome.Conflict);
        }
        signal.Poke();
        return new(ChangeOutcome.Ok, d.Status);
    }

    private void Event(Diversion d, DiversionEventType type, string? actor, string? note) =>
        db.Add(new DiversionEvent
        {
            Diversion = d, DiversionId = d.Id, AreaPath = d.AreaPath, Type = type, At = clock.Now, UnitNameZh = d.UnitNameZh, UnitNameEn = d.UnitNameEn,
            ActorName = actor is { Length: > 100 } ? actor[..100] : actor, Note = note,
        });

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
