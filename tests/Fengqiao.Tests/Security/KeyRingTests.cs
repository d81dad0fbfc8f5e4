using System.Net.Http.Json;
using Fengqiao.Features.Outbox;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Security;

/// <summary>
/// The Data Protection key ring is in the database, encrypted: a second node on the same database reads what the first
/// signed (a session, an antiforgery token, a link in a resident's e-mail), and the stored keys are not readable alone.
/// </summary>
public sealed class KeyRingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task ASecondNodeOnTheSameDatabaseReadsWhatTheFirstSignedAndTheStoredKeysAreEncrypted()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        using var first = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var login = await first.PostAsJsonAsync("/api/account/login", new { userName = "demo.officer", password = Fengqiao.Features.Demo.DemoAccounts.Password });
        Assert.True(login.IsSuccessStatusCode);
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = app.Services.GetRequiredService<FeedbackLinks>().Token("R-KEYRING-1");
        var secret = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("said on node one");

        // Another process on the same database: its own services, its own key cache, no key file of its own.
        await using var second = app.WithWebHostBuilder(b => b.UseSetting("Outbox:Enabled", "false"));
        Assert.Equal(("R-KEYRING-1", false), second.Services.GetRequiredService<FeedbackLinks>().Read(token));
        Assert.Equal("said on node one", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));

        // The sign-in cookie made on node one is a session on node two.
        using var other = second.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
        request.Headers.Add("Cookie", cookies);
        var me = await other.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("demo.officer", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDb>().DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.DoesNotContain("<masterKey", k.Xml, StringComparison.Ordinal);
            Assert.Contains("FieldXmlDecryptor", k.Xml, StringComparison.Ordinal);
        });
    }
}
