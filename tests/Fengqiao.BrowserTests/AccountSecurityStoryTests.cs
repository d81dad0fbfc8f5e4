using Fengqiao.Features.Demo;
using Fengqiao.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Fengqiao.BrowserTests;

/// <summary>
/// The separated duties in the browser: the security officer signs in with a code from an
/// authenticator, finds an officer's account and signs it out everywhere; an account given a role
/// that needs a second factor is sent to set one up before it can see anything.
/// </summary>
public sealed class AccountSecurityStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string CodeFor(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    private async Task<IPage> LoginPageAsync(string userName, string locale = "en-US")
    {
        var page = await app.NewPageAsync(new() { Width = 1280, Height = 900 }, locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", DemoAccounts.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        return page;
    }

    [Fact]
    public async Task TheSecurityOfficerSignsInWithACodeAndSignsAnOfficerOutEverywhere()
    {
        var officer = await app.SignInAsync("demo.officer");
        await officer.GotoAsync("/disputes");
        Assert.Contains("/disputes", officer.Url);

        var page = await LoginPageAsync("demo.security");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/login-code"));
        await page.FillAsync("#Code", "000000");
        await page.ClickAsync("#code-form button[type=submit]");
        await Assertions.Expect(page.Locator("#code-form")).ToContainTextAsync("code");
        await page.FillAsync("#Code", CodeFor(DemoAccounts.AuthenticatorKey));
        await page.ClickAsync("#code-form button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/users"));

        await page.FillAsync("input[name=q]", "demo.officer");
        await page.ClickAsync("form[role=search] button[type=submit]");
        var row = page.Locator("#users tr[data-user='demo.officer']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("button:has-text('Sign out everywhere')").ClickAsync();
        await Assertions.Expect(page.Locator("#users tr[data-user='demo.officer'] button:has-text('Sign out everywhere')")).ToHaveCountAsync(0);

        // The officer's browser still holds its cookie, but the session behind it is gone.
        await officer.GotoAsync("/disputes");
        Assert.Contains("/account/login", officer.Url);

        // The security officer sees accounts, not records.
        var records = await page.GotoAsync("/disputes");
        Assert.True(records!.Status == 403 || page.Url.Contains("/account/denied", StringComparison.OrdinalIgnoreCase), $"at {page.Url}: {records.Status}");
    }

    [Fact]
    public async Task AnAccountWhoseRoleNeedsASecondFactorSetsItUpBeforeSeeingAnything()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var clerk = (await users.FindByNameAsync("demo.clerk"))!;
            Assert.True((await users.AddToRoleAsync(clerk, Roles.Auditor)).Succeeded);
        }
        var page = await LoginPageAsync("demo.clerk", "zh-CN");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/2fa"));
        await Assertions.Expect(page.Locator("#second-factor-required")).ToContainTextAsync("双因素");
        await page.GotoAsync("/services");
        Assert.Contains("/account/2fa", page.Url);

        var key = (await page.InnerTextAsync("#authenticator-key")).Replace(" ", "", StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#authenticator-qr svg")).ToHaveCountAsync(1);
        await page.FillAsync("#Code", CodeFor(key));
        await page.ClickAsync("#enable-form button[type=submit]");

        // Signed in again, the code is asked for, and then the pages open.
        var again = await LoginPageAsync("demo.clerk");
        await again.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/login-code"));
        await again.FillAsync("#Code", CodeFor(key));
        await again.ClickAsync("#code-form button[type=submit]");
        await again.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        var log = await again.GotoAsync("/api/audit?pageSize=1");
        Assert.Equal(200, log!.Status); // the auditor's one power: reading the log
        await again.GotoAsync("/services");
        Assert.DoesNotContain("/account/2fa", again.Url);
    }
}
