using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Outbox;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Features.Open311;

/// <summary>
/// Keeps the history Open311's <c>servicerequestupdates</c> lists (registered by <c>AddOpen311</c>): every save that changes a
/// report's status or public note, or resolves or reopens the case or danger it became, adds a <see cref="RequestUpdate"/>
/// to the same save. What counts as news is what the resident is told of (<see cref="NoticeInterceptor"/>'s rules), so the
/// updates a client reads and the messages a resident gets never disagree.
/// </summary>
public sealed class UpdateInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDb db)
        {
            await AddUpdatesAsync(db, false, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDb db)
        {
            // Synchronous all the way down (sync: true): no wait on a task here.
            AddUpdatesAsync(db, true, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    private async Task AddUpdatesAsync(AppDb db, bool sync, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var now = time.GetUtcNow();
        var updates = new List<RequestUpdate>();
        foreach (var e in tracker.Entries<ResidentRequest>().Where(e => e.State == EntityState.Modified))
        {
            if (StatusOrNoteChanged(e))
            {
                var kind = NoticeInterceptor.StatusChange(e);
                updates.Add(New(e.Entity, kind == NoticeKind.Resolved, e.Entity.Status.ToString(), e.Entity.StatusNotes, null, now));
            }
        }
        foreach (var e in tracker.Entries<DisputeEvent>().Where(e => e.State == EntityState.Added && e.Entity.DisputeId != 0))
        {
            if (NoticeInterceptor.CaseNotice(e.Entity.Type) is { } notice)
            {
                foreach (var r in await NoticeInterceptor.RequestsAsync(db, e.Entity.DisputeId, null, sync, ct))
                {
                    updates.Add(New(r, notice.Kind == NoticeKind.Resolved, e.Entity.Type.ToString(), null, notice.Key, now));
                }
            }
        }
        foreach (var e in tracker.Entries<DangerEvent>().Where(e => e.State == EntityState.Added && e.Entity.DangerId != 0))
        {
            if (NoticeInterceptor.DangerNotice(e.Entity.Type) is { } notice)
            {
                foreach (var r in await NoticeInterceptor.RequestsAsync(db, null, e.Entity.DangerId, sync, ct))
                {
                    updates.Add(New(r, notice.Kind == NoticeKind.Resolved, e.Entity.Type.ToString(), null, notice.Key, now));
                }
            }
        }
        db.RequestUpdates.AddRange(updates);
    }

    private static bool StatusOrNoteChanged(EntityEntry<ResidentRequest> e)
    {
        var status = e.Property(r => r.Status);
        var note = e.Property(r => r.StatusNotes);
        return (status.IsModified && status.OriginalValue != status.CurrentValue) || (note.IsModified && note.OriginalValue != note.CurrentValue);
    }

    private static RequestUpdate New(ResidentRequest r, bool resolved, string external, string? note, string? noteKey, DateTimeOffset at) => new()
    {
        RequestId = r.Id, RequestCode = r.Code, AreaPath = r.AreaPath, Status = ResidentRequests.Open311Status(r, resolved),
        ExternalStatus = external, Note = note, NoteKey = noteKey, At = at,
    };
}
