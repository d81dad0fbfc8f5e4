using System.Net;
using Fengqiao.Infrastructure.Telemetry;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fengqiao.Tests.Cluster;

/// <summary>Prometheus reads the node's metrics at /metrics from the monitoring network only.</summary>
public sealed class ScrapedSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Telemetry:ScrapeNetworks:0", "10.9.0.0/24");
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerAddress>());
    }
}

public sealed class TelemetryTests(ScrapedSqliteApp app) : IClassFixture<ScrapedSqliteApp>
{
    private async Task<HttpResponseMessage> ScrapeAsync(HttpClient client, string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(PeerAddress.Header, peer);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task TheScrapeShowsRequestsAndTheOutboxAndOnlyToTheMonitoringNetwork()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        var sampler = app.Services.GetServices<IHostedService>().OfType<GaugeSampler>().Single();
        await sampler.SampleAsync(CancellationToken.None);

        var scrape = await ScrapeAsync(client, "10.9.0.17");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Contains(text.Split('\n'), l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("Account/Login\"", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("# TYPE fengqiao_outbox_pending gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE fengqiao_outbox_dead gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE fengqiao_open311_writer_waiting gauge", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(client, "203.0.113.50")).StatusCode);
    }
}
