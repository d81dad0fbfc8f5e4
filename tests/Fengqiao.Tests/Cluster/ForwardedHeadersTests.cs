using System.Net;
using System.Net.Http.Json;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Cluster;

/// <summary>Behind HAProxy at 10.0.0.5, with a per-client limit low enough to reach (one a second, bursts of two).</summary>
public sealed class ProxiedSqliteApp : SqliteApp
{
    public const string Proxy = "10.0.0.5";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Proxies:Known:0", Proxy);
        builder.UseSetting("Limits:PerClientPerSecond", "1");
        builder.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddress>());
    }
}

/// <summary>
/// The client's address comes from the forwarded header only when the proxy sent it: the audit log and the per-client
/// limit then see each resident behind the proxy as themselves, and a client that sends the header itself is not believed.
/// </summary>
public sealed class ForwardedHeadersTests(ProxiedSqliteApp app) : IClassFixture<ProxiedSqliteApp>
{
    private HttpClient Client()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        return app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
    }

    private static HttpRequestMessage From(HttpMethod method, string url, string peer, string? forwardedFor)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(PeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    private async Task<string?> SignInAddressAsync(string peer, string? forwardedFor)
    {
        var user = "nobody." + Guid.NewGuid().ToString("N")[..8];
        var request = From(HttpMethod.Post, "/api/account/login", peer, forwardedFor);
        request.Content = JsonContent.Create(new { userName = user, password = "wrong-password-1" });
        var response = await Client().SendAsync(request);
        Assert.False(response.IsSuccessStatusCode);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return (await db.AuditLog.AsNoTracking().Where(e => e.Entity == "Account" && e.EntityId == user).SingleAsync()).Reason;
    }

    [Fact]
    public async Task ASignInThroughTheProxyIsAuditedWithTheResidentsAddress() =>
        Assert.Equal("203.0.113.7", await SignInAddressAsync(ProxiedSqliteApp.Proxy, "203.0.113.7"));

    [Fact]
    public async Task AClientNotInTheProxyListCannotForgeItsAddress() =>
        Assert.Equal("198.51.100.9", await SignInAddressAsync("198.51.100.9", "203.0.113.7"));

    [Fact]
    public async Task EachClientBehindTheProxyHasItsOwnLimitAndAForgerKeepsItsOwn()
    {
        var client = Client();
        async Task<HttpStatusCode> GetAsync(string peer, string? forwardedFor) =>
            (await client.SendAsync(From(HttpMethod.Get, "/account/login", peer, forwardedFor))).StatusCode;

        // One resident behind the proxy uses up their limit ...
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            first.Add(await GetAsync(ProxiedSqliteApp.Proxy, "203.0.113.20"));
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        // ... and the next resident through the same proxy is still served: the proxy is not one client.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(ProxiedSqliteApp.Proxy, "203.0.113.21"));

        // A client that names a new address in every request is still limited as itself.
        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            forged.Add(await GetAsync("198.51.100.30", $"203.0.113.{100 + i}"));
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, forged);
    }
}
