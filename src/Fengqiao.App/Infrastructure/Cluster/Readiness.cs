namespace Fengqiao.Infrastructure.Cluster;

public enum NodeState
{
    /// <summary>Migrations, seeding and warm-up not yet done.</summary>
    Starting,
    Ready,
    /// <summary>Stopping: finishing what it has, taking nothing new.</summary>
    Draining,
}

/// <summary>Whether the load balancer should send this node new requests: only while <see cref="NodeState.Ready"/>.</summary>
public sealed class Readiness
{
    private volatile NodeState _state = NodeState.Starting;

    public NodeState State => _state;

    public void Ready()
    {
        if (_state == NodeState.Starting)
        {
            _state = NodeState.Ready;
        }
    }

    public void Drain() => _state = NodeState.Draining;
}

/// <summary>
/// A graceful stop (SIGTERM, Ctrl+C): the node first turns not ready and keeps serving for the grace, so that the load
/// balancer's checks see it and send new requests elsewhere; then the host stops the server, which lets the requests
/// in flight finish (within <see cref="ClusterOptions.DrainRequestsSeconds"/>), and gives back its job leases.
/// Runs before any hosted service stops: <see cref="IHostedLifecycleService.StoppingAsync"/>.
/// </summary>
public sealed class Drain(Readiness readiness, JobLeases leases, ClusterOptions options, ILogger<Drain> log) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.Drain();
        log.LogInformation("Draining: not ready for {Seconds} s, then finishing the requests in flight", options.DrainGraceSeconds);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, options.DrainGraceSeconds)), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout came first: stop now.
        }
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await leases.ReleaseAllAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // The leases end by themselves; another node takes the jobs a lease later.
            log.LogWarning("Could not give back the job leases ({ErrorType}); they end by themselves", e.GetType().Name);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
