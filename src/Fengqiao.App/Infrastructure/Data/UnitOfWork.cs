using Microsoft.EntityFrameworkCore.Storage;

namespace Fengqiao.Infrastructure.Data;

/// <summary>
/// A transaction that a command opens when it runs alone, or joins when its caller already has one
/// open (a report triaged into a case: the case and the report's new status commit together).
/// Only the opener commits; a joined command's commit is the caller's.
/// </summary>
public sealed class UnitOfWork(IDbContextTransaction? owned) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct) => owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public static class UnitOfWorkExtensions
{
    public static async Task<UnitOfWork> BeginOrJoinAsync(this AppDb db, CancellationToken ct) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);
}
