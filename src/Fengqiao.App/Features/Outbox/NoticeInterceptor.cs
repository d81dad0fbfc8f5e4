using Fengqiao.Features.Units;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Open311;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Features.Outbox;

/// <summary>
/// The transactional outbox's hook (registered by <c>AddOutbox</c>): every save that receives a report, changes its
/// status, or resolves or reopens the case or danger it became, adds the notices to the same save, so that they commit
/// with the change or not at all. Whoever writes (the group commit, triage, the case workflow, the danger commands)
/// knows nothing of it.
/// </summary>
public sealed class NoticeInterceptor(Notices notices, OutboxSignal signal) : OutboxInterceptor(signal)
{
    /// <summary>A save inside the caller's transaction is delivered once that commits (<see cref="CommitSignal"/>).</summary>
    protected override bool WakeAfterSave(DbContext context) => context.Database.CurrentTransaction is null;

    protected override async Task<bool> AddMessagesAsync(AppDb db, bool sync, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
        }
        var found = new List<(ResidentRequest Request, NoticeKind Kind, string? Note, string? Key, string? Case)>();
        foreach (var e in tracker.Entries<ResidentRequest>())
        {
            if (e.State == EntityState.Added)
            {
                found.Add((e.Entity, NoticeKind.Received, null, null, null));
            }
            else if (e.State == EntityState.Modified && StatusChange(e) is { } kind)
            {
                found.Add((e.Entity, kind, e.Entity.StatusNotes, null, null));
            }
        }
        foreach (var e in tracker.Entries<DisputeEvent>().Where(e => e.State == EntityState.Added))
        {
            if (CaseNotice(e.Entity.Type) is { } notice && e.Entity.DisputeId != 0)
            {
                foreach (var r in await RequestsAsync(db, e.Entity.DisputeId, null, sync, ct))
                {
                    found.Add((r, notice.Kind, null, notice.Key, e.Entity.Dispute?.Code));
                }
            }
        }
        foreach (var e in tracker.Entries<DangerEvent>().Where(e => e.State == EntityState.Added))
        {
            if (DangerNotice(e.Entity.Type) is { } notice && e.Entity.DangerId != 0)
            {
                foreach (var r in await RequestsAsync(db, null, e.Entity.DangerId, sync, ct))
                {
                    found.Add((r, notice.Kind, null, notice.Key, null));
                }
            }
        }
        // Most reports carry no contact and no webhook wants them: no message, so no station's name to read.
        found.RemoveAll(f => !notices.HasRecipient(f.Request, f.Kind));
        if (found.Count == 0)
        {
            return false;
        }
        var stationIds = found.Where(f => f.Request.StationUnitId is not null).Select(f => f.Request.StationUnitId!.Value).Distinct().ToList();
        var stationQuery = db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => stationIds.Contains(u.Id)).Select(u => new { u.Id, u.NameZh, u.NameEn });
        var stations = (sync ? stationQuery.ToList() : await stationQuery.ToListAsync(ct)).ToDictionary(u => u.Id);
        var messages = new List<OutboxMessage>();
        foreach (var (request, kind, note, key, caseCode) in found)
        {
            var station = request.StationUnitId is { } id && stations.TryGetValue(id, out var s) ? s : null;
            messages.AddRange(notices.For(new ReportNotice(request, kind, note, key, station?.NameZh, station?.NameEn, caseCode)));
        }
        db.AddRange(messages);
        return messages.Count > 0;
    }

    internal static NoticeKind? StatusChange(EntityEntry<ResidentRequest> e)
    {
        var status = e.Property(r => r.Status);
        if (!status.IsModified || status.OriginalValue == status.CurrentValue)
        {
            return null;
        }
        return status.CurrentValue switch
        {
            RequestStatus.Closed => NoticeKind.Resolved,
            RequestStatus.Submitted => NoticeKind.Reopened,
            _ => NoticeKind.Updated,
        };
    }

    internal static (NoticeKind Kind, string Key)? CaseNotice(DisputeEventType type) => type switch
    {
        DisputeEventType.Resolved => (NoticeKind.Resolved, "The parties reached an agreement through mediation."),
        DisputeEventType.NotResolvable => (NoticeKind.Updated, "Mediation could not settle it; the officer will tell you where it can be taken next."),
        DisputeEventType.Referred => (NoticeKind.Updated, "It has been referred to the body that can settle it."),
        DisputeEventType.Reopened => (NoticeKind.Reopened, "The case has been reopened."),
        _ => null,
    };

    internal static (NoticeKind Kind, string Key)? DangerNotice(DangerEventType type) => type switch
    {
        DangerEventType.Rectified => (NoticeKind.Updated, "The responsible party reports the danger rectified; an officer will check it."),
        DangerEventType.Verified => (NoticeKind.Resolved, "An officer has checked that the danger is gone."),
        DangerEventType.Reopened => (NoticeKind.Reopened, "The danger has been reopened."),
        _ => null,
    };

    /// <summary>The reports behind a case: tracked ones as they are in this save, the others as stored (a system read by the link, not a list).</summary>
    internal static async Task<List<ResidentRequest>> RequestsAsync(AppDb db, int? disputeId, int? dangerId, bool sync, CancellationToken ct)
    {
        Func<ResidentRequest, bool> behind = disputeId is { } d ? r => r.DisputeId == d : r => r.DangerId == dangerId;
        var tracked = db.ChangeTracker.Entries<ResidentRequest>().Select(e => e.Entity).Where(behind).ToList();
        var ids = tracked.Select(r => r.Id).ToList();
        var stored = db.ResidentRequests.IgnoreQueryFilters().AsNoTracking().Where(r => !ids.Contains(r.Id));
        var query = disputeId is { } id ? stored.Where(r => r.DisputeId == id) : stored.Where(r => r.DangerId == dangerId);
        return [.. tracked, .. sync ? query.ToList() : await query.ToListAsync(ct)];
    }
}

/// <summary>Wakes the worker when a transaction that carried notices commits.</summary>
public sealed class CommitSignal(NoticeInterceptor notices, OutboxSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && notices.TakeAdded(context))
        {
            signal.Poke();
        }
    }

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }
}
