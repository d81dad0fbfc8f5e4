using Fengqiao.Infrastructure.Cluster;

namespace Fengqiao.Infrastructure.Audit;

/// <summary>
/// Seals new audit entries into the chain every second, on the one node that holds the job's lease (the seal row's
/// version would also let one win, but then every node would read the same entries to lose the race).
/// </summary>
public sealed partial class AuditSealer(IServiceScopeFactory scopes, WriteTurn turn, JobLeases leases, ILogger<AuditSealer> log) : BackgroundService
{
    public const string Job = "audit-sealer";
    private const int Batch = 100;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await leases.RunIfHeldAsync(Job, Period, SealAllAsync, stoppingToken);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
                LogSealFailed(log, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Seals every entry waiting, a batch at a time.</summary>
    public async Task SealAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        while (await SealAsync(db, ct) == Batch)
        {
        }
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
