namespace Fengqiao.Infrastructure.Web;

/// <summary>
/// Refuses a request when the server is already behind: more work items wait for a thread than
/// <see cref="LimitOptions.MaxBacklog"/>. When the processor is the bottleneck, requests queue in the transport and
/// the thread pool before any concurrency limit sees them, so that limit alone never engages and everyone slows
/// down; the backlog is where the wait shows. The check runs first in the pipeline, so that a refusal costs far
/// less than an answer and the requests let in keep their latency.
/// </summary>
public sealed class LoadShedding(LimitOptions options, RejectionLog log, Func<long>? backlog = null) : IMiddleware
{
    private readonly Func<long> _backlog = backlog ?? (() => ThreadPool.PendingWorkItemCount);

    public bool Behind => options.MaxBacklog > 0 && _backlog() > options.MaxBacklog;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!Behind || WebSetup.IsStatic(context) || WebSetup.IsProbe(context))
        {
            await next(context);
            return;
        }
        log.Rejected(context, "the server is behind");
        await Limits.TooManyAsync(context, 1);
    }
}

/// <summary>
/// Every refusal is logged, but under overload not one line each: the first few of every second in full, the rest
/// as one count when the second is over. A log that costs as much as the answer would make the overload worse.
/// </summary>
public sealed class RejectionLog(ILogger<RejectionLog> logger, TimeProvider time)
{
    public const int PerSecondInFull = 50;
    private readonly Lock _gate = new();
    private long _second;
    private int _inSecond;

    public void Rejected(HttpContext http, string why)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        int dropped;
        long droppedIn;
        bool inFull;
        lock (_gate)
        {
            (dropped, droppedIn) = now != _second ? (Math.Max(0, _inSecond - PerSecondInFull), _second) : (0, 0);
            if (now != _second)
            {
                (_second, _inSecond) = (now, 0);
            }
            inFull = ++_inSecond <= PerSecondInFull;
        }
        if (dropped > 0)
        {
            logger.LogWarning("Request rejected by the rate limiter: {Count} more in the second from {Second:u}, not logged one by one",
                dropped, DateTimeOffset.FromUnixTimeSeconds(droppedIn));
        }
        if (inFull)
        {
            logger.LogWarning("Request rejected by the rate limiter ({Why}): {Method} {Path} from {Client}",
                why, http.Request.Method, http.Request.Path, Limits.Client(http));
        }
    }
}
