using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Demo;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Security;

/// <summary>Second factor, server-side sessions with idle and absolute timeouts, common passwords, security headers.</summary>
public abstract class SignInControlTests(FengqiaoApp app)
{
    private HttpClient NewClient() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    [Fact]
    public async Task AnAdministratorNeedsTheCodeAndAWrongCodeIsRefused()
    {
        var client = NewClient();
        var noCode = await client.PostAsJsonAsync("/api/account/login", new { userName = "demo.admin", password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.True((await noCode.ProblemAsync()).GetProperty("secondFactorRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/areas")).StatusCode);

        var wrong = await client.PostAsJsonAsync("/api/account/login", new { userName = "demo.admin", password = DemoAccounts.Password, code = "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var right = await client.PostAsJsonAsync("/api/account/login",
            new { userName = "demo.admin", password = DemoAccounts.Password, code = TestSettings.CodeFor("demo.admin") });
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);
    }

    [Fact]
    public async Task ACodeSignsInOnceAndIsRefusedTheSecondTime()
    {
        var name = "admin.once." + Guid.NewGuid().ToString("N")[..6];
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name };
            Assert.True((await users.CreateAsync(user, "Tall-Maple-Bridge-7")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded);
            Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        // The default; the shared test host turns it off because it signs the demo administrators in many times a minute.
        await using var node = app.WithWebHostBuilder(b => b.UseSetting("SecondFactor:RejectReusedCodes", "true"));
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key));
        var seen = totp.ComputeTotp();
        async Task<HttpStatusCode> SignInAsync(string code) => (await node.CreateClient().PostAsJsonAsync("/api/account/login",
            new { userName = name, password = "Tall-Maple-Bridge-7", code })).StatusCode;

        Assert.Equal(HttpStatusCode.NoContent, await SignInAsync(seen));
        // Someone who saw the code typed tries it at once: refused, though it is still inside its 30 seconds.
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(seen));
        // The authenticator's next code works, and after it the earlier one even less.
        Assert.Equal(HttpStatusCode.NoContent, await SignInAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30))));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(seen));
    }

    [Fact]
    public async Task AnAdministratorWithoutASecondFactorCanOnlySetOneUp()
    {
        var name = "admin.new." + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name };
            Assert.True((await users.CreateAsync(user, "Tall-Maple-Bridge-7")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded);
        }
        var client = NewClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/account/login", new { userName = name, password = "Tall-Maple-Bridge-7" })).StatusCode);
        var refused = await client.GetAsync("/api/areas");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("/account/2fa", (await refused.ProblemAsync()).GetProperty("detail").GetString());
        var page = await client.GetAsync("/units");
        Assert.Equal("/account/2fa", page.Headers.Location?.OriginalString);
        var setUp = await client.GetAsync("/account/2fa");
        Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
        Assert.Contains("authenticator-key", await setUp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOutEndsTheSessionSoACopiedCookieNoLongerWorks()
    {
        var first = await SignInCookieAsync(null);
        // Signing in again on the same browser gives a new session, and the old one is gone.
        var second = await SignInCookieAsync(first);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(first).GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(second).GetAsync("/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await WithCookie(second).PostAsync("/api/account/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(second).GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task ASessionEndsAfterThirtyIdleMinutesAndTwelveHoursInAll()
    {
        foreach (var expire in new Func<UserSession, bool>[]
        {
            s => { s.LastSeenAt = DateTime.UtcNow.AddMinutes(-31); return true; },
            s => { s.ExpiresAt = DateTime.UtcNow.AddSeconds(-1); return true; },
        })
        {
            var client = await app.ClientAsync("demo.director");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                var userId = await db.Users.Where(u => u.UserName == "demo.director").Select(u => u.Id).SingleAsync();
                var newest = await db.Set<UserSession>().Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).FirstAsync();
                expire(newest);
                await db.SaveChangesAsync();
            }
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
        }
    }

    [Fact]
    public async Task ACommonPasswordIsRefusedInTheResidentsLanguage()
    {
        var client = await app.ClientAsync(null, "zh-CN");
        var response = await client.PostAsJsonAsync("/api/portal/register",
            new { userName = "1390000" + Random.Shared.Next(1000, 9999), displayName = "李女士", password = "Password123" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("这是最常见的密码之一，请换一个。", (await response.ErrorsAsync())["password"]);
    }

    [Fact]
    public async Task PagesAndAnswersCarryTheSecurityHeaders()
    {
        var client = await app.ClientAsync("demo.officer");
        foreach (var path in new[] { "/api/account/me", "/households" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    private async Task<string> SignInCookieAsync(string? current)
    {
        var client = current is null ? app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }) : WithCookie(current);
        var response = await client.PostAsJsonAsync("/api/account/login", new { userName = "demo.officer", password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Last(c => c.StartsWith("fq.auth=", StringComparison.Ordinal) && c.Length > "fq.auth=".Length);
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}

public sealed class SqliteSignInControlTests(SqliteApp app) : SignInControlTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInControlTests(PostgresApp app) : SignInControlTests(app), IClassFixture<PostgresApp>;
