namespace Fengqiao.Infrastructure.Data;

public static class Concurrency
{
    /// <summary>
    /// Saves a change made from version <paramref name="expected"/> of the entity. Returns false,
    /// saving nothing, when someone else saved a newer version first (the caller answers 409).
    /// </summary>
    public static async Task<bool> SaveVersionedAsync<T>(this AppDb db, T entity, long expected, CancellationToken ct)
        where T : class, IVersioned
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
