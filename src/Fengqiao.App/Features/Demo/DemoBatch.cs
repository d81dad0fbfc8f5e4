namespace Fengqiao.Features.Demo;

/// <summary>
/// How every demo writer stores its set: in one transaction (run whole by the provider's retry strategy), with change
/// detection off while thousands of rows are added and one detection per save, then what must follow the inserts
/// (each row's version set from its history) before the commit.
/// </summary>
internal static class DemoBatch
{
    /// <param name="insert">Adds the rows, calling <c>save</c> after each step whose ids the next step needs.</param>
    /// <param name="afterwards">Runs after the inserts, in the same transaction.</param>
    public static Task WriteAsync(AppDb db, Func<Func<Task>, CancellationToken, Task> insert, Func<CancellationToken, Task>? afterwards, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var tracker = db.ChangeTracker;
            tracker.AutoDetectChangesEnabled = false;
            try
            {
                await insert(async () =>
                {
                    tracker.DetectChanges();
                    await db.SaveChangesAsync(token);
                }, token);
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = true;
            }
            if (afterwards is not null)
            {
                await afterwards(token);
            }
            await transaction.CommitAsync(token);
        }, ct);
}
