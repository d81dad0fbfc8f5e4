using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;

namespace Fengqiao.Infrastructure.Audit;

/// <summary>Seals new audit entries into the chain every second, on every node (the seal row's version lets one win).</summary>
public sealed partial class AuditSealer(IServiceScopeFactory scopes, WriteTurn turn, ILogger<AuditSealer> log) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                while (await SealAsync(db, stoppingToken) == Batch)
                {
                }
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
                LogSealFailed(log, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One transaction of up to <see cref="Batch"/> entries, in its turn with the app's other steady writers.</summary>
    private async Task<int> SealAsync(AppDb db, CancellationToken ct)
    {
        using var myTurn = await turn.TakeAsync(ct);
        return await AuditChain.SealAsync(db, Batch, ct);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Could not seal audit entries this time ({ErrorType}); they wait for the next round")]
    private static partial void LogSealFailed(ILogger logger, string errorType);
}
