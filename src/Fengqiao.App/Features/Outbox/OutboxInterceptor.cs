using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Features.Outbox;

/// <summary>
/// The shape of every hook that writes messages from a save (the report notices, area alerts, staff notices): it adds
/// its messages to the same save, so they commit with the change or not at all, and wakes the delivery worker once the
/// save is done. The synchronous save runs the same code with <c>sync: true</c>, which never waits on a task.
/// </summary>
public abstract class OutboxInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _added = [];

    /// <summary>Adds this hook's messages for what <paramref name="db"/> is saving; true when it added any.</summary>
    protected abstract Task<bool> AddMessagesAsync(AppDb db, bool sync, CancellationToken ct);

    /// <summary>
    /// Whether to wake the worker as soon as the save is done. A hook that waits for the caller's transaction to commit
    /// says no inside one, and wakes it from a commit hook instead (<see cref="TakeAdded"/>).
    /// </summary>
    protected virtual bool WakeAfterSave(DbContext context) => true;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDb db && await AddMessagesAsync(db, false, cancellationToken))
        {
            _added.AddOrUpdate(db, this);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDb db && AddMessagesAsync(db, true, CancellationToken.None).GetAwaiter().GetResult())
        {
            _added.AddOrUpdate(db, this);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && WakeAfterSave(context) && _added.Remove(context))
        {
            signal.Poke();
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    /// <summary>True once for a context whose save added messages that no one has woken the worker for yet.</summary>
    internal bool TakeAdded(DbContext context) => _added.Remove(context);
}
