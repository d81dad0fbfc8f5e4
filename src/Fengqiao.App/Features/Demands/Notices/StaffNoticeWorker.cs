using Fengqiao.Infrastructure.Cluster;

namespace Fengqiao.Features.Demands.Notices;

/// <summary>
/// Looks every few minutes whether the day's checks are due: overdue referrals, and the digests from their hour. Each
/// check does its day's work once (it records what it told), so looking often costs a query and sends nothing twice.
/// The first look is one interval after start, not at start, so that a node coming up sends nothing in its first minutes.
/// With several nodes, the node that holds the job's lease looks; the others leave it.
/// </summary>
public sealed partial class StaffNoticeWorker(
    OverdueReferrals overdue, DailyDigest digest, JobLeases leases, IOptions<StaffNoticeOptions> options, ILogger<StaffNoticeWorker> log)
    : BackgroundService
{
    public const string Job = "staff-notices";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.CheckEvery > TimeSpan.FromSeconds(5) ? options.Value.CheckEvery : TimeSpan.FromSeconds(5);
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await leases.RunIfHeldAsync(Job, period, async ct =>
                {
                    await overdue.RunOnceAsync(ct);
                    await digest.RunOnceAsync(ct);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Error, Message = "The daily staff notices check failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
