namespace Fengqiao.Infrastructure.Cluster;

/// <summary>The <c>Cluster</c> section: how a node takes part with others behind a load balancer.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// Seconds between SIGTERM and the node's stop during which it still serves but <c>/readyz</c> answers 503, so that the
    /// load balancer (HAProxy checks every 2 s, down after 2 failures) stops sending new requests before the node goes.
    /// </summary>
    public int DrainGraceSeconds { get; set; } = 5;

    /// <summary>Seconds after the grace that requests in flight get to finish before the node stops regardless.</summary>
    public int DrainRequestsSeconds { get; set; } = 20;

    /// <summary>
    /// The shortest lease a periodic job holds (seconds): a node that dies holding it leaves the job to another after at most
    /// this long, or twice the job's period if longer (so the holder renews well before the lease ends).
    /// </summary>
    public int MinLeaseSeconds { get; set; } = 10;

    /// <summary>This node's name in job leases and logs; default the machine name, the process id and a random part.</summary>
    public string? NodeName { get; set; }
}

/// <summary>The <c>Proxies</c> section: the only senders whose X-Forwarded-For and X-Forwarded-Proto are believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxies";

    /// <summary>Addresses of the load balancers in front of the nodes, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> Known { get; set; } = [];

    /// <summary>Networks of load balancers in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> Networks { get; set; } = [];

    /// <summary>Proxies in a row (HAProxy alone: 1). The client address is taken this many hops from the right.</summary>
    public int Hops { get; set; } = 1;
}

/// <summary>Who this node is, for the leases it holds.</summary>
public sealed class NodeIdentity(ClusterOptions options)
{
    public string Name { get; } = string.IsNullOrWhiteSpace(options.NodeName)
        ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}"
        : options.NodeName.Trim();
}
