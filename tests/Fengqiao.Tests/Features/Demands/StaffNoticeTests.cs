using Fengqiao.Features.Demands;
using System.Net;
using Fengqiao.Features.Demands.Notices;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Outbox;
using Fengqiao.Features.Supervision;
using Fengqiao.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Demands;

/// <summary>
/// The people responsible hear of what is late: an overdue referral tells the unit and the officer who referred it,
/// once however often the check runs; a supervision notice tells the case's officer; a leader who chose the digest
/// gets one e-mail a day with the day's notices instead of one each.
/// </summary>
public sealed class StaffNoticeTests(DepartmentMailApp app) : IClassFixture<DepartmentMailApp>
{
    private DateOnly Today => app.Services.GetRequiredService<LocalClock>().Today;

    private Task<int> MakeOverdueAsync(int demandId) =>
        app.StoredAsync(db => db.DemandReferrals.Where(r => r.DemandId == demandId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, Today.AddDays(-2))));

    private Task<List<OutboxMessage>> MessagesAsync(string reference, string evt) =>
        app.StoredAsync(db => db.Set<OutboxMessage>().Where(m => m.Reference == reference && m.Event == evt).ToListAsync());

    [Fact]
    public async Task AnOverdueReferralTellsTheUnitAndTheOfficerOnceEvenWhenTheCheckRunsTwice()
    {
        await app.StartMailAsync();
        var (_, d) = await app.ReferAsync("希望小区加装路灯");
        await MakeOverdueAsync(d.Demand.Id);
        var check = app.Services.GetRequiredService<OverdueReferrals>();
        await check.RunOnceAsync(CancellationToken.None);
        await check.RunOnceAsync(CancellationToken.None);

        var written = await MessagesAsync(d.Demand.Code, "referral.overdue");
        Assert.Equal(2, written.Count);
        await app.DeliverAsync();
        var toOfficer = app.Sink.OneTo("demo.officer@police.example.gov.cn", d.Demand.Code);
        Assert.Contains("已超期", toOfficer.Subject, StringComparison.Ordinal); // in the officer's language (Chinese unless they chose English)
        Assert.Contains($"/demands/{d.Demand.Id}", toOfficer.TextBody, StringComparison.Ordinal);
        var toUnit = app.Sink.Messages().Single(m => m.To.Mailboxes.Any(b => !b.Address.EndsWith("@police.example.gov.cn", StringComparison.Ordinal)) && (m.Subject ?? "").Contains(d.Demand.Code, StringComparison.Ordinal) && (m.Subject ?? "").Contains("已超期", StringComparison.Ordinal));
        Assert.Contains("/dept/referral?t=", toUnit.TextBody, StringComparison.Ordinal);
        Assert.Equal(Today, await app.StoredAsync(db => db.DemandReferrals.Where(r => r.DemandId == d.Demand.Id).Select(r => r.OverdueNotifiedOn).SingleAsync()));
    }

    [Fact]
    public async Task ASupervisionNoticeTellsTheCasesResponsibleOfficer()
    {
        await app.StartMailAsync();
        var officerPerson = await app.StoredAsync(db => db.Users.Where(u => u.UserName == "demo.officer").Select(u => u.PersonId).SingleAsync());
        var running = new[] { DisputeStatus.Registered, DisputeStatus.Assigned, DisputeStatus.Mediating };
        var dispute = await app.StoredAsync(db => db.Disputes.Where(x => x.ResponsibleOfficerId == officerPerson && running.Contains(x.Status) && x.MergedIntoId == null)
            .OrderBy(x => x.Id).Select(x => new { x.Id, x.Code }).FirstAsync());
        // Its deadline passes: the day's escalation raises the notice, and its e-mail is written with it.
        await app.StoredAsync(db => db.Disputes.Where(x => x.Id == dispute.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueDate, Today.AddDays(-1))));
        Assert.True(await app.Services.GetRequiredService<Escalation>().RunOnceAsync(Today) > 0);

        var written = await MessagesAsync(dispute.Code, "supervision.raised");
        Assert.Contains(written, m => m.RecipientMasked == "d***@police.example.gov.cn");
        await app.DeliverAsync();
        var mail = app.Sink.OneTo("demo.officer@police.example.gov.cn", $"督办通知：{dispute.Code}");
        Assert.Contains($"/disputes/{dispute.Id}", mail.TextBody, StringComparison.Ordinal);
        // The station director reads a digest: the notice waits for it instead of arriving alone.
        Assert.DoesNotContain(app.Sink.Messages(), m => m.To.Mailboxes.Any(b => b.Address == "demo.director@police.example.gov.cn")
            && (m.Subject ?? "").Contains(dispute.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADigestReaderGetsOneDailyDigestWithBothNoticesInsteadOfTwoEmails()
    {
        await app.StartMailAsync();
        const string director = "demo.director@police.example.gov.cn";
        // The director chooses the digest on the notices page.
        var client = await app.ClientAsync("demo.director", "zh-CN");
        var page = await client.GetStringAsync("/account/notices");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await client.PostAsync("/account/notices", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["digest"] = "true", ["version"] = version,
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("checked", System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/account/notices"), "<input[^>]*id=\"digest-yes\"[^>]*>").Value, StringComparison.Ordinal);

        var (_, first) = await app.ReferAsync("希望开设老年人智能手机课堂", "demo.director");
        var (_, second) = await app.ReferAsync("希望社区组织义诊", "demo.director");
        await MakeOverdueAsync(first.Demand.Id);
        await MakeOverdueAsync(second.Demand.Id);
        await app.Services.GetRequiredService<OverdueReferrals>().RunOnceAsync(CancellationToken.None);
        await app.DeliverAsync();
        Assert.DoesNotContain(app.Sink.Messages(), m => m.To.Mailboxes.Any(b => b.Address == director)
            && ((m.Subject ?? "").Contains(first.Demand.Code, StringComparison.Ordinal) || (m.Subject ?? "").Contains(second.Demand.Code, StringComparison.Ordinal)));

        var digest = app.Services.GetRequiredService<DailyDigest>();
        Assert.Equal(1, await digest.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await digest.RunOnceAsync(CancellationToken.None)); // once a day
        await app.DeliverAsync();
        var mail = app.Sink.OneTo(director, "每日汇总");
        Assert.Contains(first.Demand.Code, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(second.Demand.Code, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("尚未答复您转办的群众诉求", mail.TextBody, StringComparison.Ordinal); // in the director's language
        var held = await app.StoredAsync(db => db.Set<HeldNotice>().Where(n => n.Reference == first.Demand.Code || n.Reference == second.Demand.Code).ToListAsync());
        Assert.Equal(2, held.Count);
        Assert.All(held, n => Assert.NotNull(n.DigestKey));
    }
}
