using System.Net;
using System.Net.Http.Json;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Security;

/// <summary>Per-client rate limits and the sign-in limit answer 429 with Retry-After; a brute force meets the lockout first.</summary>
public abstract class LimitTests(FengqiaoApp app)
{
    private WebApplicationFactory<Program> Limited(int perSecond, int signInsPerMinute) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Limits:PerClientPerSecond", perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting("Limits:SignInsPerMinute", signInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    [Fact]
    public async Task AClientOverItsRateGets429WithRetryAfterAndOthersAreNotHeldUp()
    {
        await using var node = Limited(perSecond: 5, signInsPerMinute: 1000);
        var greedy = node.CreateClient();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => greedy.GetAsync("/api/neighbourhoods/locate-neighbourhood?q=43.887,125.3076")));
        var refused = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(statuses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.DoesNotContain(statuses, r => (int)r.StatusCode >= 500);
        await Task.Delay(1100);
        Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/api/neighbourhoods/locate-neighbourhood?q=43.887,125.3076")).StatusCode);
    }

    [Fact]
    public async Task WhenTheServerIsBehindNewRequestsGet429AtOnceAndAreServedWhenItCatchesUp()
    {
        var backlog = 5_000L;
        await using var node = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(sp =>
            new LoadShedding(new LimitOptions { MaxBacklog = 500 }, sp.GetRequiredService<RejectionLog>(), () => Interlocked.Read(ref backlog)))));
        var client = node.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var refused = await client.GetAsync("/api/neighbourhoods/locate-neighbourhood?q=43.887,125.3076");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Too many requests right now; try again in 1 seconds.", (await refused.Content.ReadFromJsonAsync<ProblemBody>())?.Detail);
        // The refusal is rendered once per language and then reused: each caller still gets their own language.
        var chinese = node.CreateClient();
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        for (var i = 0; i < 2; i++)
        {
            var answer = await chinese.GetAsync("/api/neighbourhoods/locate-neighbourhood?q=43.887,125.3076");
            Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
            Assert.Equal("当前请求过多，请 1 秒后重试。", (await answer.Content.ReadFromJsonAsync<ProblemBody>())?.Detail);
        }
        Assert.Equal("Too many requests right now; try again in 1 seconds.",
            (await (await client.GetAsync("/api/neighbourhoods/locate-neighbourhood?q=43.887,125.3076")).Content.ReadFromJsonAsync<ProblemBody>())?.Detail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Interlocked.Exchange(ref backlog, 10);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/neighbourhoods/locate-neighbourhood?q=43.887,125.3076")).StatusCode);
    }

    [Fact]
    public async Task ABruteForceMeetsTheLockoutAndThenTheSignInLimit()
    {
        var name = "brute." + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name };
            Assert.True((await users.CreateAsync(user, "Quiet-Harbour-2291")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Officer)).Succeeded);
        }
        await using var node = Limited(perSecond: 1000, signInsPerMinute: 10);
        var attacker = node.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 14; i++)
        {
            statuses.Add((await attacker.PostAsJsonAsync("/api/account/login", new { userName = name, password = $"guess-{i:D4}-password" })).StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, AuthSetup.MaxFailedSignIns - 1), statuses.Take(AuthSetup.MaxFailedSignIns - 1));
        Assert.Equal(HttpStatusCode.Locked, statuses[AuthSetup.MaxFailedSignIns - 1]);
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        // Even the right password does not open a locked account.
        await Task.Delay(0);
        var right = await node.CreateClient().PostAsJsonAsync("/api/account/login", new { userName = name, password = "Quiet-Harbour-2291" });
        Assert.True(right.StatusCode is HttpStatusCode.Locked or HttpStatusCode.TooManyRequests, $"{right.StatusCode}");
    }
}

public sealed class SqliteLimitTests(SqliteApp app) : LimitTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLimitTests(PostgresApp app) : LimitTests(app), IClassFixture<PostgresApp>;

internal sealed record ProblemBody(string? Title, string? Detail, int? Status);
