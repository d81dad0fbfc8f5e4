using Fengqiao.Infrastructure.Telemetry;

namespace Fengqiao.Infrastructure.Cluster;

/// <summary>
/// Leases for periodic jobs, so that a job runs on one node per period however many nodes run. The holder renews its
/// lease each time it runs; another node takes it over only once it has ended (a node killed without releasing it
/// leaves the job after at most one lease). Each step is one statement that the database makes atomic: an insert that
/// does nothing if the row exists, and an update whose condition PostgreSQL re-checks after waiting for a competing
/// update's lock, and which SQLite runs one writer at a time. Node clocks are assumed to agree within a second (NTP).
/// </summary>
public sealed partial class JobLeases(IServiceScopeFactory scopes, NodeIdentity node, TimeProvider time, WriteTurn turn, ClusterOptions options,
    AppMetrics metrics, ILogger<JobLeases> log)
{
    /// <summary>How long a job with this period holds its lease: twice the period, at least <see cref="ClusterOptions.MinLeaseSeconds"/>.</summary>
    public TimeSpan LeaseFor(TimeSpan period) => TimeSpan.FromTicks(Math.Max(2 * period.Ticks, TimeSpan.FromSeconds(Math.Max(1, options.MinLeaseSeconds)).Ticks));

    public string Node => node.Name;

    /// <summary>True when this node holds (or has just taken, or renewed) the job's lease for <paramref name="lease"/> from now.</summary>
    public async Task<bool> TryHoldAsync(string job, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)lease.TotalMilliseconds;
        var me = node.Name;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        using var myTurn = await turn.TakeAsync(ct);
        var held = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"JobLeases\" (\"Name\", \"Owner\", \"UntilMs\") VALUES ({job}, {me}, {until}) ON CONFLICT (\"Name\") DO NOTHING", ct) == 1
            || await db.Set<JobLease>().Where(l => l.Name == job && (l.Owner == me || l.UntilMs <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, me).SetProperty(l => l.UntilMs, until), ct) == 1;
        if (held && !_held.ContainsKey(job))
        {
            LogTaken(log, job, me);
        }
        if (held)
        {
            _held[job] = true;
        }
        else
        {
            _held.TryRemove(job, out _);
        }
        return held;
    }

    /// <summary>
    /// Runs <paramref name="work"/> if this node holds the job's lease (taking or renewing it for <see cref="LeaseFor"/> the
    /// period); false when another node holds it. A failing run keeps the lease: the next period tries again here.
    /// </summary>
    public async Task<bool> RunIfHeldAsync(string job, TimeSpan period, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        if (!await TryHoldAsync(job, LeaseFor(period), ct))
        {
            return false;
        }
        await work(ct);
        metrics.JobRuns.Add(1, new KeyValuePair<string, object?>("job", job));
        return true;
    }

    /// <summary>Gives back the leases this node holds (on a graceful stop), so another node takes the jobs at its next look.</summary>
    public async Task ReleaseAllAsync(CancellationToken ct)
    {
        if (_held.IsEmpty)
        {
            return;
        }
        var me = node.Name;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        using var myTurn = await turn.TakeAsync(ct);
        await db.Set<JobLease>().Where(l => l.Owner == me).ExecuteUpdateAsync(s => s.SetProperty(l => l.UntilMs, 0L), ct);
        _held.Clear();
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _held = new();

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Node {Node} now runs the periodic job {Job}")]
    private static partial void LogTaken(ILogger logger, string job, string node);
}
