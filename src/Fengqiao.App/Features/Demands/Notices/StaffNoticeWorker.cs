using Microsoft.Extensions.Options;

namespace Fengqiao.Features.Demands.Notices;

/// <summary>
/// Looks every few minutes whether the day's checks are due: overdue referrals, and the digests from their hour. Each
/// check does its day's work once (it records what it told), so looking often costs a query and sends nothing twice.
/// The first look is one interval after start, not at start, so that a node coming up sends nothing in its first minutes.
/// </summary>
public sealed partial class StaffNoticeWorker(OverdueReferrals overdue, DailyDigest digest, IOptions<StaffNoticeOptions> options, ILogger<StaffNoticeWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery > TimeSpan.FromSeconds(5) ? options.Value.CheckEvery : TimeSpan.FromSeconds(5));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await overdue.RunOnceAsync(stoppingToken);
                await digest.RunOnceAsync(stoppingToken);
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
