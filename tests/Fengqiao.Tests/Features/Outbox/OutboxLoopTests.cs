using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Outbox;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Outbox;

/// <summary>The app with its outbox pointed at the test's SMTP server, and its worker driven by the test, round by round.</summary>
public sealed class MailSqliteApp : SqliteApp
{
    public SmtpSink Sink { get; } = new();
    public HttpReceiver Receiver { get; } = new();
    public const string HookSecret = "test-12345-secret";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Outbox:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Outbox:Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Outbox:Smtp:Security", "None");
        builder.UseSetting("Outbox:Sms:Url", Receiver.Url + "/sms");
        builder.UseSetting("Outbox:Sms:Secret", "test-sms-secret");
        builder.UseSetting("Outbox:Sms:SignName", "重庆路派出所");
        builder.UseSetting("Outbox:Sms:Templates:request.received", "SMS_100001");
        builder.UseSetting("Outbox:Webhooks:0:Name", "hotline12345");
        builder.UseSetting("Outbox:Webhooks:0:Url", Receiver.Url + "/hook");
        builder.UseSetting("Outbox:Webhooks:0:Secret", HookSecret);
        builder.UseSetting("Outbox:Webhooks:0:Events:0", "request.received");
        builder.UseSetting("Outbox:QuietFrom", "00:00");
        builder.UseSetting("Outbox:QuietUntil", "00:00");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Sink.Stop();
        Receiver.Dispose();
    }
}

/// <summary>
/// The loop closes: a resident who reports with an e-mail address hears that it was received (code and station), that it
/// was resolved (with the rating links), and can say "not resolved", which reopens the case. Delivery is at least once
/// with back-off, and a dead letter waits for an administrator.
/// </summary>
public sealed partial class OutboxLoopTests(MailSqliteApp app) : IClassFixture<MailSqliteApp>
{
    private const string Email = "li.ming@example.com";

