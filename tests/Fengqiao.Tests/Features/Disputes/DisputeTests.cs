using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Supervision;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Disputes;

/// <summary>The case lifecycle through the HTTP API, on both databases.</summary>
public abstract class DisputeTests(FengqiaoApp app)
{
    internal const string ChongqingGrid = "220104001001001";  // a grid in Chongqing Road Street (Wu Hui's station)
    private const string XianGrid = "220106001001001";       // a grid in Xi'an Square's street

    internal static object NewCase(string grid, string party, string title = "楼上鸽子盘坠落砸坏车辆", string risk = "Yellow", string? address = null) => new
    {
        title, summary = "住户养鸽的托盘从楼上掉落，砸到楼下居民的车。", source = "ResidentReport", category = "neighbour", risk,
        peopleInvolved = 2, address = address ?? "幸福小区3栋", areaCode = grid,
        parties = new[] { new { role = "Applicant", name = "李车主" }, new { role = "Respondent", name = party } },
    };

    private static async Task<DisputeDetail> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<DisputeDetail>(Api.Json))!;
    }

    private async Task<(HttpClient Officer, DisputeDetail Case)> RegisterAsync(string party, string risk = "Yellow")
    {
        var officer = await app.ClientAsync("demo.officer");
        var created = await ReadAsync(await officer.PostAsJsonAsync("/api/disputes", NewCase(ChongqingGrid, party, risk: risk)), HttpStatusCode.Created);
        return (officer, created);
    }

    [Fact]
    public async Task ARegisteredCaseHasACodeAStationAndItsFirstDeadline()
    {
        var (_, d) = await RegisterAsync("王养鸽");
        var today = app.Services.GetRequiredService<LocalClock>().Today;
        var calendar = app.Services.GetRequiredService<CalendarService>().Current;

        Assert.Matches($"^220104001-{today.Year}-\\d{{5}}$", d.Case.Code);
        Assert.Equal("重庆路派出所", d.Case.StationNameZh);
        Assert.Equal(DisputeStatus.Registered, d.Case.Status);
        Assert.Equal((DueKind.FirstSession, calendar.AddWorkingDays(today, 3)), (d.Case.DueKind!.Value, d.Case.DueDate!.Value));
        Assert.Equal(DisputeEventType.Registered, Assert.Single(d.Timeline).Type);
        Assert.Equal(2, d.Parties.Count);
    }

    [Fact]
    public async Task ACaseRunsFromRegistrationToClosedAndEveryStepIsOnTheTimeline()
    {
        var (officer, d) = await RegisterAsync("赵大爷");
        var me = await DemoFacts.PersonAsync(officer, "吴辉");
        var today = app.Services.GetRequiredService<LocalClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = d.Case.Id;

        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{id}/assign", new { officerId = me.Id, version = d.Case.Version }));
        Assert.Equal(DisputeStatus.Assigned, d.Case.Status);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{id}/sessions",
            new { heldAt = DateTimeOffset.UtcNow.AddHours(-2), place = "社区调解室", mediators = "吴辉、社区主任", outcome = "NoAgreement", version = d.Case.Version }));
        Assert.Equal((DisputeStatus.Mediating, DueKind.SecondSession), (d.Case.Status, d.Case.DueKind!.Value));
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{id}/sessions",
            new { heldAt = DateTimeOffset.UtcNow.AddHours(-1), place = "社区调解室", mediators = "吴辉", outcome = "Agreement", version = d.Case.Version }));
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{id}/resolve",
            new { terms = "赔偿修车费800元，拆除鸽子盘", signedBy = "李车主、赵大爷", signedOn = today, version = d.Case.Version }));
        Assert.Equal((DisputeStatus.Resolved, DueKind.FollowUp), (d.Case.Status, d.Case.DueKind!.Value));
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture).AddDays(30), Assert.Single(d.Agreements).JudicialConfirmationBy);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{id}/follow-ups",
            new { visitedOn = today, agreementKept = true, satisfaction = 5, version = d.Case.Version }));
        Assert.Equal(DisputeStatus.FollowedUp, d.Case.Status);
        Assert.Null(d.Case.DueDate);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{id}/close", new { version = d.Case.Version }));
        Assert.Equal(DisputeStatus.Closed, d.Case.Status);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{id}/reopen", new { reason = "鸽子盘又装回去了", version = d.Case.Version }));
        Assert.Equal(DisputeStatus.Mediating, d.Case.Status);

        Assert.Equal(
            [DisputeEventType.Registered, DisputeEventType.Assigned, DisputeEventType.SessionHeld, DisputeEventType.SessionHeld, DisputeEventType.Resolved,
             DisputeEventType.FollowedUp, DisputeEventType.Closed, DisputeEventType.Reopened],
            d.Timeline.Select(e => e.Type));
        Assert.All(d.Timeline, e => Assert.Equal("demo.officer", e.ActorName));
    }

    [Fact]
    public async Task IllegalTransitionsAreRefusedWithAClearErrorAndChangeNothing()
    {
        var (officer, d) = await RegisterAsync("钱某");
        var id = d.Case.Id;
        var attempts = new[]
        {
            await officer.PostAsJsonAsync($"/api/disputes/{id}/close", new { version = d.Case.Version }),
            await officer.PostAsJsonAsync($"/api/disputes/{id}/resolve", new { terms = "x", signedBy = "x", signedOn = "2026-01-01", version = d.Case.Version }),
            await officer.PostAsJsonAsync($"/api/disputes/{id}/resume", new { version = d.Case.Version }),
            await officer.PostAsJsonAsync($"/api/disputes/{id}/follow-ups", new { visitedOn = "2026-01-01", satisfaction = 3, version = d.Case.Version }),
            await officer.PostAsJsonAsync($"/api/disputes/{id}/referral-answer", new { answer = "x", resolved = true, version = d.Case.Version }),
            await officer.PostAsJsonAsync($"/api/disputes/{id}/reopen", new { reason = "x", version = d.Case.Version }),
        };
        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var problem = await attempts[0].ProblemAsync();
        Assert.Equal("A case that is Registered cannot be close.", problem.GetProperty("title").GetString());
        var after = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{id}");
        Assert.Equal((DisputeStatus.Registered, d.Case.Version, 1), (after.Case.Status, after.Case.Version, after.Timeline.Count));
    }

    [Fact]
    public async Task SuspendingStopsTheClockAndResumingRestartsIt()
    {
        var (officer, d) = await RegisterAsync("孙某");
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/refer",
            new { to = "PeoplesMediation", body = "重庆路街道人民调解委员会", version = d.Case.Version }));
        Assert.Equal((DisputeStatus.Referred, DueKind.ReferralConclusion), (d.Case.Status, d.Case.DueKind!.Value));
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/suspend", new { reason = "当事人住院", version = d.Case.Version }));
        Assert.Equal(DisputeStatus.Suspended, d.Case.Status);
        Assert.Null(d.Case.DueDate);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/resume", new { version = d.Case.Version }));
        Assert.Equal((DisputeStatus.Referred, DueKind.ReferralConclusion), (d.Case.Status, d.Case.DueKind!.Value));
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/referral-answer", new { answer = "调解成功", resolved = true, version = d.Case.Version }));
        Assert.Equal(DisputeStatus.Resolved, d.Case.Status);
    }

    [Fact]
    public async Task MissingFieldsAreNamedInTheCallersLanguage()
    {
        var officer = await app.ClientAsync("demo.officer", "zh-CN");
        var response = await officer.PostAsJsonAsync("/api/disputes", new { title = "", source = "Patrol", areaCode = ChongqingGrid });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ErrorsAsync();
        Assert.Equal("此项为必填项。", errors["title"][0]);
        Assert.Equal("请选择风险等级。", errors["risk"][0]);
        Assert.Contains("parties", errors.Keys);
        Assert.Contains("category", errors.Keys);

        var unreadable = await officer.PostAsJsonAsync("/api/disputes", new { title = "x", risk = "Purple" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("无法识别此值。", (await unreadable.ErrorsAsync())["risk"][0]);
    }

    [Fact]
    public async Task ARepeatIsFoundAndCanBeMergedOrLinked()
    {
        var (officer, first) = await RegisterAsync("周重复");
        var repeats = await officer.GetJsonAsync<List<RepeatCandidate>>($"/api/disputes/repeats?party={Uri.EscapeDataString("周重复")}");
        Assert.Contains(repeats, r => r.Id == first.Case.Id);

        var merged = await ReadAsync(await officer.PostAsJsonAsync("/api/disputes", new
        {
            title = "又来反映鸽子盘", summary = "邻居再次反映", source = "WalkIn", category = "neighbour", risk = "Yellow", peopleInvolved = 3,
            areaCode = ChongqingGrid, parties = new[] { new { role = "ThirdParty", name = "吴邻居" } }, mergeIntoId = first.Case.Id,
        }));
        Assert.Equal(first.Case.Id, merged.Case.Id);
        Assert.Contains(merged.Parties, p => p.Name == "吴邻居");
        Assert.Equal(DisputeEventType.Merged, merged.Timeline[^1].Type);

        var linked = await ReadAsync(await officer.PostAsJsonAsync("/api/disputes", new
        {
            title = "鸽子噪音", summary = "另一件事", source = "Patrol", category = "neighbour", risk = "Blue", peopleInvolved = 2,
            areaCode = ChongqingGrid, parties = new[] { new { role = "Respondent", name = "周重复" } }, linkToId = first.Case.Id,
        }), HttpStatusCode.Created);
        Assert.Equal(first.Case.Id, linked.LinkedToId);
    }

    [Fact]
    public async Task TheSecondOfTwoConcurrentEditsGetsAConflictThatSaysWhatChanged()
    {
        var (officer, d) = await RegisterAsync("郑某");
        var colleague = await app.ClientAsync("demo.director");
        var edit = new { title = d.Case.Title, summary = d.Summary, category = "property", risk = "Orange", peopleInvolved = 4, version = d.Case.Version };

        var first = await colleague.PutAsJsonAsync($"/api/disputes/{d.Case.Id}", edit);
        var second = await officer.PutAsJsonAsync($"/api/disputes/{d.Case.Id}", edit with { });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ProblemAsync();
        var missed = problem.GetProperty("missedChanges").Deserialize<List<EventDto>>(Api.Json)!;
        var change = Assert.Single(missed);
        Assert.Equal((DisputeEventType.Edited, "demo.director"), (change.Type, change.ActorName));
        Assert.Contains("risk", change.Note, StringComparison.Ordinal);
        Assert.Equal("Orange", problem.GetProperty("current").GetProperty("case").GetProperty("risk").GetString());
    }

    [Fact]
    public async Task AMuchEditedCaseCarriesItsLatestFiftyChangesAndTheWholeTimelineIsPaged()
    {
        var (officer, d) = await RegisterAsync("钱常改");
        var stale = d;
        for (var people = 3; people < 3 + 55; people++)
        {
            d = await ReadAsync(await officer.PutAsJsonAsync($"/api/disputes/{d.Case.Id}",
                new { title = d.Case.Title, summary = d.Summary, category = d.Case.Category, risk = "Yellow", peopleInvolved = people, version = d.Case.Version }));
        }

        Assert.Equal((56, DisputeQueries.RecentEvents), (d.TimelineTotal, d.Timeline.Count));
        Assert.Equal(DisputeEventType.Edited, d.Timeline[0].Type);
        Assert.Equal(d.Case.Version, d.Timeline[^1].CaseVersion);
        var first = await officer.PageAsync<EventDto>($"/api/disputes/{d.Case.Id}/timeline?pageSize=40");
        var second = await officer.PageAsync<EventDto>($"/api/disputes/{d.Case.Id}/timeline?pageSize=40&page=2");
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal((56, 56), (first.Total, all.Count));
        Assert.Equal(DisputeEventType.Registered, all[0].Type);
        Assert.Equal(all.Select(e => e.Id).Order(), all.Select(e => e.Id));
        Assert.Equal(d.Timeline.Select(e => e.Id), all.TakeLast(DisputeQueries.RecentEvents).Select(e => e.Id));

        var page = await officer.GetStringAsync($"/disputes/{d.Case.Id}");
        Assert.Contains("Showing the latest 50 of 56 changes.", page, StringComparison.Ordinal);
        var whole = await officer.GetStringAsync($"/disputes/{d.Case.Id}?timeline=all");
        Assert.DoesNotContain("id=\"timeline-more\"", whole, StringComparison.Ordinal);
        Assert.Contains("Registered", whole[whole.IndexOf("id=\"timeline\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // An editor 55 versions behind gets the latest 50 changes they missed, and how many there were.
        var conflict = await officer.PutAsJsonAsync($"/api/disputes/{d.Case.Id}",
            new { title = d.Case.Title, summary = d.Summary, category = d.Case.Category, risk = "Red", peopleInvolved = 2, version = stale.Case.Version });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await conflict.ProblemAsync();
        var missed = problem.GetProperty("missedChanges").Deserialize<List<EventDto>>(Api.Json)!;
        Assert.Equal(55, problem.GetProperty("missedTotal").GetInt32());
        Assert.Equal(d.Timeline.Select(e => e.Id), missed.Select(e => e.Id));

        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/disputes/{d.Case.Id}/timeline")).StatusCode);
    }

    [Fact]
    public async Task AnotherStationsCaseDoesNotExist()
    {
        var other = await app.ClientAsync("demo.officer2");
        var theirs = await ReadAsync(await other.PostAsJsonAsync("/api/disputes", NewCase(XianGrid, "西安某")), HttpStatusCode.Created);
        var officer = await app.ClientAsync("demo.officer");

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/disputes/{theirs.Case.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/disputes/{theirs.Case.Id}/assign", new { officerId = 1, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsJsonAsync($"/api/disputes/{theirs.Case.Id}", new { title = "x", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/disputes/{theirs.Case.Id}")).StatusCode);
        var search = await officer.PageAsync<DisputeListItem>($"/api/disputes?q={Uri.EscapeDataString("西安某")}");
        Assert.Equal(0, search.Total);
        // Nor can a case be registered in another station's grid.
        var misplaced = await officer.PostAsJsonAsync("/api/disputes", NewCase(XianGrid, "越界"));
        Assert.Contains("areaCode", (await misplaced.ErrorsAsync()).Keys);
    }

    [Fact]
    public async Task ChineseSearchFindsTitlesSummariesAndParties()
    {
        var (officer, d) = await RegisterAsync("冯鸽友");
        foreach (var term in new[] { "鸽子盘", "砸到楼下", "冯鸽友", d.Case.Code })
        {
            var found = await officer.PageAsync<DisputeListItem>($"/api/disputes?q={Uri.EscapeDataString(term)}&pageSize=200");
            Assert.Contains(found.Items, x => x.Id == d.Case.Id);
        }
    }

    [Fact]
    public async Task TheNumbersMatchTheWorklistsAndMoveWithTheCases()
    {
        var officer = await app.ClientAsync("demo.officer");
        var today = app.Services.GetRequiredService<LocalClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var period = $"area=220104001&from={today}&to={today}";
        var before = await officer.GetJsonAsync<DisputeStats>($"/api/disputes/stats?{period}");

        var (_, d) = await RegisterAsync("陈统计");
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/sessions",
            new { heldAt = DateTimeOffset.UtcNow.AddMinutes(-5), place = "警务室", mediators = "吴辉", outcome = "Agreement", version = d.Case.Version }));
        await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/resolve",
            new { terms = "和解", signedBy = "双方", signedOn = today, version = d.Case.Version }));

        var after = await officer.GetJsonAsync<DisputeStats>($"/api/disputes/stats?{period}");
        Assert.Equal((before.Registered + 1, before.Resolved + 1), (after.Registered, after.Resolved));
        var registeredList = await officer.PageAsync<DisputeListItem>($"/api/disputes?{period}&pageSize=1");
        var resolvedList = await officer.PageAsync<DisputeListItem>($"/api/disputes?area=220104001&resolvedFrom={today}&resolvedTo={today}&pageSize=1");
        Assert.Equal((after.Registered, after.Resolved), (registeredList.Total, resolvedList.Total));
        Assert.Equal(after.Registered, after.ByCategory.Sum(r => r.Registered));
    }

    [Fact]
    public async Task AHiddenDangerFromACaseClosesOnlyWhenVerified()
    {
        var (officer, d) = await RegisterAsync("鸽子盘户");
        var today = app.Services.GetRequiredService<LocalClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await officer.PostAsJsonAsync("/api/dangers", new
        {
            kind = "FallingObject", description = "阳台外挂鸽子盘，大风可能吹落伤人", responsibleParty = "鸽子盘户", rectifyBy = today, disputeId = d.Case.Id,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var danger = (await created.Content.ReadFromJsonAsync<DangerDto>(Api.Json))!;

        var early = await officer.PostAsJsonAsync($"/api/dangers/{danger.Id}/verify", new { version = danger.Version });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var rectified = await officer.PostAsJsonAsync($"/api/dangers/{danger.Id}/rectify",
            new { rectifiedOn = today, rectifiedBy = "吴辉、社区干部", note = "户主主动拆除", version = danger.Version });
        danger = (await rectified.Content.ReadFromJsonAsync<DangerDto>(Api.Json))!;
        var verified = await officer.PostAsJsonAsync($"/api/dangers/{danger.Id}/verify", new { version = danger.Version });
        Assert.Equal(DangerStatus.Verified, (await verified.Content.ReadFromJsonAsync<DangerDto>(Api.Json))!.Status);

        var caseNow = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}");
        Assert.Contains(caseNow.Dangers, x => x.Id == danger.Id && x.Status == DangerStatus.Verified);
        Assert.Contains(caseNow.Timeline, e => e.Type == DisputeEventType.DangerOpened);
    }

    [Fact]
    public async Task TwoNodesEscalateAnOverdueCaseUpTheTreeWithoutDoubleNotices()
    {
        var (officer, d) = await RegisterAsync("逾期某");
        var due = d.Case.DueDate!.Value;
        await using var second = app.SecondNode();
        var nodes = new[] { app.Services.GetRequiredService<Escalation>(), second.Services.GetRequiredService<Escalation>() };
        var calendar = app.Services.GetRequiredService<CalendarService>().Current;

        await Task.WhenAll(nodes.Select(n => n.RunOnceAsync(calendar.AddWorkingDays(due, 1))));
        var notices = (await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}")).Notices;
        Assert.Equal(Fengqiao.Features.Areas.AreaLevel.Township, Assert.Single(notices).Level);

        var farLater = due.AddDays(60);
        await Task.WhenAll(nodes.SelectMany(n => new[] { n.RunOnceAsync(farLater), n.RunOnceAsync(farLater) }));
        notices = (await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}")).Notices;
        Assert.Equal(
            [Fengqiao.Features.Areas.AreaLevel.Province, Fengqiao.Features.Areas.AreaLevel.City, Fengqiao.Features.Areas.AreaLevel.County, Fengqiao.Features.Areas.AreaLevel.Township],
            notices.Select(n => n.Level).Order());
        Assert.Contains(notices, n => n.AreaPath == "/22/2201/220104/");

        // The county sees it on its worklist; the province leader too.
        var leader = await app.ClientAsync("demo.province");
        var addressed = await leader.PageAsync<NoticeDto>("/api/supervision?addressedToMe=true&level=Province&pageSize=200");
        var toProvince = Assert.Single(addressed.Items, n => n.SubjectId == d.Case.Id);

        // Only the level it is addressed to acknowledges a notice; the case's own station reads it.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/supervision/{toProvince.Id}/acknowledge", null)).StatusCode);
        var acknowledged = await leader.PostAsync($"/api/supervision/{toProvince.Id}/acknowledge", null);
        Assert.NotNull((await acknowledged.Content.ReadFromJsonAsync<NoticeDto>(Api.Json))!.AcknowledgedAt);
    }

    [Fact]
    public async Task ACaseCanBeFoundNotResolvableAndClosedOrReferredAndAnsweredUnresolved()
    {
        var (officer, d) = await RegisterAsync("吴某甲");
        var me = await DemoFacts.PersonAsync(officer, "吴辉");
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/assign", new { officerId = me.Id, version = d.Case.Version }));
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/not-resolvable", new { reason = "一方拒绝调解，已告知诉讼途径", version = d.Case.Version }));
        Assert.Equal(DisputeStatus.NotResolvable, d.Case.Status);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/close", new { version = d.Case.Version }));
        Assert.Equal(DisputeStatus.Closed, d.Case.Status);

        var (_, e) = await RegisterAsync("吴某乙");
        e = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{e.Case.Id}/refer", new { to = "Court", body = "朝阳区人民法院", version = e.Case.Version }));
        e = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{e.Case.Id}/referral-answer", new { answer = "已立案审理", resolved = false, version = e.Case.Version }));
        Assert.Equal(DisputeStatus.NotResolvable, e.Case.Status);
        Assert.Equal([DisputeEventType.Registered, DisputeEventType.Referred, DisputeEventType.NotResolvable], e.Timeline.Select(x => x.Type));
    }

    [Fact]
    public async Task TheJudicialConfirmationIsRequestedWithinThirtyDaysOfTheAgreement()
    {
        var (officer, d) = await RegisterAsync("司法确认某");
        var today = app.Services.GetRequiredService<LocalClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/sessions",
            new { heldAt = DateTimeOffset.UtcNow.AddMinutes(-30), place = "调解室", mediators = "吴辉", outcome = "Agreement", version = d.Case.Version }));
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/resolve", new { terms = "分期还款", signedBy = "双方", signedOn = today, version = d.Case.Version }));
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/judicial-confirmation", new { version = d.Case.Version }));
        Assert.True(Assert.Single(d.Agreements).JudicialConfirmationRequested);
        Assert.Equal(DisputeEventType.JudicialConfirmationRequested, d.Timeline[^1].Type);
    }

    [Fact]
    public async Task TheWorklistsShowMyCasesMyStationsAndTheSupervisedOnes()
    {
        var (officer, mine) = await RegisterAsync("名单某", risk: "Red");
        var me = await DemoFacts.PersonAsync(officer, "吴辉");
        await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{mine.Case.Id}/assign", new { officerId = me.Id, version = mine.Case.Version }));

        foreach (var view in new[] { "Mine", "Station", "Supervised" })
        {
            var list = await officer.PageAsync<DisputeListItem>($"/api/disputes?view={view}&pageSize=50");
            Assert.True(list.Items.Any(x => x.Id == mine.Case.Id), $"{view} lacks the case");
        }
        var other = await app.ClientAsync("demo.officer2");
        var theirs = await other.PageAsync<DisputeListItem>("/api/disputes?view=Mine&pageSize=200");
        Assert.DoesNotContain(theirs.Items, x => x.Id == mine.Case.Id);
    }

    [Fact]
    public async Task ARedCaseIsReportedToTheCountyAtOnce()
    {
        var (_, d) = await RegisterAsync("红色某", risk: "Red");
        // Handled the same day — or the next working day when registered on a day off.
        var calendar = app.Services.GetRequiredService<CalendarService>().Current;
        Assert.Equal(calendar.AddWorkingDays(d.Case.RegisteredOn, 0), d.Case.DueDate);
        var notice = Assert.Single(d.Notices);
        Assert.Equal((Fengqiao.Features.Areas.AreaLevel.County, "/22/2201/220104/"), (notice.Level, notice.AreaPath));
    }
}

public sealed class SqliteDisputeTests(SqliteApp app) : DisputeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDisputeTests(PostgresApp app) : DisputeTests(app), IClassFixture<PostgresApp>;
