using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fengqiao.Features.Diversions;
using Fengqiao.Features.Outbox.Channels;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Diversions;

/// <summary>
/// The 110 bridge's loop: 110 diverts a non-police call, the department hears of it by e-mail, signs for it and answers
/// it on the linked page without an account, 110 hears the answer by a signed webhook, and the figures count it; or the
/// department returns it with a reason and it lands back on the station's worklist.
/// </summary>
public sealed partial class DiversionRoundTripTests(DiversionApp app) : IClassFixture<DiversionApp>
{
    private static string Number() => "J" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();

    [Fact]
    public async Task AnIncidentFrom110IsSignedForAndAnsweredByTheDepartmentAnd110HearsTheAnswer()
    {
        await app.Sink.StartAsync();
        Assert.SkipWhen(app.Sink.SkipReason is not null, app.Sink.SkipReason ?? "");
        var admin = await app.ClientAsync("demo.admin");
        var before = (await admin.GetJsonAsync<DiversionFigureTable>($"/api/diversions/figures?area={DiversionApp.Grid}")).Totals;
        var number = Number();

        var created = await app.PostIncidentAsync(DiversionApp.Incident(number));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = (await created.Content.ReadFromJsonAsync<IncidentReceipt>(Api.Json))!;
        Assert.Equal(DiversionStatus.Diverted, receipt.Status);
        Assert.EndsWith("居委会", receipt.Department, StringComparison.Ordinal); // the caller's own community committee
        Assert.True(receipt.DueOn > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(4)), $"5 working days, due {receipt.DueOn}");

