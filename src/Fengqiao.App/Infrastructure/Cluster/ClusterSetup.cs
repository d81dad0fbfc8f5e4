using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Fengqiao.Infrastructure.Cluster;

/// <summary>
/// What a node needs to run beside others behind HAProxy: client addresses from known proxies only, a readiness
/// check that says no while starting or draining, a graceful stop, and leases that keep periodic jobs to one node.
/// </summary>
public static class ClusterSetup
{
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<NodeIdentity>();
        builder.Services.AddSingleton<JobLeases>();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService<Drain>();
        // The grace and the requests' drain both happen inside the host's stop.
        builder.Services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(0, options.DrainGraceSeconds) + Math.Max(1, options.DrainRequestsSeconds)));
        builder.Services.Configure<ForwardedHeadersOptions>(o => Trust(o, proxies));
        return builder;
    }

    /// <summary>
    /// Only the configured proxies are believed; with none configured, no one is (ASP.NET Core would otherwise trust
    /// loopback, and so anything on the node's own machine).
    /// </summary>
    internal static void Trust(ForwardedHeadersOptions o, ProxyOptions proxies)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = Math.Max(1, proxies.Hops);
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var address in proxies.Known)
        {
            o.KnownProxies.Add(IPAddress.TryParse(address.Trim(), out var ip)
                ? ip
                : throw new InvalidOperationException($"Proxies:Known: \"{address}\" is not an IP address."));
        }
        foreach (var network in proxies.Networks)
        {
            o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var net)
                ? net
                : throw new InvalidOperationException($"Proxies:Networks: \"{network}\" is not a network in CIDR form (10.0.0.0/24)."));
        }
    }

    /// <summary>First in the pipeline: every limit, log and audit entry after it sees the client's address, not the proxy's.</summary>
    public static IApplicationBuilder UseClusterEdge(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>
    /// <c>/readyz</c>: 200 once the node has prepared its database and started, while the database answers; 503 while
    /// starting, draining or cut off from the database. HAProxy sends requests only to nodes that say 200.
    /// </summary>
    public static WebApplication MapReadiness(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<Readiness>();
        app.Lifetime.ApplicationStarted.Register(readiness.Ready);
        app.MapGet("/readyz", async (AppDb db, CancellationToken ct) =>
        {
            if (readiness.State != NodeState.Ready)
            {
                return Results.Text(readiness.State == NodeState.Starting ? "starting" : "draining", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            try
            {
                return await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").AnyAsync(ct)
                    ? Results.Text("ready")
                    : Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                return Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
