using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Demo.Visits;
using Fengqiao.Features.Visits;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Visits;

/// <summary>Home-visit campaigns, visits and the notepad through the HTTP API, on both databases.</summary>
public abstract class VisitTests(FengqiaoApp app)
{
    private const string ChongqingRoad = "220104001";   // Wu Hui's street
    private const string Jilu = "220421001";            // Wei Dong's
    private const string XianSquare = "220106001";      // Zhang Chunmin's

    private DateOnly Today => app.Services.GetRequiredService<LocalClock>().Today;

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Api.Json))!;
    }

    /// <summary>
    /// A campaign of Wu Hui's street over one of its communities, running since yesterday (so it
    /// is the newest campaign there, the one a visit counts towards), and a household not yet visited.
    /// </summary>
    private async Task<(HttpClient Officer, CampaignDto Campaign, TargetHouseholdDto Household)> CampaignAsync(string name, string community)
    {
        var officer = await app.ClientAsync("demo.officer");
        var campaign = await ReadAsync<CampaignDto>(await officer.PostAsJsonAsync("/api/campaigns", new
        {
            name, startsOn = Today.AddDays(-1), endsOn = Today.AddDays(30), areaCode = ChongqingRoad, areaCodes = new[] { community },
        }), HttpStatusCode.Created);
        var notVisited = await officer.PageAsync<TargetHouseholdDto>($"/api/campaigns/{campaign.Id}/not-visited?pageSize=5");
        Assert.True(notVisited.Total > 0, $"community {community} has no households to visit");
        return (officer, campaign, notVisited.Items[0]);
    }

    [Fact]
    public async Task LoggingAVisitRaisesTheCoverageByExactlyOneTargetHousehold()
    {
        var (officer, campaign, household) = await CampaignAsync("覆盖率测试", "220104001002");
        var me = await DemoFacts.PersonAsync(officer, "吴辉");
        var before = await officer.GetJsonAsync<CoverageDto>($"/api/campaigns/{campaign.Id}/coverage");
        var gridBefore = Assert.Single(before.Grids, g => g.Code == household.AreaCode);
        var mineBefore = before.Officers.SingleOrDefault(o => o.PersonId == me.Id);

        // No campaign given: the visit counts towards the newest running campaign that targets the household.
        var visit = await ReadAsync<VisitDto>(await officer.PostAsJsonAsync("/api/visits",
            new { householdId = household.Id, notes = "老人身体硬朗，家中暖气正常，讲解了冒充客服退款诈骗。", antiFraudGiven = true }), HttpStatusCode.Created);
        Assert.Equal(((int?)campaign.Id, me.Id, household.AreaCode, true), (visit.CampaignId, visit.OfficerId, visit.AreaCode, visit.AntiFraudGiven));

        var after = await officer.GetJsonAsync<CoverageDto>($"/api/campaigns/{campaign.Id}/coverage");
        Assert.Equal((before.Targets, before.Visited + 1), (after.Targets, after.Visited));
        var gridAfter = Assert.Single(after.Grids, g => g.Code == household.AreaCode);
        Assert.Equal((gridBefore.Targets, gridBefore.Visited + 1), (gridAfter.Targets, gridAfter.Visited));
        var mine = Assert.Single(after.Officers, o => o.PersonId == me.Id);
        Assert.Equal(((mineBefore?.Visited ?? 0) + 1, (mineBefore?.Visits ?? 0) + 1), (mine.Visited, mine.Visits));
        var notVisited = await officer.PageAsync<TargetHouseholdDto>($"/api/campaigns/{campaign.Id}/not-visited?area={household.AreaCode}&pageSize=200");
        Assert.DoesNotContain(notVisited.Items, h => h.Id == household.Id);
        Assert.Equal(gridAfter.NotVisited, notVisited.Total);

        // A second visit to the same household is one more visit, not one more household.
        await ReadAsync<VisitDto>(await officer.PostAsJsonAsync("/api/visits",
            new { householdId = household.Id, campaignId = campaign.Id, notes = "回访：老人说一切都好。" }), HttpStatusCode.Created);
        var again = await officer.GetJsonAsync<CoverageDto>($"/api/campaigns/{campaign.Id}/coverage");
        Assert.Equal(after.Visited, again.Visited);
        Assert.Equal(mine.Visits + 1, Assert.Single(again.Officers, o => o.PersonId == me.Id).Visits);
    }

    [Fact]
    public async Task ACampaignCountsTheDisputesAndDangersItsVisitsFoundAndHowManyWereResolved()
    {
        var (officer, campaign, household) = await CampaignAsync("排查化解测试", "220104001003");
        Assert.Equal(0, campaign.Results.DisputesFound);
        var resolved = (await officer.PageAsync<Fengqiao.Features.Disputes.DisputeListItem>($"/api/disputes?area={ChongqingRoad}&resolved=true&pageSize=1")).Items[0];
        var open = (await officer.PageAsync<Fengqiao.Features.Disputes.DisputeListItem>($"/api/disputes?area={ChongqingRoad}&resolved=false&pageSize=1")).Items[0];
        var danger = (await officer.PageAsync<Fengqiao.Features.Dangers.DangerDto>($"/api/dangers?area={ChongqingRoad}&pageSize=1")).Items[0];
        foreach (var (dispute, dangerCode) in new[] { (resolved.Code, danger.Code), (open.Code, (string?)null) })
        {
            var visit = await ReadAsync<VisitDto>(await officer.PostAsJsonAsync("/api/visits",
                new { householdId = household.Id, campaignId = campaign.Id, notes = "走访中了解到邻里纠纷并现场登记。" }), HttpStatusCode.Created);
            await ReadAsync<VisitDto>(await officer.PostAsJsonAsync($"/api/visits/{visit.Id}/produced",
                new { disputeCode = dispute, dangerCode, version = visit.Version }), HttpStatusCode.OK);
        }

        var results = (await officer.GetJsonAsync<CampaignDto>($"/api/campaigns/{campaign.Id}")).Results;
        Assert.Equal((2, 2, 1, 1), (results.Visits, results.DisputesFound, results.DisputesResolved, results.DangersFound));
        Assert.Equal(50.0, results.ResolutionRate);
        // Every number drills down to the cases behind it.
        Assert.Equal(2, (await officer.PageAsync<Fengqiao.Features.Disputes.DisputeListItem>($"/api/disputes?campaign={campaign.Id}")).Total);
        var resolvedList = await officer.PageAsync<Fengqiao.Features.Disputes.DisputeListItem>($"/api/disputes?campaign={campaign.Id}&resolved=true");
        Assert.Equal(resolved.Id, Assert.Single(resolvedList.Items).Id);
        Assert.Equal(danger.Id, Assert.Single((await officer.PageAsync<Fengqiao.Features.Dangers.DangerDto>($"/api/dangers?campaign={campaign.Id}")).Items).Id);
        // Another street's officer sees the campaign's figures for what they may see: nothing of Chongqing Road's.
        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(0, (await other.PageAsync<Fengqiao.Features.Disputes.DisputeListItem>($"/api/disputes?campaign={campaign.Id}")).Total);
    }

    [Fact]
    public async Task TheHundredDayActionsFiguresAreItsOwnRecords()
    {
        var province = await app.ClientAsync("demo.province");
        var campaigns = await province.PageAsync<CampaignListItem>($"/api/campaigns?q={Uri.EscapeDataString(VisitsDemo.HundredDaysName)}");
        var hundred = await province.GetJsonAsync<CampaignDto>($"/api/campaigns/{Assert.Single(campaigns.Items).Id}");
        Assert.True(hundred.Results.DisputesFound > 0, "the demo's 100-day action found no disputes");
        Assert.Equal(hundred.Results.DisputesFound, (await province.PageAsync<Fengqiao.Features.Disputes.DisputeListItem>($"/api/disputes?campaign={hundred.Id}")).Total);
        Assert.Equal(hundred.Results.DisputesResolved,
            (await province.PageAsync<Fengqiao.Features.Disputes.DisputeListItem>($"/api/disputes?campaign={hundred.Id}&resolved=true")).Total);
        Assert.Equal(hundred.Results.DisputesResolved, hundred.Results.ResolvedInPeriod + hundred.Results.ResolvedAfter);

        var export = await province.GetAsync("/api/statistics/export.xlsx");
        using var book = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(book);
        Assert.Contains("Campaigns", sheets);
        var rows = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "Campaigns").Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows, r => (string)r["Campaign"] == VisitsDemo.HundredDaysName);
        Assert.Equal(hundred.Results.DisputesFound, Convert.ToInt32(row["Disputes found"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AVisitWithADemandCreatesTheDemandForTheHouseholdInOneGo()
    {
        var (officer, campaign, household) = await CampaignAsync("诉求测试", "220104001003");
        var visit = await ReadAsync<VisitDto>(await officer.PostAsJsonAsync("/api/visits", new
        {
            householdId = household.Id, campaignId = campaign.Id, notes = "年轻妈妈，孩子两岁，想在家附近找份工作。",
            demand = new { category = "Employment", description = "想在家附近找份能接送孩子的工作" },
        }), HttpStatusCode.Created);
        Assert.NotNull(visit.DemandId);

        var demand = (await officer.GetJsonAsync<DemandDetail>($"/api/demands/{visit.DemandId}")).Demand;
        Assert.Equal(((int?)household.Id, (int?)visit.Id, DemandSource.HomeVisit, DemandCategory.Employment, DemandStatus.Open),
            (demand.HouseholdId, demand.VisitId, demand.Source, demand.Category, demand.Status));
        Assert.Equal("想在家附近找份能接送孩子的工作", demand.Description);

        // Without its own description the demand takes the visit's notes.
        var second = await ReadAsync<VisitDto>(await officer.PostAsJsonAsync("/api/visits", new
        {
            householdId = household.Id, campaignId = campaign.Id, notes = "老人想找人每周帮忙买菜。", demand = new { category = "ElderlyCare" },
        }), HttpStatusCode.Created);
        Assert.Equal("老人想找人每周帮忙买菜。", (await officer.GetJsonAsync<DemandDetail>($"/api/demands/{second.DemandId}")).Demand.Description);

        // Everything or nothing: a demand without its kind keeps the visit from being saved too.
        var marker = "全有或全无" + Guid.NewGuid().ToString("N")[..8];
        var refused = await officer.PostAsJsonAsync("/api/visits", new { householdId = household.Id, notes = marker, demand = new { description = "没有类别" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("demand.category", (await refused.ErrorsAsync()).Keys);
        Assert.Equal(0, (await officer.PageAsync<VisitDto>($"/api/visits?q={Uri.EscapeDataString(marker)}")).Total);
    }

    [Fact]
    public async Task AVisitWithoutNotesIsRefusedWithTheFieldNamed()
    {
        var (_, campaign, household) = await CampaignAsync("必填测试", "220104001004");
        var officer = await app.ClientAsync("demo.officer", "zh-CN");
        var response = await officer.PostAsJsonAsync("/api/visits", new { householdId = household.Id, campaignId = campaign.Id, notes = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("此项为必填项。", Assert.Single((await response.ErrorsAsync())["notes"]));
        Assert.Equal(0, (await officer.GetJsonAsync<CoverageDto>($"/api/campaigns/{campaign.Id}/coverage")).Visited);

        var nobody = await officer.PostAsJsonAsync("/api/visits", new { notes = "忘了选住户" });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("householdId", (await nobody.ErrorsAsync()).Keys);
    }

    [Fact]
    public async Task AnotherStationsOfficerFindsNeitherTheVisitNorTheCampaign()
    {
        var (officer, campaign, household) = await CampaignAsync("辖区测试", "220104001001");
        var visit = await ReadAsync<VisitDto>(await officer.PostAsJsonAsync("/api/visits",
            new { householdId = household.Id, notes = "走访记录只在本辖区可见。" }), HttpStatusCode.Created);

        var other = await app.ClientAsync("demo.officer2");
        var responses = new[]
        {
            await other.GetAsync($"/api/visits/{visit.Id}"),
            await other.PostAsJsonAsync($"/api/visits/{visit.Id}/produced", new { version = visit.Version }),
            await other.GetAsync($"/api/campaigns/{campaign.Id}"),
            await other.GetAsync($"/api/campaigns/{campaign.Id}/coverage"),
            await other.GetAsync($"/api/campaigns/{campaign.Id}/not-visited"),
            await other.GetAsync($"/visits/{visit.Id}"),
            await other.GetAsync($"/campaigns/{campaign.Id}"),
            await other.GetAsync($"/visits/new?household={household.Id}"),
        };
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain((await other.PageAsync<CampaignListItem>("/api/campaigns?pageSize=200")).Items, c => c.Id == campaign.Id);

        var logged = await other.PostAsJsonAsync("/api/visits", new { householdId = household.Id, notes = "越界走访" });
        Assert.Equal(HttpStatusCode.BadRequest, logged.StatusCode);
        Assert.Contains("householdId", (await logged.ErrorsAsync()).Keys);

        // Nor may a campaign reach outside the area that runs it.
        var outside = await officer.PostAsJsonAsync("/api/campaigns", new
        {
            name = "越界活动", startsOn = Today, endsOn = Today.AddDays(10), areaCode = ChongqingRoad, areaCodes = new[] { XianSquare + "001" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("areaCodes", (await outside.ErrorsAsync()).Keys);
    }

    [Fact]
    public async Task TheNotepadFindsAVisitByAWordInItsNotesAndOnlyWithinScope()
    {
        var (officer, _, household) = await CampaignAsync("民情日志测试", "220104001001");
        var word = "鸽子盘" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var visit = await ReadAsync<VisitDto>(await officer.PostAsJsonAsync("/api/visits",
            new { householdId = household.Id, notes = $"住户反映楼上阳台外挂{word}，有坠落隐患，已劝说拆除。" }), HttpStatusCode.Created);
        var q = Uri.EscapeDataString(word);

        Assert.Equal(visit.Id, Assert.Single((await officer.PageAsync<VisitDto>($"/api/visits?area={ChongqingRoad}&q={q}")).Items).Id);
        Assert.Equal(visit.Id, Assert.Single((await officer.PageAsync<VisitDto>($"/api/visits?area={household.AreaCode}&q={q}")).Items).Id);
        Assert.Equal(0, (await officer.PageAsync<VisitDto>($"/api/visits?area={XianSquare}&q={q}")).Total);
        Assert.Equal(0, (await officer.PageAsync<VisitDto>($"/api/visits?q={q}x")).Total);
        var director = await app.ClientAsync("demo.director");
        Assert.Equal(1, (await director.PageAsync<VisitDto>($"/api/visits?q={q}")).Total);

        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(0, (await other.PageAsync<VisitDto>($"/api/visits?q={q}")).Total);
        Assert.Equal(0, (await other.PageAsync<VisitDto>($"/api/visits?area={ChongqingRoad}&q={q}")).Total);

        var newest = await officer.PageAsync<VisitDto>($"/api/visits?area={ChongqingRoad}&pageSize=50");
        Assert.Equal(newest.Items.OrderByDescending(v => v.VisitedAt).Select(v => v.Id), newest.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task TheProvincesHundredDayCampaignIsSeenByEachStationForItsOwnHouseholds()
    {
        var officer = await app.ClientAsync("demo.officer");
        var listed = Assert.Single((await officer.PageAsync<CampaignListItem>($"/api/campaigns?q={Uri.EscapeDataString(VisitsDemo.HundredDaysName)}")).Items);
        Assert.True(listed.Visited > 0 && listed.Visited < listed.Targets, $"{listed.Visited} of {listed.Targets}");

        var ours = await officer.GetJsonAsync<CoverageDto>($"/api/campaigns/{listed.Id}/coverage");
        Assert.All(ours.Grids, g => Assert.StartsWith(ChongqingRoad, g.Code, StringComparison.Ordinal));
        Assert.Contains(ours.Officers, o => o.NameZh == "吴辉" && o.Visited > 0);
        var weidong = await app.ClientAsync("demo.weidong");
        var theirs = await weidong.GetJsonAsync<CoverageDto>($"/api/campaigns/{listed.Id}/coverage");
        Assert.All(theirs.Grids, g => Assert.StartsWith(Jilu, g.Code, StringComparison.Ordinal));
        var admin = await app.ClientAsync("demo.admin");
        var whole = await admin.GetJsonAsync<CoverageDto>($"/api/campaigns/{listed.Id}/coverage");
        Assert.Equal((ours.Targets + theirs.Targets, ours.Visited + theirs.Visited), (whole.Targets, whole.Visited));

        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/campaigns/{listed.Id}")).StatusCode);
    }
}

public sealed class SqliteVisitTests(SqliteApp app) : VisitTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresVisitTests(PostgresApp app) : VisitTests(app), IClassFixture<PostgresApp>;
