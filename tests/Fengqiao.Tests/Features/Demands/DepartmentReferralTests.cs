using Fengqiao.Features.Units;
using System.Net;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Demands.Department;
using Fengqiao.Features.Demands.Notices;
using Fengqiao.Features.Outbox;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fengqiao.Tests.Features.Demands;

/// <summary>
/// A referral reaches the department: its contact gets the e-mail with a signed link, and without an account signs for
/// the referral, answers it (the answer lands on the demand as the unit's) or sends it back with a reason.
/// </summary>
public sealed class DepartmentReferralTests(DepartmentMailApp app) : IClassFixture<DepartmentMailApp>
{
    private async Task<string> ContactOfAsync(int demandId) =>
        await app.StoredAsync(async db =>
        {
            var unitId = await db.DemandReferrals.Where(r => r.DemandId == demandId).OrderByDescending(r => r.Id).Select(r => r.UnitId).FirstAsync();
            var stored = await db.Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.ContactEmail).FirstAsync();
            return app.Services.GetRequiredService<StaffMail>().Reveal(stored!);
        });

    [Fact]
    public async Task TheDepartmentIsEmailedSignsForTheReferralAndItsAnswerLandsOnTheDemand()
    {
        await app.StartMailAsync();
        var (officer, d) = await app.ReferAsync("独居老人希望社区每周上门探望");
        var code = d.Demand.Code;
        // The message was written in the referral's own save, its address encrypted.
        var written = await app.StoredAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Reference == code && m.Event == "referral.made"));
        var contact = await ContactOfAsync(d.Demand.Id);
        Assert.DoesNotContain(contact, written.Recipient!, StringComparison.Ordinal);
        await app.DeliverAsync();
        var mail = app.Sink.OneTo(contact, code);
        Assert.Contains("已转交贵单位", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("独居老人希望社区每周上门探望", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("请社区上门了解", mail.TextBody, StringComparison.Ordinal);
        var link = DepartmentMailApp.LinkIn(mail.TextBody);

        // Opening the page shows the demand and changes nothing.
        var unit = await app.ClientAsync(null, "zh-CN");
        var page = await unit.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("独居老人希望社区每周上门探望", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}");
        Assert.Equal(d.Demand.Version, after.Demand.Version);
        Assert.Null(Assert.Single(after.Referrals).AcceptedOn);

        Assert.Equal(HttpStatusCode.Redirect, (await DepartmentMailApp.PostFormAsync(unit, link, "Accept", new() { ["name"] = "社区主任 王丽" })).StatusCode);
        after = await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}");
        Assert.Equal(DemandStatus.Referred, after.Demand.Status);
        Assert.NotNull(after.Referrals[0].AcceptedOn);
        Assert.Equal("社区主任 王丽", after.Referrals[0].AcceptedByName);

        // An empty answer is a field error and changes nothing.
        var empty = await DepartmentMailApp.PostFormAsync(unit, link, "Answer", new() { ["answer"] = " ", ["answeredByName"] = "王丽" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("此项为必填项", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DemandStatus.Referred, (await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}")).Demand.Status);

        var openTab = await DepartmentMailApp.OpenFormAsync(unit, link);
        var answered = await DepartmentMailApp.PostFormAsync(unit, link, "Answer", new() { ["answer"] = "已安排网格员每周二上门探望", ["answeredByName"] = "社区主任 王丽" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        after = await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}");
        Assert.Equal(DemandStatus.Answered, after.Demand.Status);
        Assert.Equal("已安排网格员每周二上门探望", after.Demand.Answer);
        var referral = Assert.Single(after.Referrals);
        Assert.True(referral.AnsweredByUnit);
        Assert.Equal("社区主任 王丽", referral.AnsweredByName);
        Assert.Contains(DemandAction.Close, after.AllowedActions); // on the case exactly as a staff-recorded answer
        var staffPage = await (await app.ClientAsync("demo.officer", "en")).GetStringAsync($"/demands/{d.Demand.Id}");
        Assert.Contains("from the unit", staffPage, StringComparison.Ordinal);

        // A second answer, or sending it back now, is refused with a clear message and changes nothing.
        Assert.DoesNotContain("answer-form", await unit.GetStringAsync(link), StringComparison.Ordinal);
        var again = await DepartmentMailApp.PostFormAsync(unit, link, "Answer", new() { ["answer"] = "另一个答复", ["answeredByName"] = "王丽" }, openTab);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("此转办已不再等待贵单位处理", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var back = await DepartmentMailApp.PostFormAsync(unit, link, "Return", new() { ["reason"] = "不归我们管" }, openTab);
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        var final = await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}");
        Assert.Equal((after.Demand.Version, "已安排网格员每周二上门探望", DemandStatus.Answered), (final.Demand.Version, final.Demand.Answer, final.Demand.Status));
    }

    [Fact]
    public async Task ASentBackReferralOpensTheDemandAgainWithTheReasonForTheStaff()
    {
        await app.StartMailAsync();
        var (officer, d) = await app.ReferAsync("希望社区协调楼道堆物清理");
        await app.DeliverAsync();
        var link = DepartmentMailApp.LinkIn(app.Sink.OneTo(await ContactOfAsync(d.Demand.Id), d.Demand.Code).TextBody);
        var unit = await app.ClientAsync(null, "en");

        var noReason = await DepartmentMailApp.PostFormAsync(unit, link, "Return", new() { ["reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("This field is required.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DemandStatus.Referred, (await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}")).Demand.Status);

        var openTab = await DepartmentMailApp.OpenFormAsync(unit, link);
        var returned = await DepartmentMailApp.PostFormAsync(unit, link, "Return", new() { ["reason"] = "楼道属物业管理，请转物业公司", ["name"] = "李明" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var after = await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}");
        Assert.Equal(DemandStatus.Open, after.Demand.Status);
        Assert.Null(after.Demand.DueOn);
        var referral = Assert.Single(after.Referrals);
        Assert.Equal("楼道属物业管理，请转物业公司", referral.ReturnReason);
        Assert.False(referral.Overdue);
        Assert.Contains(DemandAction.Refer, after.AllowedActions);
        Assert.Contains("楼道属物业管理，请转物业公司", await officer.GetStringAsync($"/demands/{d.Demand.Id}"), StringComparison.Ordinal);

        // The link of a referral sent back answers nothing more.
        var late = await DepartmentMailApp.PostFormAsync(unit, link, "Answer", new() { ["answer"] = "还是我们办吧", ["answeredByName"] = "李明" }, openTab);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("no longer waiting for your unit", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DemandStatus.Open, (await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}")).Demand.Status);
    }

    [Fact]
    public async Task ATamperedOrExpiredLinkIsRefusedAndChangesNothing()
    {
        var (officer, d) = await app.ReferAsync("希望增设老年食堂");
        var key = await app.StoredAsync(db => db.DemandReferrals.Where(r => r.DemandId == d.Demand.Id).Select(r => r.LinkKey).SingleAsync());
        Assert.NotNull(key);
        var links = app.Services.GetRequiredService<DepartmentLinks>();
        var good = new Uri(links.Url(key.Value)).PathAndQuery;
        var unit = await app.ClientAsync(null, "zh-CN");
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync(good)).StatusCode);

        var tampered = good[..^6] + (good[^6] == 'A' ? "B" : "A") + good[^5..];
        var bad = await unit.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("此链接无效", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await unit.GetAsync("/dept/referral?t=CfDJ8-made-up")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await unit.GetAsync(new Uri(links.Url(Guid.NewGuid())).PathAndQuery)).StatusCode);

        var days = app.Services.GetRequiredService<IOptions<StaffNoticeOptions>>();
        var old = new DepartmentLinks(app.Services.GetRequiredService<IDataProtectionProvider>(), days,
            app.Services.GetRequiredService<IOptions<OutboxOptions>>(), new PastTime(TimeSpan.FromDays(days.Value.LinkDays + 1)));
        var expiredLink = new Uri(old.Url(key.Value)).PathAndQuery;
        var expired = await unit.GetAsync(expiredLink);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("此链接已过期", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A post with the expired link (and the good page's antiforgery token) answers nothing.
        var html = await unit.GetStringAsync(good);
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        var post = await unit.PostAsync("/dept/referral?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["t"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + expiredLink).Query)["t"]!,
            ["answer"] = "过期的答复", ["answeredByName"] = "某人", ["version"] = d.Demand.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        // Without the antiforgery token, a post is refused before it reaches the page.
        var forged = await unit.PostAsync("/dept/referral?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["t"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + good).Query)["t"]!, ["answer"] = "伪造", ["answeredByName"] = "某人",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var after = await officer.GetJsonAsync<DemandDetail>($"/api/demands/{d.Demand.Id}");
        Assert.Equal((DemandStatus.Referred, d.Demand.Version), (after.Demand.Status, after.Demand.Version));
    }

    [Fact]
    public async Task AnAdministratorSetsAUnitsContactWhichIsStoredEncryptedAndShownMasked()
    {
        var unitId = await app.StoredAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Kind == Fengqiao.Features.Units.UnitKind.CommunityCommittee && u.AreaPath.Contains("/220104001/")).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync());
        var admin = await app.ClientAsync("demo.admin", "en");
        async Task<HttpResponseMessage> PostAsync(HttpClient client, string email)
        {
            var html = await client.GetStringAsync($"/units/{unitId}");
            var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
            var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
            return await client.PostAsync($"/units/{unitId}?handler=Contact", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["contactEmail"] = email, ["version"] = version,
            }));
        }

        var invalid = await PostAsync(admin, "not-an-address");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Give a valid e-mail address.", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Zhou.Min@Example.gov.cn")).StatusCode);
        Assert.Contains("z***@example.gov.cn", await admin.GetStringAsync($"/units/{unitId}"), StringComparison.Ordinal);
        var stored = await app.StoredAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.ContactEmail).SingleAsync());
        Assert.DoesNotContain("zhou.min", stored!, StringComparison.Ordinal);
        Assert.Equal("zhou.min@example.gov.cn", app.Services.GetRequiredService<StaffMail>().Reveal(stored!));

        // An officer sees the masked contact but may not change it.
        var officer = await app.ClientAsync("demo.officer", "en");
        Assert.DoesNotContain("unit-contact-form", await officer.GetStringAsync($"/units/{unitId}"), StringComparison.Ordinal);
        var html = await officer.GetStringAsync($"/units/{unitId}");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        var refused = await officer.PostAsync($"/units/{unitId}?handler=Contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["contactEmail"] = "someone@example.com", ["version"] = "0",
        }));
        Assert.Contains("/account/denied", refused.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase); // the app's forbidden page
        Assert.Equal(stored, await app.StoredAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.ContactEmail).SingleAsync()));
    }

    private sealed class PastTime(TimeSpan ago) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - ago;
    }
}
