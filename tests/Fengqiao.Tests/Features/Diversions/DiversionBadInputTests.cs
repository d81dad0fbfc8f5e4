using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Diversions;
using Fengqiao.Features.Outbox;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fengqiao.Tests.Features.Diversions;

/// <summary>Every bad delivery and every bad link gets a clear answer and changes nothing.</summary>
public sealed class DiversionBadInputTests(DiversionApp app) : IClassFixture<DiversionApp>
{
    private static string Number() => "J" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();

    private async Task<(int Diversions, int Messages)> StoredAsync(string number)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return (await db.Set<Diversion>().CountAsync(d => d.IncidentNumber == number), await db.Set<OutboxMessage>().CountAsync(m => m.Reference == number));
    }

    [Fact]
    public async Task AnUnknownKindIsAFieldErrorAndNothingIsCreated()
    {
        var number = Number();
        var response = await app.PostIncidentAsync(DiversionApp.Incident(number, "no-such-kind"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kindCode", (await response.ErrorsAsync()).Keys);
        Assert.Equal((0, 0), await StoredAsync(number));

        var nowhere = await app.PostIncidentAsync(DiversionApp.Incident(number, area: "999999"));
        Assert.Contains("areaCode", (await nowhere.ErrorsAsync()).Keys);
        Assert.Equal((0, 0), await StoredAsync(number));
    }

    [Fact]
    public async Task ARedeliveredIncidentIsTheSameDiversionAndNothingNew()
    {
        var number = Number();
        var incident = DiversionApp.Incident(number, "wage-arrears", summary: "工地拖欠农民工三个月工资");
        var first = await app.PostIncidentAsync(incident);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await app.PostIncidentAsync(incident);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<IncidentReceipt>(Api.Json))!.Id, (await again.Content.ReadFromJsonAsync<IncidentReceipt>(Api.Json))!.Id);
        Assert.Equal((1, 1), await StoredAsync(number)); // one diversion, one e-mail to the department
    }

    [Fact]
    public async Task ABadSignatureOrAStaleTimestampIsRefusedAndNothingIsCreated()
    {
        var number = Number();
        var forged = await app.PostIncidentAsync(DiversionApp.Incident(number), secret: "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(401, (await forged.ProblemAsync()).GetProperty("status").GetInt32());
        var stale = await app.PostIncidentAsync(DiversionApp.Incident(number), at: DateTimeOffset.UtcNow.AddMinutes(-10));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal((0, 0), await StoredAsync(number));
    }

    [Fact]
    public async Task ATamperedOrExpiredLinkIsRefusedAndAWrongStepSaysWhy()
    {
        var number = Number();
        var receipt = (await (await app.PostIncidentAsync(DiversionApp.Incident(number))).Content.ReadFromJsonAsync<IncidentReceipt>(Api.Json))!;
        var links = app.Services.GetRequiredService<DiversionLinks>();
        var token = links.Token(new DiversionTicket(receipt.Id, 1));
        var dept = await app.ClientAsync(null, "zh-CN");

        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        var bad = await dept.GetAsync("/dept/diversion?t=" + Uri.EscapeDataString(tampered));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("此链接无效", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await dept.GetAsync("/dept/diversion?t=CfDJ8-made-up")).StatusCode);

        var old = new DiversionLinks(app.Services.GetRequiredService<IDataProtectionProvider>(), app.Services.GetRequiredService<IOptions<Police110Options>>(),
            app.Services.GetRequiredService<IOptions<OutboxOptions>>(), new PastTime(TimeSpan.FromDays(31)));
        var expired = await dept.GetAsync("/dept/diversion?t=" + Uri.EscapeDataString(old.Token(new DiversionTicket(receipt.Id, 1))));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);

        // Answering before signing for it, and signing twice, are refused with a message.
        var early = await DeptPage.PostAsync(dept, token, "Answer", new() { ["answer"] = "已处理" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DeptPage.PostAsync(dept, token, "Accept")).StatusCode);
        var twice = await DeptPage.PostAsync(dept, token, "Accept");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var admin = await app.ClientAsync("demo.admin");
        var detail = await admin.GetJsonAsync<DiversionDetail>($"/api/diversions/{receipt.Id}");
        Assert.Equal(DiversionStatus.Accepted, detail.Diversion.Status);
        Assert.Equal(2, detail.Timeline.Count);
    }

    [Fact]
    public async Task AnOfficerOutsideTheAreaDoesNotSeeTheDiversion()
    {
        var receipt = (await (await app.PostIncidentAsync(DiversionApp.Incident(Number()))).Content.ReadFromJsonAsync<IncidentReceipt>(Api.Json))!;
        var elsewhere = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/diversions/{receipt.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("demo.officer")).GetAsync($"/api/diversions/{receipt.Id}")).StatusCode);
    }

    private sealed class PastTime(TimeSpan ago) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - ago;
    }
}
