using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Units;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Demands;

/// <summary>Demands heard in the community, referred to the unit that can meet them, answered and closed — through the API, on both databases.</summary>
public abstract class DemandTests(FengqiaoApp app)
{
    private const string ChongqingGrid = "220104001001001";  // a grid in Chongqing Road Street (Wu Hui's station)

    private static async Task<DemandDetail> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<DemandDetail>(Api.Json))!;
    }

    private async Task<(HttpClient Officer, DemandDetail Demand)> CreateAsync(string description, string category = "Employment")
    {
        var officer = await app.ClientAsync("demo.officer");
        var created = await ReadAsync(await officer.PostAsJsonAsync("/api/demands",
            new { category, source = "HomeVisit", description, areaCode = ChongqingGrid }), HttpStatusCode.Created);
        return (officer, created);
    }

    private static async Task<List<DemandUnitOption>> UnitsAsync(HttpClient client, int demandId) =>
        await client.GetJsonAsync<List<DemandUnitOption>>($"/api/demands/{demandId}/units");

    private DateOnly Today => app.Services.GetRequiredService<LocalClock>().Today;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ADemandIsReferredToTheCommunityAnsweredAndClosedWithTheResidentsSatisfaction()
    {
        var (officer, d) = await CreateAsync("家中两位老人想在家门口找点手工活补贴家用");
        var id = d.Demand.Id;
        var today = Today;
        Assert.Matches($"^Q220104001-{today.Year}-\\d{{5}}$", d.Demand.Code);
        Assert.Equal(DemandStatus.Open, d.Demand.Status);
        Assert.Equal(DemandSource.HomeVisit, d.Demand.Source);
        Assert.Contains(DemandAction.Refer, d.AllowedActions);

        // The community committee comes first; the street office and the province's co-building departments are offered too.
        var units = await UnitsAsync(officer, id);
        var committee = units[0];
        Assert.Equal(UnitKind.CommunityCommittee, committee.Kind);
        Assert.Contains(units, u => u.Kind == UnitKind.TownshipOffice);
        Assert.Contains(units, u => u.Kind == UnitKind.CoBuildingDepartment);

        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/refer", new { unitId = committee.Id, note = "请社区了解居民技能", version = d.Demand.Version }));
        Assert.Equal(DemandStatus.Referred, d.Demand.Status);
        var referral = Assert.Single(d.Referrals);
        var calendar = app.Services.GetRequiredService<CalendarService>().Current;
        Assert.Equal(calendar.AddWorkingDays(today, DemandCommands.DefaultReferralWorkingDays), referral.DueOn);
        Assert.Equal(referral.DueOn, d.Demand.DueOn);
        Assert.Equal(committee.NameZh, referral.UnitNameZh);
        Assert.False(referral.Overdue);

        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/answer",
            new { answer = "已推荐到街道就业服务站，下周参加招聘会", answeredByName = "社区主任 王丽", version = d.Demand.Version }));
        Assert.Equal(DemandStatus.Answered, d.Demand.Status);
        Assert.Equal("已推荐到街道就业服务站，下周参加招聘会", Assert.Single(d.Referrals).Answer);
        Assert.Equal(today, d.Referrals[0].AnsweredOn);
        Assert.Null(d.Demand.DueOn);

        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/close", new { satisfaction = 5, version = d.Demand.Version }));
        Assert.Equal(DemandStatus.Closed, d.Demand.Status);
        Assert.Equal(5, d.Demand.Satisfaction);
        Assert.Equal(today, d.Demand.ClosedOn);
        Assert.Empty(d.AllowedActions);

        var closed = await officer.PageAsync<DemandDto>($"/api/demands?status=Closed&q={d.Demand.Code}");
        Assert.Equal(id, Assert.Single(closed.Items).Id);
    }

    [Fact]
    public async Task ClosingNeedsTheSatisfactionAndAnOpenDemandCannotBeAnswered()
    {
        var (officer, d) = await CreateAsync("想了解医保异地就医备案怎么办", "Other");
        var id = d.Demand.Id;

        var answer = await officer.PostAsJsonAsync($"/api/demands/{id}/answer", new { answer = "已答复", version = d.Demand.Version });
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("cannot be changed this way", (await answer.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        var noSatisfaction = await officer.PostAsJsonAsync($"/api/demands/{id}/close", new { note = "当场讲解了备案流程", version = d.Demand.Version });
        Assert.Equal(HttpStatusCode.BadRequest, noSatisfaction.StatusCode);
        var errors = await noSatisfaction.ErrorsAsync();
        Assert.Contains("satisfaction", errors.Keys);
        Assert.DoesNotContain("note", errors.Keys);

        // Answered on the spot: closed straight from Open, the note is the answer.
        var noNote = await officer.PostAsJsonAsync($"/api/demands/{id}/close", new { satisfaction = 4, version = d.Demand.Version });
        Assert.Contains("note", (await noNote.ErrorsAsync()).Keys);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/close", new { satisfaction = 4, note = "当场讲解了备案流程", version = d.Demand.Version }));
        Assert.Equal((DemandStatus.Closed, 4, "当场讲解了备案流程"), (d.Demand.Status, d.Demand.Satisfaction!.Value, d.Demand.Answer));
        Assert.Empty(d.Referrals);

        var again = await officer.PostAsJsonAsync($"/api/demands/{id}/refer", new { unitId = 1, version = d.Demand.Version });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task AnOverdueReferralShowsForTheReferringStationOnly()
    {
        var (officer, d) = await CreateAsync("楼道灯坏了三个月没人修", "Security");
        var id = d.Demand.Id;
        var committee = (await UnitsAsync(officer, id))[0];
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/refer", new { unitId = committee.Id, version = d.Demand.Version }));
        var referralId = Assert.Single(d.Referrals).Id;
        var before = await officer.GetJsonAsync<DemandCounts>("/api/demands/counts");
        Assert.Empty((await officer.PageAsync<DemandDto>($"/api/demands?overdue=true&q={d.Demand.Code}")).Items);

        // The committee let the deadline pass.
        var yesterday = Today.AddDays(-1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await db.DemandReferrals.Where(r => r.Id == referralId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, yesterday));
        }

        var overdue = await officer.PageAsync<DemandDto>($"/api/demands?overdue=true&q={d.Demand.Code}");
        Assert.Equal(id, Assert.Single(overdue.Items).Id);
        Assert.Equal(before.Overdue + 1, (await officer.GetJsonAsync<DemandCounts>("/api/demands/counts")).Overdue);
        Assert.True(Assert.Single((await officer.GetJsonAsync<DemandDetail>($"/api/demands/{id}")).Referrals).Overdue);

        // Xi'an Square's officer does not see Chongqing Road's demand at all.
        var other = await app.ClientAsync("demo.officer2");
        Assert.Empty((await other.PageAsync<DemandDto>($"/api/demands?overdue=true&q={d.Demand.Code}")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/demands/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/demands/{id}/answer", new { answer = "x", version = d.Demand.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/demands/{id}/units")).StatusCode);
    }

    [Fact]
    public async Task AStaleVersionGetsAConflictWithTheCurrentDemand()
    {
        var (officer, d) = await CreateAsync("小区主干道路面破损，雨天积水严重", "Infrastructure");
        var id = d.Demand.Id;
        var stale = d.Demand.Version;
        var committee = (await UnitsAsync(officer, id))[0];
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/refer", new { unitId = committee.Id, version = stale }));

        var late = await officer.PostAsJsonAsync($"/api/demands/{id}/answer", new { answer = "已报城建部门", version = stale });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var current = (await late.ProblemAsync()).GetProperty("current").GetProperty("demand");
        Assert.Equal(d.Demand.Version, current.GetProperty("version").GetInt64());
        Assert.Equal("Referred", current.GetProperty("status").GetString());
        Assert.Null((await officer.GetJsonAsync<DemandDetail>($"/api/demands/{id}")).Referrals[0].Answer);

        var noVersion = await officer.PostAsJsonAsync($"/api/demands/{id}/answer", new { answer = "已报城建部门" });
        Assert.Contains("version", (await noVersion.ErrorsAsync()).Keys);
    }

    [Fact]
    public async Task AnUnsatisfactoryAnswerIsReferredAgainToAProvincialCoBuildingDepartment()
    {
        var (officer, d) = await CreateAsync("被拖欠半年工资，想申请法律援助讨薪", "LegalAid");
        var id = d.Demand.Id;
        var units = await UnitsAsync(officer, id);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/refer", new { unitId = units[0].Id, version = d.Demand.Version }));
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/answer", new { answer = "本单位无此职能", version = d.Demand.Version }));

        // The department sits above the station's jurisdiction, yet the referral names it.
        var justice = Assert.Single(units, u => u.NameZh == "吉林省司法厅");
        var due = Today.AddDays(20);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/refer", new { unitId = justice.Id, dueOn = Day(due), version = d.Demand.Version }));
        Assert.Equal(DemandStatus.Referred, d.Demand.Status);
        Assert.Equal(2, d.Referrals.Count);
        Assert.Equal(("吉林省司法厅", UnitKind.CoBuildingDepartment, due), (d.Referrals[1].UnitNameZh, d.Referrals[1].UnitKind, d.Referrals[1].DueOn));
        Assert.Equal("吉林省司法厅", d.Demand.ReferredToZh);

        // A unit that serves another area, and a deadline in the past, are refused.
        var answered = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{id}/answer", new { answer = "法律援助律师已受理", version = d.Demand.Version }));
        var xian = await DemoFacts.UnitAsync(await app.ClientAsync("demo.admin"), "西安广场派出所");
        var wrongUnit = await officer.PostAsJsonAsync($"/api/demands/{id}/refer", new { unitId = xian.Id, version = answered.Demand.Version });
        Assert.Contains("unitId", (await wrongUnit.ErrorsAsync()).Keys);
        var past = await officer.PostAsJsonAsync($"/api/demands/{id}/refer", new { unitId = units[0].Id, dueOn = Day(Today.AddDays(-3)), version = answered.Demand.Version });
        Assert.Contains("dueOn", (await past.ErrorsAsync()).Keys);
    }

    [Fact]
    public async Task JoiningACommunityProjectAnswersTheDemand()
    {
        var officer = await app.ClientAsync("demo.officer");
        var created = await officer.PostAsJsonAsync("/api/projects",
            new { name = "重庆路巧手工坊", sponsor = "朝阳区妇联", areaCode = "220104001", description = "组织有手艺的居民接单增收" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = (await created.Content.ReadFromJsonAsync<CommunityProjectDetail>(Api.Json))!;
        var projectId = project.Project.Id;
        Assert.True((await officer.PostAsJsonAsync($"/api/projects/{projectId}/members", new { name = "李秀兰", role = "队长" })).IsSuccessStatusCode);
        Assert.True((await officer.PostAsJsonAsync($"/api/projects/{projectId}/orders", new { customer = "社区团购", item = "手编杯垫", quantity = 40, amountYuan = 600.5m })).IsSuccessStatusCode);
        var badOrder = await officer.PostAsJsonAsync($"/api/projects/{projectId}/orders", new { customer = "社区团购", item = "手编杯垫", quantity = 0 });
        Assert.Equal(new[] { "amountYuan", "quantity" }, (await badOrder.ErrorsAsync()).Keys.Order(StringComparer.Ordinal));

        var (_, d) = await CreateAsync("会编织，想在家门口接点手工活");
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/demands/{d.Demand.Id}/link-project", new { projectId, version = d.Demand.Version }));
        Assert.Equal(DemandStatus.Answered, d.Demand.Status);
        Assert.Equal(projectId, d.Demand.ProjectId);
        Assert.Contains("重庆路巧手工坊", d.Demand.Answer, StringComparison.Ordinal);
        Assert.Contains(DemandAction.Close, d.AllowedActions);

        project = await officer.GetJsonAsync<CommunityProjectDetail>($"/api/projects/{projectId}");
        Assert.Equal(d.Demand.Id, Assert.Single(project.Demands).Id);
        Assert.Equal((1, 40, 600.5m), (project.Members.Count, project.TotalQuantity, project.TotalYuan));

        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/projects/{projectId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/projects/{projectId}/members", new { name = "张三", role = "队员" })).StatusCode);
    }

    [Fact]
    public async Task TheDemoHasDemandsInEveryStateAndTheKnittingTeamOfAnshun()
    {
        var officer = await app.ClientAsync("demo.officer");
        var counts = await officer.GetJsonAsync<DemandCounts>("/api/demands/counts");
        Assert.All(counts.ByStatus(), c => Assert.True(c.Count > 0, $"no {c.Status} demand in Chongqing Road"));
        Assert.True(counts.Overdue > 0);

        var weidong = await app.ClientAsync("demo.province");
        var projects = await weidong.PageAsync<CommunityProjectDto>("/api/projects?q=" + Uri.EscapeDataString("织心"));
        var knitting = Assert.Single(projects.Items);
        Assert.Equal(("吉林市草编协会", 12), (knitting.Sponsor, knitting.MemberCount));
        var detail = await weidong.GetJsonAsync<CommunityProjectDetail>($"/api/projects/{knitting.Id}");
        Assert.True(detail.Orders.Count > 0 && detail.TotalYuan > 0);
        Assert.True(detail.Demands.Count >= 10);
        Assert.All(detail.Demands, x => Assert.Equal(DemandCategory.Employment, x.Category));
        Assert.Empty((await officer.PageAsync<CommunityProjectDto>("/api/projects?q=" + Uri.EscapeDataString("织心"))).Items);
    }
}

public sealed class SqliteDemandTests(SqliteApp app) : DemandTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDemandTests(PostgresApp app) : DemandTests(app), IClassFixture<PostgresApp>;
