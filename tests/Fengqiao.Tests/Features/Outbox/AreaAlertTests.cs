using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fengqiao.Features.Outbox.Alerts;
using Fengqiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Fengqiao.Tests.Features.Outbox.OutboxForms;

namespace Fengqiao.Tests.Features.Outbox;

/// <summary>
/// Area alerts as on FixMyStreet: a resident subscribes to a community without an account, confirms by the signed link
/// in an e-mail, hears of new reports and board events there (and not elsewhere), and stops by the link in any alert.
/// </summary>
public sealed partial class AreaAlertTests(MailSqliteApp app) : IClassFixture<MailSqliteApp>
{
    private const string Yongxing = "220104001001", YongxingGrid = "220104001001001", XinganGrid = "220104001002001";
    private const string Subscriber = "sun.yu@example.com", Pending = "zhao.pending@example.com", Reporter = "he.ping@example.com";

    private IEnumerable<MimeMessage> To(string address, string subjectHas) =>
        app.Sink.Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? "").Contains(subjectHas, StringComparison.Ordinal));

    private async Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string community, string email) =>
        await PostFormAsync(client, $"/report/alerts?community={community}", null, new() { ["community"] = community, ["email"] = email });

    [Fact]
    public async Task ASubscriberConfirmsHearsOfReportsAndEventsInTheirCommunityOnlyAndStopsByTheLink()
    {
        await app.Sink.StartAsync();
        Assert.SkipWhen(app.Sink.SkipReason is not null, app.Sink.SkipReason ?? "");
        var resident = await app.ClientAsync(null, "zh-CN");
        Assert.Contains("永兴社区", await resident.GetStringAsync($"/report/alerts?community={Yongxing}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(resident, Yongxing, Subscriber)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(resident, Yongxing, " Sun.Yu@Example.com ")).StatusCode); // twice: still one
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(await app.ClientAsync(null, "en"), Yongxing, Pending)).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<AppDb>().Set<AlertSubscription>().IgnoreQueryFilters().AsNoTracking().ToListAsync();
            var row = Assert.Single(rows, s => s.EmailMasked == "s***@example.com");
            Assert.DoesNotContain("sun.yu", row.Email, StringComparison.Ordinal); // encrypted at rest
            Assert.Equal(("zh-CN", (DateTimeOffset?)null), (row.Language, row.ConfirmedAt));
        }
        await DeliverAsync(app);
        var confirmation = To(Subscriber, "请确认").Last();
        var confirm = new Uri(ConfirmLink().Match(confirmation.TextBody ?? "").Value).PathAndQuery;
        Assert.Single(To(Pending, "Confirm your alerts")); // in the language asked in

        // An altered link is refused and confirms nothing; the real one confirms.
        var tampered = await resident.GetAsync(confirm[..^6] + "AAAAAA");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("此链接无效", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var confirmed = await resident.GetAsync(confirm);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("已确认", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A report in Yongxing is news for the confirmed subscriber, with nothing about the reporter; one in Xing'an is not.
        var here = await ReportAsync(app, YongxingGrid, "en", Reporter, "楼道堆放杂物，联系电话13912345678");
        var elsewhere = await ReportAsync(app, XinganGrid, "en", Reporter);
        await DeliverAsync(app);
        var alert = Assert.Single(To(Subscriber, "新报告"));
        Assert.Contains($"/report/track?code={here}", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("楼道堆放杂物", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Reporter, alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, app.Sink.Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == Subscriber)).Select(m => m.TextBody));
        Assert.Empty(To(Pending, "New report")); // never confirmed: no alerts

        // A board event announced in Yongxing is news too.
        var admin = await app.ClientAsync("demo.admin");
        var announced = await admin.PostAsJsonAsync($"/api/board/{Yongxing}/events", new
        {
            titleZh = "防诈骗宣讲", titleEn = "Anti-fraud talk", address = "永兴社区活动室", startsAt = DateTimeOffset.UtcNow.AddDays(3), kind = "anti-fraud-talk",
        });
        Assert.Equal(HttpStatusCode.Created, announced.StatusCode);
        await DeliverAsync(app);
        var eventAlert = Assert.Single(To(Subscriber, "新活动"));
        Assert.Contains("防诈骗宣讲", eventAlert.TextBody, StringComparison.Ordinal);

        // Every alert ends with the one-click link and carries it as List-Unsubscribe; a mail program's POST to it stops the alerts.
        var stop = new Uri(UnsubscribeLink().Match(alert.TextBody ?? "").Value);
        Assert.Equal($"<{stop}>", alert.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.GetAsync(stop.PathAndQuery[..^6] + "AAAAAA")).StatusCode);
        var mailProgram = app.CreateClient();
        var oneClick = await mailProgram.PostAsync(stop.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var clicked = await resident.GetAsync(stop.PathAndQuery);
        Assert.Contains("已退订", await clicked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await ReportAsync(app, YongxingGrid, "en", Reporter);
        await DeliverAsync(app);
        Assert.Single(To(Subscriber, "新报告"));
        // The old confirmation link does not start them again.
        Assert.Contains("已退订", await (await resident.GetAsync(confirm)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadAddressOrNoCommunityIsAFieldErrorAndNothingIsSaved()
    {
        var resident = await app.ClientAsync(null, "en");
        var bad = await SubscribeAsync(resident, Yongxing, "not-an-address");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Matches("id=\"email-error\"[^>]*>[^<]*This is not an e-mail address", await bad.Content.ReadAsStringAsync());
        var nowhere = await SubscribeAsync(resident, "220104001001001", "wu.lan@example.com"); // a grid, not a community
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Matches("id=\"community-error\"[^>]*>[^<]*Choose a community", await nowhere.Content.ReadAsStringAsync());
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDb>().Set<AlertSubscription>().IgnoreQueryFilters()
            .AnyAsync(s => s.EmailMasked == "w***@example.com" || s.EmailMasked == "n***"));
    }

    [GeneratedRegex(@"http\S+/report/alerts/confirm\?t=\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"http\S+/report/alerts/unsubscribe\?t=\S+")]
    private static partial Regex UnsubscribeLink();
}
