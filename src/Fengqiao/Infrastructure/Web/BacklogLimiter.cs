using System.Threading.RateLimiting;

namespace Fengqiao.Infrastructure.Web;

/// <summary>
/// Refuses a request when the server is already behind: more work items wait for a thread than
/// <see cref="LimitOptions.MaxBacklog"/>. When the processor is the bottleneck, requests queue in the transport and
/// the thread pool before any concurrency limit sees them, so that limit alone never engages and everyone slows
/// down; the backlog is where the wait shows. A refused request costs a 429 instead of a place in the queue, so
/// the ones that are let in keep their latency. No queue of its own: the backlog is the queue.
/// </summary>
public sealed class BacklogLimiter(int maxBacklog, Func<long>? backlog = null) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);
    private readonly Func<long> _backlog = backlog ?? (() => ThreadPool.PendingWorkItemCount);
    private long _refused;
    private long _granted;

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = Math.Max(0, maxBacklog - _backlog()),
        TotalFailedLeases = Interlocked.Read(ref _refused),
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (maxBacklog > 0 && _backlog() > maxBacklog)
        {
            Interlocked.Increment(ref _refused);
            return Refused;
        }
        Interlocked.Increment(ref _granted);
        return Granted;
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;
        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? TimeSpan.FromSeconds(1) : null;
            return metadata is not null;
        }
    }
}