        await app.DeliverAsync();
        var mail = Assert.Single(app.Sink.Messages(), m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal));
        Assert.EndsWith("@community.example.gov.cn", Assert.Single(mail.To.Mailboxes).Address, StringComparison.Ordinal);
        Assert.Contains("139****1111", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", mail.TextBody, StringComparison.Ordinal);
        var link = new Uri(Link().Match(mail.TextBody ?? "").Value);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["t"]!;

        // Opening the page changes nothing.
        var dept = await app.ClientAsync(null, "zh-CN");
        var page = await dept.GetStringAsync(link.PathAndQuery);
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Equal(DiversionStatus.Diverted, (await admin.GetJsonAsync<DiversionDetail>($"/api/diversions/{receipt.Id}")).Diversion.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await DeptPage.PostAsync(dept, token, "Accept", new() { ["by"] = "社区调解员刘芳" })).StatusCode);
        Assert.Contains("13900001111", await dept.GetStringAsync(link.PathAndQuery), StringComparison.Ordinal); // signed for: it can call back
        var answered = await DeptPage.PostAsync(dept, token, "Answer", new() { ["answer"] = "已组织双方调解，杂物清理完毕，双方和解" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var detail = await admin.GetJsonAsync<DiversionDetail>($"/api/diversions/{receipt.Id}");
        Assert.Equal(DiversionStatus.Answered, detail.Diversion.Status);
        Assert.Equal([DiversionEventType.Diverted, DiversionEventType.Accepted, DiversionEventType.Answered], detail.Timeline.Select(e => e.Type));

        await app.DeliverAsync();
        var hooks = app.Receiver.All.Where(r => r.Path == "/110" && r.Body.Contains(number, StringComparison.Ordinal)).ToList();
        Assert.Equal(["diversion.accepted", "diversion.answered"], hooks.Select(h => h.Headers["X-Fengqiao-Event"]));
        var hook = hooks[1];
        Assert.True(Signature.Verify(DiversionApp.HookSecret, hook.Headers[Signature.TimestampHeader], hook.Headers[Signature.Header], hook.Body, DateTimeOffset.UtcNow));
        var payload = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal(number, payload.GetProperty("incidentNumber").GetString());
        Assert.Equal("Answered", payload.GetProperty("status").GetString());
        Assert.Equal("已组织双方调解，杂物清理完毕，双方和解", payload.GetProperty("answer").GetString());
        Assert.Equal(receipt.Department, payload.GetProperty("department").GetString());
        Assert.DoesNotContain("1111", hook.Body, StringComparison.Ordinal); // no caller's phone
        Assert.DoesNotContain("重庆路街道某小区", hook.Body, StringComparison.Ordinal); // nor the address

        var after = (await admin.GetJsonAsync<DiversionFigureTable>($"/api/diversions/figures?area={DiversionApp.Grid}")).Totals;
        Assert.Equal(before.Diverted + 1, after.Diverted);
        Assert.Equal(before.AnsweredInTime + 1, after.AnsweredInTime);
        Assert.Equal(before.AnsweredLate, after.AnsweredLate);
        // The figure drills down to the diversion behind it.
        var drilled = await admin.PageAsync<DiversionRow>($"/api/diversions?area={DiversionApp.Grid}&timing=InTime&pageSize=200");
        Assert.Contains(drilled.Items, r => r.IncidentNumber == number);
    }

    [Fact]
    public async Task AReturnedDiversionIsBackOnTheStationsWorklistWithItsReasonAndCanBeSentElsewhere()
    {
        var number = Number();
        var receipt = (await (await app.PostIncidentAsync(DiversionApp.Incident(number, "water-leak", summary: "小区主管道爆裂，水漫楼道")))
            .Content.ReadFromJsonAsync<IncidentReceipt>(Api.Json))!;
        Assert.Equal("长春水务集团供水抢修中心", receipt.Department);
        var links = app.Services.GetRequiredService<DiversionLinks>();
        var dept = await app.ClientAsync(null, "en");
        var token = links.Token(new DiversionTicket(receipt.Id, 1));

        var empty = await DeptPage.PostAsync(dept, token, "Return", new() { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("This field is required.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var officer = await app.ClientAsync("demo.officer");
        Assert.Equal(DiversionStatus.Diverted, (await officer.GetJsonAsync<DiversionDetail>($"/api/diversions/{receipt.Id}")).Diversion.Status);

        const string why = "漏水点位于小区物业自建管网，应由物业公司维修";
        var openTab = await DeptPage.ReadAsync(dept, token);
        Assert.Equal(HttpStatusCode.Redirect, (await DeptPage.PostAsync(dept, token, "Return", new() { ["reason"] = why })).StatusCode);
        var returned = await officer.PageAsync<DiversionRow>("/api/diversions?status=Returned&pageSize=200");
        var row = Assert.Single(returned.Items, r => r.IncidentNumber == number);
        Assert.Equal(why, row.ReturnReason);
        Assert.Contains(why, await officer.GetStringAsync($"/diversions/{receipt.Id}"), StringComparison.Ordinal);

        // Returned once, it cannot be returned again from a tab that was still open.
        var late = await DeptPage.PostAsync(dept, token, "Return", new() { ["reason"] = "再次退回" }, openTab);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("cannot be done to it now", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The station sends it on; the old department's link no longer acts on it.
        var sent = await officer.PostAsJsonAsync($"/api/diversions/{receipt.Id}/redivert", new { kindCode = "noise-business", note = "转城管核查", version = row.Version });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var detail = (await sent.Content.ReadFromJsonAsync<DiversionDetail>(Api.Json))!;
        Assert.Equal((DiversionStatus.Diverted, "长春市城市管理局"), (detail.Diversion.Status, detail.Diversion.DepartmentZh));
        var stale = await DeptPage.ReadAsync(dept, token);
        Assert.Contains("sent this call elsewhere", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("accept-form", stale, StringComparison.Ordinal);
        Assert.Equal(DiversionStatus.Diverted, (await officer.GetJsonAsync<DiversionDetail>($"/api/diversions/{receipt.Id}")).Diversion.Status);

        await app.DeliverAsync();
        var hook = Assert.Single(app.Receiver.All, r => r.Path == "/110" && r.Body.Contains(number, StringComparison.Ordinal));
        Assert.Equal("diversion.returned", hook.Headers["X-Fengqiao-Event"]);
        Assert.Equal(why, JsonDocument.Parse(hook.Body).RootElement.GetProperty("returnReason").GetString());
    }

    [GeneratedRegex(@"http\S+/dept/diversion\?t=\S+")]
    private static partial Regex Link();
}
