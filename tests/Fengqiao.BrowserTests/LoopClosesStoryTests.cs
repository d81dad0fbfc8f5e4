using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>The browser app with its outbox delivering, as in production, to a real SMTP server (Postfix's smtp-sink).</summary>
public sealed class MailBrowserApp : BrowserApp
{
    public SmtpSink Sink { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Sink.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Outbox:Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Outbox:Smtp:Security", "None");
        builder.UseSetting("Outbox:Poll", "00:00:01");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Sink.Stop();
    }
}

/// <summary>
/// The loop closes, in both languages: a resident reports from the community board with an e-mail address and is told
/// it was received; the community officer registers it as a case, mediates and resolves it; the resolution e-mail
/// arrives with its rating links; the resident says it is not resolved, and the officer finds the case reopened with
/// the resident's reason on its timeline.
/// </summary>
public sealed partial class LoopClosesStoryTests(MailBrowserApp app) : IClassFixture<MailBrowserApp>
{
    [Theory]
    [InlineData("en-US", "wang.fang@example.com", "has been received", "has been resolved", "Mediating")]
    [InlineData("zh-CN", "zhang.li@example.com", "已受理", "已办结", "调解中")]
    public async Task AResidentHearsBackRatesAndReopensACaseThatIsNotResolved(
        string locale, string email, string receivedSubject, string resolvedSubject, string reopenedState)
    {
        Assert.SkipWhen(app.Sink.SkipReason is not null, app.Sink.SkipReason ?? "");
        var resident = await app.NewPageAsync(new() { Width = 390, Height = 844 }, locale);
        await resident.GotoAsync("/board?q=Fubei");
        await resident.ClickAsync("#board-communities a >> nth=0");
        await resident.ClickAsync("#board-report-link");
        await resident.SelectOptionAsync("#Input_ServiceCode", "dispute-neighbour");
        var why = $"The flat upstairs floods our kitchen every week ({locale}).";
        await resident.FillAsync("#Input_Description", why);
        await resident.FillAsync("#Input_FirstName", "Wang");
        await resident.FillAsync("#Input_Email", email);
        await resident.ClickAsync("#report-submit");
        var code = (await resident.Locator("#track-code").InnerTextAsync()).Trim();

        var received = await MailAsync(email, receivedSubject);
        Assert.Contains(code, received.Subject, StringComparison.Ordinal);
        Assert.Contains($"/report/track?code={code}", received.TextBody, StringComparison.Ordinal);

        // The community officer makes it a case, mediates and records the agreement.
        var officer = await app.SignInAsync("demo.weidong", locale);
        await officer.GotoAsync("/requests");
        var row = officer.Locator("#requests tr", new() { HasText = code });
        await row.Locator("button[value=dispute]").ClickAsync();
        await officer.GotoAsync("/requests?status=BecameDispute");
        await officer.Locator("#requests tr", new() { HasText = code }).Locator("td:not(.card-action) a[href^='/disputes/']").ClickAsync();
        await officer.ClickAsync("#act-session summary");
        await officer.FillAsync("#act-session input[name=place]", "Fubei mediation room");
        await officer.FillAsync("#act-session input[name=mediators]", "Wei Dong");
        await officer.SelectOptionAsync("#act-session select[name=outcome]", "Agreement");
        await officer.ClickAsync("#act-session button[type=submit]");
        await Assertions.Expect(officer.Locator("#sessions")).ToContainTextAsync("Fubei mediation room");
        await officer.ClickAsync("#act-resolve summary");
        await officer.FillAsync("#act-resolve textarea[name=terms]", "The upstairs owner repairs the pipe within a week");
        await officer.FillAsync("#act-resolve input[name=signedBy]", "Wang, the upstairs owner");
        await officer.ClickAsync("#act-resolve button[type=submit]");
        await Assertions.Expect(officer.Locator("#agreement")).ToBeVisibleAsync();

        // The resolution e-mail arrives with five one-tap ratings and the "not resolved" link.
        var resolved = await MailAsync(email, resolvedSubject);
        Assert.Contains(code, resolved.Subject, StringComparison.Ordinal);
        Assert.Equal(5, StarLink().Count(resolved.TextBody ?? ""));
        var notResolved = new Uri(NotResolvedLink().Match(resolved.TextBody ?? "").Value).PathAndQuery;

        await resident.GotoAsync(notResolved);
        await Assertions.Expect(resident.Locator("#feedback-code")).ToContainTextAsync(code);
        await resident.FillAsync("#reason", "Water came through the ceiling again last night");
        await resident.ClickAsync("#not-resolved-send");
        await Assertions.Expect(resident.Locator("#feedback-message")).ToBeVisibleAsync();

        // The officer finds the case open again, with the resident's words on its timeline.
        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator("#case-state")).ToContainTextAsync(reopenedState);
        await Assertions.Expect(officer.Locator("#timeline")).ToContainTextAsync("Water came through the ceiling again last night");
    }

    /// <summary>The worker delivers on its own (woken by the commit); the test waits for the message to land.</summary>
    private Task<MimeKit.MimeMessage> MailAsync(string to, string subjectHas) => app.Sink.WaitForAsync(to, subjectHas, TimeSpan.FromSeconds(30));

    [GeneratedRegex(@"http\S+/report/feedback\?t=\S+&stars=[1-5]")]
    private static partial Regex StarLink();

    [GeneratedRegex(@"http\S+/report/feedback\?t=\S+&resolved=no")]
    private static partial Regex NotResolvedLink();
}
