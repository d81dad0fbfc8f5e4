using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Features.Disputes;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Dangers;

/// <summary>A hidden danger's own history — the pigeon plate from referral to reopening — through the HTTP API, on both databases.</summary>
public abstract class DangerHistoryTests(FengqiaoApp app)
{
    [Fact]
    public async Task AHiddenDangerKeepsItsOwnHistoryAndTellsItToTheCase()
    {
        var officer = await app.ClientAsync("demo.officer");
        var registered = await officer.PostAsJsonAsync("/api/disputes", DisputeTests.NewCase(DisputeTests.ChongqingGrid, "鸽子盘户乙"));
        var d = (await registered.Content.ReadFromJsonAsync<DisputeDetail>(Api.Json))!;
        var clock = app.Services.GetRequiredService<LocalClock>();
        string Day(int days) => clock.Today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await officer.PostAsJsonAsync("/api/dangers", new
        {
            kind = "FallingObject", description = "阳台外挂鸽子盘，大风可能吹落伤人", responsibleParty = "鸽子盘户乙", rectifyBy = Day(3), disputeId = d.Case.Id,
        });
        var danger = (await created.Content.ReadFromJsonAsync<DangerDto>(Api.Json))!;

        async Task<DangerDto> StepAsync(string action, object body, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await officer.PostAsJsonAsync($"/api/dangers/{danger.Id}/{action}", body);
            Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return expected == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<DangerDto>(Api.Json))! : danger;
        }
        // An answer before the party has been told is refused; so is a judgement without a risk level.
        await StepAsync("answer", new { answer = "马上拆", version = danger.Version }, HttpStatusCode.BadRequest);
        danger = await StepAsync("refer", new { responsibleParty = "五号楼物业", dueDate = Day(7), note = "督促业主拆除", version = danger.Version });
        Assert.Equal((DateOnly?)clock.Today, danger.ReferredOn);
        danger = await StepAsync("answer", new { answer = "物业答复：周五前协助拆除", promisedBy = Day(5), version = danger.Version });
        Assert.Equal(clock.Today.AddDays(5), danger.RectifyBy);
        await StepAsync("assess", new { measures = "先拆除", version = danger.Version }, HttpStatusCode.BadRequest);
        danger = await StepAsync("assess", new { risk = "Orange", measures = "高空坠物，立即拆除并排查整栋楼", version = danger.Version });
        Assert.Equal(("吴辉", RiskColour.Orange), (danger.AssessedByZh, danger.Risk!.Value));
        danger = await StepAsync("rectify", new { rectifiedOn = Day(0), rectifiedBy = "物业", version = danger.Version });
        danger = await StepAsync("reject", new { reason = "还剩一个盘子", version = danger.Version });
        danger = await StepAsync("rectify", new { rectifiedOn = Day(0), rectifiedBy = "物业", note = "全部拆除", version = danger.Version });
        danger = await StepAsync("verify", new { version = danger.Version });
        await StepAsync("reopen", new { note = "又挂上了", version = danger.Version }, HttpStatusCode.BadRequest);
        danger = await StepAsync("reopen", new { note = "又挂上了", dueDate = Day(2), version = danger.Version });
        Assert.Equal(DangerStatus.Open, danger.Status);

        var history = await officer.GetJsonAsync<List<DangerEventDto>>($"/api/dangers/{danger.Id}/history");
        Assert.Equal(
            [DangerEventType.Registered, DangerEventType.Referred, DangerEventType.PartyAnswered, DangerEventType.Assessed, DangerEventType.Rectified,
             DangerEventType.SentBack, DangerEventType.Rectified, DangerEventType.Verified, DangerEventType.Reopened],
            history.Select(e => e.Type));
        Assert.All(history, e => Assert.Equal("demo.officer", e.ActorName));
        Assert.Contains(history, e => e.Type == DangerEventType.Assessed && e.Risk == RiskColour.Orange);
        Assert.Contains(history, e => e.Type == DangerEventType.Referred && e.DueDate == clock.Today.AddDays(7) && e.Note!.Contains("五号楼物业", StringComparison.Ordinal));

        var timeline = (await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}")).Timeline;
        Assert.Equal(
            [DisputeEventType.DangerOpened, DisputeEventType.DangerReferred, DisputeEventType.DangerAnswered, DisputeEventType.DangerAssessed,
             DisputeEventType.DangerRectified, DisputeEventType.DangerSentBack, DisputeEventType.DangerRectified, DisputeEventType.DangerVerified,
             DisputeEventType.DangerReopened],
            timeline.Where(e => e.Type.ToString().StartsWith("Danger", StringComparison.Ordinal)).Select(e => e.Type));
        Assert.Contains(timeline, e => e.Type == DisputeEventType.DangerSentBack && e.Note!.StartsWith(danger.Code, StringComparison.Ordinal));

        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/dangers/{danger.Id}/history")).StatusCode);
    }
}

public sealed class SqliteDangerHistoryTests(SqliteApp app) : DangerHistoryTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDangerHistoryTests(PostgresApp app) : DangerHistoryTests(app), IClassFixture<PostgresApp>;
