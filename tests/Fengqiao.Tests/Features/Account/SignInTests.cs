using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Account;
using Fengqiao.Features.Demo;
using Fengqiao.Features.People;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.Account;

public abstract class SignInTests(FengqiaoApp app)
{
    [Fact]
    public async Task FiveFailedSignInsLockTheAccountEvenAgainstTheRightPassword()
    {
        var client = await app.ClientAsync(null);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/account/login", new { userName = "demo.clerk", password = "wrong-password-1" });
            Assert.Equal(i < 4 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked, wrong.StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/account/login", new { userName = "demo.clerk", password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
    }

    [Fact]
    public async Task TheHomePageShowsMyPostsAndScope()
    {
        var officer = await app.ClientAsync("demo.officer");
        var me = await officer.GetJsonAsync<MeDto>("/api/account/me");

        Assert.Equal("吴辉", me.Person!.NameZh);
        Assert.Contains(me.ActivePosts, p => p.Role == PostRole.CommunityPolice && p.UnitNameZh == "重庆路派出所");
        Assert.False(me.Unrestricted);
        Assert.All(me.ScopePaths, p => Assert.StartsWith("/22/2201/220104/", p, StringComparison.Ordinal));

        var html = await officer.GetStringAsync("/");
        Assert.Contains("My posts", html, StringComparison.Ordinal);
        Assert.Contains("Chongqing Road Police Station", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesSpeakTheChosenLanguage()
    {
        var officer = await app.ClientAsync("demo.officer", "zh-CN");
        Assert.Contains("我的岗位", await officer.GetStringAsync("/"), StringComparison.Ordinal);

        var switched = await officer.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("My posts", await officer.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInPageListsTheDemoAccountsInDemoMode()
    {
        var client = await app.ClientAsync(null);
        var html = await client.GetStringAsync("/account/login");
        Assert.Contains("demo.officer", html, StringComparison.Ordinal);
    }
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;

/// <summary>Outside demo mode there is no account to sign in with until an operator creates one.</summary>
public sealed class ProductionModeTests(ProductionSqliteApp app) : IClassFixture<ProductionSqliteApp>
{
    [Fact]
    public async Task ThereAreNoDefaultAccountsOutsideDemoMode()
    {
        var client = await app.ClientAsync(null);
        var response = await client.PostAsJsonAsync("/api/account/login", new { userName = "demo.admin", password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("demo.officer", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);
    }
}
