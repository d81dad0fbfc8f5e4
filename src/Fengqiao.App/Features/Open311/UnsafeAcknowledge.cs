using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Features.Open311;

/// <summary>
/// The control run of the crash test (bench/crash-loop.sh --control), never a way to run Fengqiao: with
/// <c>Database:UnsafeAcknowledgeBeforeCommit</c> (refused in Production) an Open311 report is answered 201 at the
/// moment its transaction is about to commit, and the commit follows 400 ms later, as a write-behind buffer would.
/// Killing the server then loses acknowledged reports, which shows that the crash test can see a loss.
/// </summary>
internal static class UnsafeAcknowledge
{
    public static bool IsOn(IConfiguration config, IHostEnvironment environment) =>
        config.GetValue<bool>("Database:UnsafeAcknowledgeBeforeCommit") && !environment.IsProduction();

    public static bool IsOn(IServiceProvider services) =>
        IsOn(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());

    /// <summary>Runs the report in the background and returns it as soon as its commit has started.</summary>
    public static async Task<ResidentRequest?> CreateAsync(IServiceProvider services, Checks c, NewRequest input, string key, CancellationToken ct)
    {
        var committing = new TaskCompletionSource<DbContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        CommitDelay.Signal.Value = committing;
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var work = Task.Run(async () =>
        {
            try
            {
                return await scope.ServiceProvider.GetRequiredService<ResidentRequests>().CreateAsync(c, input, key, null, CancellationToken.None, writeNow: true);
            }
            finally
            {
                await scope.DisposeAsync();
            }
        }, CancellationToken.None);
        CommitDelay.Signal.Value = null;
        var first = await Task.WhenAny(committing.Task, work);
        return first == work ? await work : (await committing.Task).ChangeTracker.Entries<ResidentRequest>().Select(e => e.Entity).FirstOrDefault();
    }
}

/// <summary>Signals that a commit is about to happen, then holds it back 400 ms (the control run only).</summary>
internal sealed class CommitDelay : DbTransactionInterceptor
{
    public static readonly AsyncLocal<TaskCompletionSource<DbContext>?> Signal = new();

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Signal.Value is { } signal && eventData.Context is not null)
        {
            signal.TrySetResult(eventData.Context);
            await Task.Delay(400, CancellationToken.None);
        }
        return result;
    }
}
