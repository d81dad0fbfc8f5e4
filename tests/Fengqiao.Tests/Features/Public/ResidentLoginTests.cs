using System.Net;
using System.Text.RegularExpressions;
using Fengqiao.Features.Demo;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.Public;

/// <summary>The residents' sign-in page: residents get into the portal and no further; staff are sent to their own sign-in.</summary>
public abstract partial class ResidentLoginTests(FengqiaoApp app)
{
    [Fact]
    public async Task AResidentGoesBackToAPortalPageButNeverToAStaffPage()
    {
        var toPatrol = await SignInAsync(await app.ClientAsync(null), "demo.volunteer", DemoAccounts.Password, "/portal/patrol");
        var toCases = await SignInAsync(await app.ClientAsync(null), "demo.volunteer", DemoAccounts.Password, "/disputes");

        Assert.Equal((HttpStatusCode.Redirect, "/portal/patrol"), (toPatrol.StatusCode, toPatrol.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/portal"), (toCases.StatusCode, toCases.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task StaffAreSentToTheirOwnSignInOnlyOnceTheyKnowThePassword()
    {
        var client = await app.ClientAsync(null);

        var right = await SignInAsync(client, "demo.officer", DemoAccounts.Password, null);
        var wrong = await SignInAsync(client, "demo.officer", "wrong-password-1", null);
        var unknown = await SignInAsync(client, "nobody.at.all", "wrong-password-1", null);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("This sign-in is for residents. Staff sign in at /account/login.", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/portal")).StatusCode);
        foreach (var refused in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("The user name or password is wrong.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? returnUrl)
    {
        var form = await client.GetStringAsync("/portal/login");
        var token = Token().Match(form).Groups[1].Value;
        return await client.PostAsync("/portal/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Input.UserName"] = userName, ["Input.Password"] = password,
            ["ReturnUrl"] = returnUrl ?? "",
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SqliteResidentLoginTests(SqliteApp app) : ResidentLoginTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresResidentLoginTests(PostgresApp app) : ResidentLoginTests(app), IClassFixture<PostgresApp>;