    private async Task DeliverAsync()
    {
        var worker = app.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task<string> ReportAsync(string culture, string? email = Email, string? phone = null)
    {
        var admin = await app.ClientAsync("demo.admin");
        var grid = await admin.GetJsonAsync<Fengqiao.Features.Areas.AreaDetailDto>("/api/areas/220104001001001");
        var client = await app.ClientAsync(null, culture);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "dispute-neighbour", ["description"] = "楼上鸽子盘坠落砸坏车辆",
            ["lat"] = grid.Area.Lat!.Value.ToString(inv), ["long"] = grid.Area.Lng!.Value.ToString(inv),
            ["email"] = email ?? "", ["phone"] = phone ?? "",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    [Fact]
    public async Task TheResidentIsToldOfReceiptAndResolutionAndNotResolvedReopensTheCase()
    {
        await app.Sink.StartAsync();
        Assert.SkipWhen(app.Sink.SkipReason is not null, app.Sink.SkipReason ?? "");
        var code = await ReportAsync("en");
        await DeliverAsync();
        var received = app.Sink.OneTo(Email, code);
        Assert.Contains("has been received", received.Subject, StringComparison.Ordinal);
        Assert.Contains($"/report/track?code={code}", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("has been received by ", received.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("provincial command centre", received.TextBody, StringComparison.Ordinal); // routed to its station
        var key = received.MessageId;

        // Staff turn it into a case and resolve it by mediation.
        var officer = await app.ClientAsync("demo.officer");
        var row = Assert.Single((await officer.PageAsync<RequestRow>("/api/requests?status=Submitted&pageSize=200")).Items, r => r.Code == code);
        row = (await (await officer.PostAsJsonAsync($"/api/requests/{row.Id}/triage", new { action = "dispute", version = row.Version }))
            .Content.ReadFromJsonAsync<RequestRow>(Api.Json))!;
        var d = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{row.DisputeId}");
        d = (await (await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/sessions", new
        {
            heldAt = DateTimeOffset.UtcNow.AddHours(-1), place = "社区调解室", mediators = "吴辉", outcome = "Agreement", minutes = "双方同意赔偿", version = d.Case.Version,
        })).Content.ReadFromJsonAsync<DisputeDetail>(Api.Json))!;
        var today = app.Services.GetRequiredService<LocalClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var resolved = await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/resolve", new { terms = "王某赔偿修车费并拆除鸽子盘", signedBy = "李某、王某", signedOn = today, version = d.Case.Version });
        Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());
        await DeliverAsync();

        var done = app.Sink.OneTo(Email, "has been resolved");
        Assert.Contains(code, done.Subject, StringComparison.Ordinal);
        Assert.Contains("agreement through mediation", done.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("双方同意赔偿", done.TextBody, StringComparison.Ordinal); // the minutes stay inside
        Assert.Equal(1, app.Sink.Messages().Count(m => m.MessageId == key)); // the receipt was sent once
        var notResolved = new Uri(FeedbackLink().Match(done.TextBody ?? "").Value).PathAndQuery;
        var stars = new Uri(Regex.Match(done.TextBody ?? "", @"http\S+stars=5").Value).PathAndQuery;

        // One tap on five stars opens the page with them chosen; saving records the rating.
        var resident = await app.ClientAsync(null, "en");
        var page = await resident.GetStringAsync(stars);
        Assert.Matches("id=\"stars-5\"[^>]*checked", page);
        var rated = await PostFormAsync(resident, stars, "Rate", new() { ["stars"] = "5", ["comment"] = "谢谢民警" });
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);

        // "Not resolved" without a reason is refused and changes nothing; with one, the case is reopened.
        var empty = await PostFormAsync(resident, notResolved, "NotResolved", new() { ["reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(DisputeStatus.Resolved, (await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}")).Case.Status);
        var reopened = await PostFormAsync(resident, notResolved, "NotResolved", new() { ["reason"] = "鸽子盘又放回阳台了" });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var after = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}");
        Assert.Equal(DisputeStatus.Mediating, after.Case.Status);
        Assert.Contains(after.Timeline, e => e.Type == DisputeEventType.Reopened && e.Note!.Contains("鸽子盘又放回阳台了", StringComparison.Ordinal));
        await DeliverAsync();
        Assert.Contains(code, app.Sink.OneTo(Email, "has been reopened").Subject, StringComparison.Ordinal);
        // The case's officer is told why, in the same save as the reopening.
        var told = app.Sink.Messages().Single(m => m.To.Mailboxes.Any(b => b.Address.EndsWith("@police.example.gov.cn", StringComparison.Ordinal))
            && (m.Subject ?? "").Contains(d.Case.Code, StringComparison.Ordinal));
        Assert.Contains("鸽子盘又放回阳台了", told.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/disputes/{d.Case.Id}", told.TextBody, StringComparison.Ordinal);

        // Said twice, the second "not resolved" finds the case open again and reopens nothing.
        var twice = await PostFormAsync(resident, notResolved, "NotResolved", new() { ["reason"] = "again" });
        Assert.Contains("not marked resolved", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var request = await scope.ServiceProvider.GetRequiredService<AppDb>().ResidentRequests.SingleAsync(r => r.Code == code);
        Assert.Equal(5, request.Rating);
        Assert.NotNull(request.NotResolvedAt);
    }

    [Fact]
    public async Task AnAlteredOrMadeUpLinkIsRefusedAndChangesNothing()
    {
        var resident = await app.ClientAsync(null, "zh-CN");
        var bad = await resident.GetAsync("/report/feedback?t=CfDJ8-made-up&resolved=no");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("此链接无效", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var links = app.Services.GetRequiredService<FeedbackLinks>();
        var token = links.Token("R-NO-SUCH-REPORT");
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.GetAsync($"/report/feedback?t={Uri.EscapeDataString(token)}")).StatusCode);

        // A link made FeedbackDays and a day ago, for a real report, has expired.
        var code = await ReportAsync("zh-CN", "zhao.lei@example.com");
        var days = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>();
        var old = new FeedbackLinks(app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), days,
            new PastTime(TimeSpan.FromDays(days.Value.FeedbackDays + 1)));
        var expired = await resident.GetAsync(new Uri(old.NotResolvedUrl(old.Token(code))).PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("此链接已过期", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoOneGetsMoreThanTheDailyLimitTheRestWaitForTheNextTurn()
    {
        await app.Sink.StartAsync();
        Assert.SkipWhen(app.Sink.SkipReason is not null, app.Sink.SkipReason ?? "");
        const string busy = "chen.jing@example.com";
        var limit = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.MaxPerRecipientPerDay;
        for (var i = 0; i <= limit; i++)
        {
            await ReportAsync("en", busy);
        }
        await DeliverAsync();
        Assert.Equal(limit, app.Sink.Messages().Count(m => m.To.Mailboxes.Any(b => b.Address == busy)));
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var waiting = await scope.ServiceProvider.GetRequiredService<AppDb>().Set<OutboxMessage>()
            .Where(m => m.RecipientMasked == "c***@example.com" && m.State == OutboxState.Pending).ToListAsync();
        var held = Assert.Single(waiting);
        Assert.Equal(0, held.Attempts); // held back, not failed
        Assert.True(held.DueAt > DateTimeOffset.UtcNow.AddMinutes(50));
    }

    private sealed class PastTime(TimeSpan ago) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - ago;
    }

    [Fact]
    public async Task AFailingServerIsRetriedWithBackoffThenDeadLettersWaitForAnAdministrator()
    {
        await app.Sink.StartAsync();
        Assert.SkipWhen(app.Sink.SkipReason is not null, app.Sink.SkipReason ?? "");
        var code = await ReportAsync("zh-CN", "wang.fang@example.com");
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Reference == code && m.Channel == OutboxChannel.Email);
        Assert.Equal("w***@example.com", message.RecipientMasked);
        Assert.DoesNotContain("wang.fang", message.Recipient!, StringComparison.Ordinal); // encrypted at rest
        Assert.DoesNotContain(code, message.Body!, StringComparison.Ordinal);

        // The server goes away: the message is tried, kept and given a later turn, not lost.
        app.Sink.Stop();
        await DeliverAsync();
        await db.Entry(message).ReloadAsync();
        Assert.Equal(OutboxState.Pending, message.State);
        Assert.Equal(1, message.Attempts);
        Assert.True(message.DueAt > DateTimeOffset.UtcNow.AddSeconds(20), $"next attempt at {message.DueAt}");
        Assert.NotNull(message.LastError);

        // After its last attempt it is a dead letter; the administrator sees it and retries it once the server is back.
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Dead));
        var admin = await app.ClientAsync("demo.admin");
        var dead = await admin.PageAsync<OutboxRow>($"/api/outbox?state=Dead&search={code}");
        Assert.Equal(message.Key, Assert.Single(dead.Items).Key);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("demo.officer")).PostAsync($"/api/outbox/{message.Id}/retry", null)).StatusCode);
        await app.Sink.StartAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/outbox/{message.Id}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/outbox/{message.Id}/retry", null)).StatusCode);
        await DeliverAsync();
        var mail = app.Sink.OneTo("wang.fang@example.com", code);
        Assert.Contains("已受理", mail.Subject, StringComparison.Ordinal);
        Assert.Equal($"{message.Key:N}@fengqiao", mail.MessageId);
    }

    [Fact]
    public async Task TheGatewayAndTheHotlineGetSignedRequestsOnceEachAndABusyOneIsTriedAgain()
    {
        app.Receiver.Answer = HttpStatusCode.ServiceUnavailable;
        var code = await ReportAsync("zh-CN", email: null, phone: "13900002222");
        await DeliverAsync();
        Assert.Contains(app.Receiver.All, r => r.Path == "/sms"); // tried, and refused for now
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var waiting = await db.Set<OutboxMessage>().Where(m => m.Reference == code).ToListAsync();
            Assert.Equal(2, waiting.Count);
            Assert.All(waiting, m => Assert.Equal((OutboxState.Pending, 1), (m.State, m.Attempts)));
            Assert.Contains(waiting, m => m.Channel == OutboxChannel.Sms && m.RecipientMasked == "139****2222");
            // The gateway comes back: the next turn is made due now (as the back-off would, later).
            await db.Set<OutboxMessage>().Where(m => m.Reference == code).ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }
        app.Receiver.Answer = HttpStatusCode.OK;
        await DeliverAsync();

        var ofReport = app.Receiver.All.Where(r => r.Body.Contains(code, StringComparison.Ordinal)).ToList();
        var sms = Assert.Single(ofReport, r => r.Path == "/sms" && r.Answered == HttpStatusCode.OK);
        Assert.False(sms.Repeat);
        // The refused attempt and the delivered one are the same message: one key, one body.
        var attempts = ofReport.Where(r => r.Headers["Idempotency-Key"] == sms.Headers["Idempotency-Key"]).ToList();
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], attempts.Select(r => r.Answered));
        Assert.Single(attempts.Select(r => r.Body).Distinct());
        var smsJson = JsonDocument.Parse(sms.Body).RootElement;
        Assert.Equal("13900002222", smsJson.GetProperty("PhoneNumbers").GetString());
        Assert.Equal("重庆路派出所", smsJson.GetProperty("SignName").GetString());
        Assert.Equal("SMS_100001", smsJson.GetProperty("TemplateCode").GetString());
        Assert.Equal(code, smsJson.GetProperty("TemplateParam").GetProperty("code").GetString());

        var hook = Assert.Single(ofReport, r => r.Path == "/hook" && r.Answered == HttpStatusCode.OK);
        Assert.True(Fengqiao.Features.Outbox.Channels.Signature.Verify(MailSqliteApp.HookSecret, hook.Headers["X-Fengqiao-Timestamp"], hook.Headers["X-Fengqiao-Signature"], hook.Body, DateTimeOffset.UtcNow));
        Assert.False(Fengqiao.Features.Outbox.Channels.Signature.Verify("another-secret", hook.Headers["X-Fengqiao-Timestamp"], hook.Headers["X-Fengqiao-Signature"], hook.Body, DateTimeOffset.UtcNow));
        Assert.False(Fengqiao.Features.Outbox.Channels.Signature.Verify(MailSqliteApp.HookSecret, hook.Headers["X-Fengqiao-Timestamp"], hook.Headers["X-Fengqiao-Signature"], hook.Body, DateTimeOffset.UtcNow.AddMinutes(6)));
        var payload = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal("request.received", payload.GetProperty("event").GetString());
        Assert.Equal(hook.Headers["Idempotency-Key"], payload.GetProperty("id").GetString());
        Assert.DoesNotContain("13900002222", hook.Body, StringComparison.Ordinal); // no personal data leaves by webhook
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value);
        var t = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + pageUrl).Query)["t"]!;
        fields["__RequestVerificationToken"] = token;
        fields["t"] = t;
        return await client.PostAsync($"/report/feedback?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"http\S+resolved=no")]
    private static partial Regex FeedbackLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
