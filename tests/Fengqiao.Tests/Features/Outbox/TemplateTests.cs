using System.Net;
using Fengqiao.Features.Outbox.Templates;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fengqiao.Tests.Features.Outbox.OutboxForms;

namespace Fengqiao.Tests.Features.Outbox;

/// <summary>
/// Administrators word the notices: a template per event and language, previewed with a sample report before it is
/// saved, checked for its placeholders, saved with the version check, and reset to the built-in wording.
/// </summary>
public sealed class TemplateTests(MailSqliteApp app) : IClassFixture<MailSqliteApp>
{
    private const string Grid = "220104001001001";
    private const string Edit = "/outbox/templates/edit?event=request.received&language=en";

    private static Dictionary<string, string> Form(string subject, string body, long version) =>
        new() { ["event"] = "request.received", ["language"] = "en", ["subject"] = subject, ["body"] = body, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private async Task<List<NoticeTemplate>> SavedAsync(string evt = "request.received")
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Set<NoticeTemplate>().AsNoTracking().Where(t => t.Event == evt).ToListAsync();
    }

    [Fact]
    public async Task APreviewSavesNothingThenTheSavedTemplateWordsTheNextReceiptAndResetBringsTheDefaultBack()
    {
        await app.Sink.StartAsync();
        Assert.SkipWhen(app.Sink.SkipReason is not null, app.Sink.SkipReason ?? "");
        var admin = await app.ClientAsync("demo.admin");
        var list = await admin.GetStringAsync("/outbox/templates");
        Assert.Contains("request.resolved", list, StringComparison.Ordinal);
        var page = await admin.GetStringAsync(Edit);
        Assert.Contains("Your report {{ code }} has been received", page, StringComparison.Ordinal); // the built-in wording, as a template

        const string subject = "Report {{ code }} is with {{ station }}";
        const string body = "Thank you. {{ station }} answers by {{ due_date }}.\nFollow it: {{ track_link }}{{ if note }} ({{ note }}){{ end }}";
        var preview = await PostFormAsync(admin, Edit, "Preview", Form(subject, body, 0));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var shown = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Report R220104001-", shown, StringComparison.Ordinal);
        Assert.Contains("is with Chongqing Road Police Station", shown, StringComparison.Ordinal);
        Assert.Contains("Follow it: http://localhost:5000/report/track?code=R220104001-", shown, StringComparison.Ordinal);
        Assert.Contains("id=\"preview-sms-long\"", shown, StringComparison.Ordinal); // the sign, subject and link pass 70 characters
        Assert.Empty(await SavedAsync());

        var saved = await PostFormAsync(admin, Edit, "Save", Form(subject, body, 0));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = Assert.Single(await SavedAsync());
        Assert.Equal((subject, 1L, "demo.admin"), (row.Subject, row.Version, row.UpdatedBy));

        var code = await ReportAsync(app, Grid, "en", "zhou.min@example.com");
        var zh = await ReportAsync(app, Grid, "zh-CN", "qian.li@example.com");
        await DeliverAsync(app);
        var mail = app.Sink.OneTo("zhou.min@example.com", $"Report {code} is with ");
        Assert.StartsWith("Thank you. ", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Follow it: http://localhost:5000/report/track?code={code}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("已受理", app.Sink.OneTo("qian.li@example.com", zh).Subject, StringComparison.Ordinal); // the Chinese template is untouched

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var audit = await scope.ServiceProvider.GetRequiredService<AppDb>().AuditLog.AsNoTracking()
                .Where(a => a.Entity == "NoticeTemplates" && a.EntityId == row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
            Assert.Contains(audit, a => a.Action == "create" && a.UserName == "demo.admin");
        }

        var reset = await PostFormAsync(admin, Edit, "Reset", Form(subject, body, 1));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Empty(await SavedAsync());
        var again = await ReportAsync(app, Grid, "en", "zhou.min@example.com");
        await DeliverAsync(app);
        Assert.Contains("has been received by ", app.Sink.OneTo("zhou.min@example.com", again).TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Dear {{ reporter_phone }}", "Unknown placeholder reporter_phone at line 1, column 9")]
    [InlineData("zh-CN", "Dear {{ reporter_phone }}", "未知的占位符 reporter_phone（第 1 行，第 9 列）")]
    [InlineData("en", "Hi\n{{ rating_links }}", "Unknown placeholder rating_links at line 2, column 4")] // only the resolution has rating links
    [InlineData("en", "Hi {{ if note }} unfinished", "The template cannot be read at line 1")]
    [InlineData("zh-CN", "Hi {{ code | }}", "模板无法解析（第 1 行")]
    public async Task AnUnknownPlaceholderOrAParseErrorIsAFieldErrorAndNothingIsSaved(string culture, string body, string error)
    {
        var admin = await app.ClientAsync("demo.admin", culture);
        foreach (var handler in new[] { "Preview", "Save" })
        {
            var response = await PostFormAsync(admin, Edit, handler, Form("Report {{ code }}", body, 0));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Matches("id=\"body-error\"[^>]*>[^<]*" + System.Text.RegularExpressions.Regex.Escape(error), html);
            Assert.DoesNotContain("id=\"preview\"", html, StringComparison.Ordinal);
        }
        Assert.Empty(await SavedAsync());
    }

    [Fact]
    public async Task TwoAdministratorsEditingTheSecondGetsAConflictAndNothingIsOverwritten()
    {
        const string edit = "/outbox/templates/edit?event=request.updated&language=en";
        Dictionary<string, string> Updated(string subject, long version) => new(Form(subject, "News on {{ code }}: {{ status }}", version)) { ["event"] = "request.updated" };
        var first = await app.ClientAsync("demo.admin");
        var second = await app.ClientAsync("demo.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(first, edit, "Save", Updated("First {{ code }}", 0))).StatusCode);
        var late = await PostFormAsync(second, edit, "Save", Updated("Second {{ code }}", 0)); // opened the default before the first saved
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Someone else changed this template", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(first, edit, "Save", Updated("First again {{ code }}", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostFormAsync(second, edit, "Save", Updated("Second {{ code }}", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostFormAsync(second, edit, "Reset", Updated("Second {{ code }}", 1))).StatusCode);
        var row = Assert.Single(await SavedAsync("request.updated"));
        Assert.Equal(("First again {{ code }}", 2L), (row.Subject, row.Version));
    }

    [Fact]
    public async Task OnlyAdministratorsReachTheTemplates()
    {
        // A page answers a staff member without the role with the "access denied" page (and an audit entry).
        var officer = await app.ClientAsync("demo.officer");
        foreach (var refused in new[] { await officer.GetAsync("/outbox/templates"), await officer.GetAsync(Edit),
            await officer.PostAsync(Edit + "&handler=Save", new FormUrlEncodedContent(Form("Hacked {{ code }}", "x", 0))) })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/account/denied", refused.Headers.Location?.AbsolutePath);
        }
        Assert.DoesNotContain(await SavedAsync(), t => t.Subject.StartsWith("Hacked", StringComparison.Ordinal));
        var admin = await app.ClientAsync("demo.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/outbox/templates/edit?event=request.nothing&language=en")).StatusCode);
    }
}
