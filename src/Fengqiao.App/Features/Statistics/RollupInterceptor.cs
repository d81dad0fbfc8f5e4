using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fengqiao.Features.Statistics;

/// <summary>
/// Keeps the rollups in step with every save of a counted record, in the save's own transaction (the caller's, or one it
/// opens). Registered by <c>AddStatistics</c>, so the context knows nothing of statistics. Bulk writers that bypass the
/// change tracker (the resident import, the province generator) add their counts through <see cref="RollupWriter.ApplyAsync"/>.
/// </summary>
public sealed class RollupInterceptor : SaveChangesInterceptor
{
    private sealed record Pending(RollupDelta Delta, IDbContextTransaction? Own);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDb db && RollupWriter.Collect(db.ChangeTracker) is { } rollups)
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                await rollups.LoadAsync(db, cancellationToken);
                _pending.AddOrUpdate(db, new Pending(rollups.Delta(), own));
            }
            catch
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
                throw;
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDb db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            try
            {
                if (!pending.Delta.IsEmpty)
                {
                    await RollupWriter.ApplyAsync(db, pending.Delta, cancellationToken);
                }
                if (pending.Own is not null)
                {
                    await pending.Own.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (pending.Own is not null)
                {
                    await pending.Own.DisposeAsync();
                }
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            if (pending.Own is not null)
            {
                await pending.Own.DisposeAsync(); // rolls back: the record and its counts fail together
            }
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();
}
