using System.Net;
using Fengqiao.Infrastructure.Cluster;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fengqiao.Tests.Cluster;

/// <summary>
/// What HAProxy sees of a node: ready once started, and on a graceful stop not ready while it still serves, so that
/// new requests go to the other nodes before this one goes; its job leases are given back when it has stopped.
/// </summary>
public sealed class ReadinessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AStartedNodeIsReady()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        var response = await app.CreateClient().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void ANodeThatBeganToDrainIsNeverReadyAgain()
    {
        var readiness = new Readiness();
        Assert.Equal(NodeState.Starting, readiness.State);
        readiness.Drain();
        readiness.Ready();
        Assert.Equal(NodeState.Draining, readiness.State);
    }

    [Fact]
    public async Task OnStopTheNodeSaysNotReadyWhileStillServingThenGivesBackItsLeases()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        await using var node = app.WithWebHostBuilder(b => b.UseSetting("Cluster:DrainGraceSeconds", "10"));
        var client = node.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var leases = node.Services.GetRequiredService<JobLeases>();
        var job = "test-drain-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await leases.TryHoldAsync(job, TimeSpan.FromMinutes(10), CancellationToken.None));

        var stopping = node.Services.GetRequiredService<IHost>().StopAsync();
        while (node.Services.GetRequiredService<Readiness>().State != NodeState.Draining)
        {
            await Task.Delay(20);
        }
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("draining", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode); // alive, and serving what it has
        await stopping;

        using var scope = app.Services.CreateScope();
        var lease = await scope.ServiceProvider.GetRequiredService<AppDb>().Set<JobLease>().AsNoTracking().SingleAsync(l => l.Name == job);
        Assert.Equal(0, lease.UntilMs); // free for another node at once, not after ten minutes
    }
}
