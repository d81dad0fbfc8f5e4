using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Teams;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Teams;

/// <summary>Teams, patrols, confidential tips, outreach and community meetings through the HTTP API, on both databases.</summary>
public abstract class TeamTests(FengqiaoApp app)
{
    private const string ChongqingStreet = "220104001";        // Wu Hui's station's street
    private const string ChongqingCommunity = "220104001001";  // its first community (Liu Xiaoyan's)
    private const string XianStreet = "220106001";             // Zhang Chunmin's station's street

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Api.Json))!;
    }

    private static string Iso(DateTimeOffset t) => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private DateTimeOffset Now => app.Services.GetRequiredService<LocalClock>().Now;

    /// <summary>The demo volunteer's team: the Chongqing Road Street volunteer patrol team, whose tips go to Wu Hui's station.</summary>
    private static async Task<VolunteerTeamDto> VolunteerTeamAsync(HttpClient volunteer)
    {
        var teams = await volunteer.GetJsonAsync<List<VolunteerTeamDto>>("/api/portal/volunteer/teams");
        return Assert.Single(teams, t => t.Kind == TeamKind.VolunteerPatrol && t.StationNameZh == "重庆路派出所");
    }

    [Fact]
    public async Task AVolunteersTipShowsItsTipsterToTheReceivingStationOnly()
    {
        var volunteer = await app.ClientAsync("demo.volunteer");
        var team = await VolunteerTeamAsync(volunteer);
        Assert.Equal((MemberRole.BuildingLeader, "王淑芬"), (team.Role, team.MemberName));

        var sent = await ReadAsync<VolunteerTipDto>(await volunteer.PostAsJsonAsync("/api/portal/volunteer/tips",
            new { teamId = team.TeamId, text = "6号楼地下室有人夜里搬运大量纸箱，疑似囤放来路不明的电动车电池。" }), HttpStatusCode.Created);
        Assert.StartsWith($"T{ChongqingStreet}-", sent.Code, StringComparison.Ordinal);
        Assert.Contains(await volunteer.GetJsonAsync<List<VolunteerTipDto>>("/api/portal/volunteer/tips"), t => t.Id == sent.Id && t.Status == TipStatus.New);

        // The receiving station — its officer and its director — sees who gave it, with the phone masked.
        foreach (var station in new[] { "demo.officer", "demo.director" })
        {
            var tip = await (await app.ClientAsync(station)).GetJsonAsync<TipDto>($"/api/tips/{sent.Id}");
            Assert.True(tip.TipsterVisible, station);
            Assert.Equal(("王淑芬", "139****0524", "重庆路派出所"), (tip.TipsterName, tip.TipsterPhoneMasked, tip.StationNameZh));
        }

        // The province sees that it exists, and nothing of who gave it — nor does the administrator.
        foreach (var above in new[] { "demo.province", "demo.admin" })
        {
            var client = await app.ClientAsync(above);
            var response = await client.GetAsync($"/api/tips/{sent.Id}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("王淑芬", body, StringComparison.Ordinal);
            Assert.DoesNotContain("0524", body, StringComparison.Ordinal);
            var tip = (await response.Content.ReadFromJsonAsync<TipDto>(Api.Json))!;
            Assert.False(tip.TipsterVisible, above);
            Assert.Null(tip.TipsterName);
            Assert.Null(tip.TipsterPhoneMasked);
            var listed = Assert.Single((await client.PageAsync<TipDto>($"/api/tips?q={sent.Code}")).Items);
            Assert.Null(listed.TipsterName);
        }

        // Another station does not see it at all.
        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/tips/{sent.Id}")).StatusCode);
        Assert.Empty((await other.PageAsync<TipDto>($"/api/tips?q={sent.Code}")).Items);
    }

    [Fact]
    public async Task OnlyTheReceivingStationWorksOnATipAndRevealsTheNumberWithAReason()
    {
        var volunteer = await app.ClientAsync("demo.volunteer");
        var team = await VolunteerTeamAsync(volunteer);
        var sent = await ReadAsync<VolunteerTipDto>(await volunteer.PostAsJsonAsync("/api/portal/volunteer/tips",
            new { teamId = team.TeamId, text = "有人在快递驿站门口收购银行卡。", phone = "13900001111" }), HttpStatusCode.Created);

        var province = await app.ClientAsync("demo.province");
        var tip = await province.GetJsonAsync<TipDto>($"/api/tips/{sent.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsJsonAsync($"/api/tips/{sent.Id}/acknowledge", new { version = tip.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsJsonAsync($"/api/tips/{sent.Id}/reveal-phone", new { reason = "督办" })).StatusCode);

        var officer = await app.ClientAsync("demo.officer");
        var acknowledged = await ReadAsync<TipDto>(await officer.PostAsJsonAsync($"/api/tips/{sent.Id}/acknowledge", new { version = tip.Version }), HttpStatusCode.OK);
        Assert.Equal((TipStatus.Acknowledged, "139****1111"), (acknowledged.Status, acknowledged.TipsterPhoneMasked));
        var stale = await officer.PostAsJsonAsync($"/api/tips/{sent.Id}/handle", new { note = "已核查", version = tip.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var noReason = await officer.PostAsJsonAsync($"/api/tips/{sent.Id}/reveal-phone", new { reason = "" });
        Assert.Contains("reason", (await noReason.ErrorsAsync()).Keys);
        var revealed = await ReadAsync<RevealedPhoneDto>(await officer.PostAsJsonAsync($"/api/tips/{sent.Id}/reveal-phone", new { reason = "回访核实线索" }), HttpStatusCode.OK);
        Assert.Equal("13900001111", revealed.Phone);

        var handled = await ReadAsync<TipDto>(await officer.PostAsJsonAsync($"/api/tips/{sent.Id}/handle", new { note = "已移交刑侦大队", version = acknowledged.Version }), HttpStatusCode.OK);
        Assert.Equal(TipStatus.Handled, handled.Status);
        Assert.Contains(await volunteer.GetJsonAsync<List<VolunteerTipDto>>("/api/portal/volunteer/tips"), t => t.Id == sent.Id && t.Status == TipStatus.Handled);
    }

    [Fact]
    public async Task APatrolEndsAfterItStartsNotInTheFutureAndWithinADay()
    {
        var officer = await app.ClientAsync("demo.officer");
        var team = Assert.Single((await officer.PageAsync<TeamDto>($"/api/teams?area={ChongqingStreet}&kind=VolunteerPatrol")).Items);
        var now = Now;

        async Task<Dictionary<string, string[]>> RefusedAsync(HttpClient client, string url, object body)
        {
            var response = await client.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ErrorsAsync();
        }

        var backwards = await RefusedAsync(officer, "/api/patrols", new
        {
            teamId = team.Id, startedAt = Iso(now.AddHours(-1)), endedAt = Iso(now.AddHours(-2)), route = "东门—3号楼—西门", participants = 3,
        });
        Assert.Equal(["The patrol must end after it starts."], backwards["endedAt"]);
        var future = await RefusedAsync(officer, "/api/patrols", new
        {
            teamId = team.Id, startedAt = Iso(now.AddHours(-1)), endedAt = Iso(now.AddHours(2)), route = "东门—3号楼—西门", participants = 3,
        });
        Assert.Equal(["A patrol cannot end in the future."], future["endedAt"]);
        var tooLong = await RefusedAsync(officer, "/api/patrols", new
        {
            teamId = team.Id, startedAt = Iso(now.AddHours(-30)), endedAt = Iso(now.AddHours(-1)), route = "", participants = 0,
        });
        Assert.Equal(["A patrol lasts at most 24 hours."], tooLong["endedAt"]);
        Assert.Contains("route", tooLong.Keys);
        Assert.Contains("participants", tooLong.Keys);

        var logged = await ReadAsync<PatrolDto>(await officer.PostAsJsonAsync("/api/patrols", new
        {
            teamId = team.Id, startedAt = Iso(now.AddHours(-2)), endedAt = Iso(now.AddMinutes(-30)), route = "东门—3号楼—西门",
            observations = "3号楼楼道堆放杂物，已提醒物业。", participants = 4,
        }), HttpStatusCode.Created);
        Assert.Equal((90, "吴辉"), (logged.Minutes, logged.LoggedByName));

        // The volunteer gets the same answers from the portal, and may log only for a team of their own.
        var volunteer = await app.ClientAsync("demo.volunteer");
        var mine = await VolunteerTeamAsync(volunteer);
        var wrong = await RefusedAsync(volunteer, "/api/portal/volunteer/patrols", new
        {
            teamId = mine.TeamId, startedAt = Iso(now.AddHours(-1)), endedAt = Iso(now.AddHours(-3)), route = "小区东门", participants = 2,
        });
        Assert.Contains("endedAt", wrong.Keys);
        var xianTeam = (await (await app.ClientAsync("demo.officer2")).PageAsync<TeamDto>($"/api/teams?area={XianStreet}")).Items[0];
        var notMine = await RefusedAsync(volunteer, "/api/portal/volunteer/patrols", new
        {
            teamId = xianTeam.Id, startedAt = Iso(now.AddHours(-2)), endedAt = Iso(now.AddHours(-1)), route = "小区东门", participants = 2,
        });
        Assert.Contains("teamId", notMine.Keys);
        var own = await ReadAsync<PatrolDto>(await volunteer.PostAsJsonAsync("/api/portal/volunteer/patrols", new
        {
            teamId = mine.TeamId, startedAt = Iso(now.AddHours(-2)), endedAt = Iso(now.AddHours(-1)), route = "小区东门—5号楼", participants = 2,
        }), HttpStatusCode.Created);
        Assert.Equal("王淑芬", own.LoggedByName);
        Assert.Contains((await officer.PageAsync<PatrolDto>($"/api/patrols?team={mine.TeamId}")).Items, p => p.Id == own.Id);
    }

    [Fact]
    public async Task AnotherStationsTeamMeetingAndOutreachAreNotFound()
    {
        var officer = await app.ClientAsync("demo.officer");
        var team = (await officer.PageAsync<TeamDto>($"/api/teams?area={ChongqingStreet}")).Items[0];
        var meeting = (await officer.PageAsync<MeetingDto>($"/api/meetings?area={ChongqingCommunity}")).Items[0];
        var outreach = await ReadAsync<OutreachDto>(await officer.PostAsJsonAsync("/api/outreach", new
        {
            kind = "AntiFraudTalk", title = "反诈宣传进楼栋", place = "3号楼单元门口", heldOn = app.Services.GetRequiredService<LocalClock>().Today.ToString("yyyy-MM-dd"),
            audience = 40, areaCode = ChongqingCommunity,
        }), HttpStatusCode.Created);

        var patrol = (await officer.PageAsync<PatrolDto>($"/api/patrols?area={ChongqingStreet}")).Items[0];

        var other = await app.ClientAsync("demo.officer2");
        Assert.Empty((await other.PageAsync<PatrolDto>($"/api/patrols?area={ChongqingStreet}")).Items);
        Assert.Empty((await other.PageAsync<TeamDto>($"/api/teams?area={ChongqingStreet}")).Items);
        foreach (var url in new[] { $"/api/teams/{team.Id}", $"/api/meetings/{meeting.Id}", $"/api/outreach/{outreach.Id}", $"/api/patrols/{patrol.Id}",
            $"/teams/{team.Id}", $"/meetings/{meeting.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/teams/{team.Id}/members", new { name = "外人", role = "Resident" })).StatusCode);
        var detail = await officer.GetJsonAsync<MeetingDetailDto>($"/api/meetings/{meeting.Id}");
        var task = detail.Tasks[0];
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/meetings/{meeting.Id}/tasks/{task.Id}/done", new { version = task.Version })).StatusCode);

        // Counts follow the same scope: Wu Hui's street has four communities, each with its community police team.
        var counts = await officer.GetJsonAsync<TeamCountsDto>("/api/teams/counts");
        Assert.Equal((4, 1), (counts.CommunityPolice, counts.VolunteerPatrol));
        var province = await (await app.ClientAsync("demo.province")).GetJsonAsync<TeamCountsDto>("/api/teams/counts");
        Assert.True(province.CommunityPolice > 200 && province.VolunteerPatrol >= 5, $"{province}");
    }

    [Fact]
    public async Task AMeetingsDecisionIsMarkedDoneOnceAndAStaleVersionIsAConflict()
    {
        var officer = await app.ClientAsync("demo.officer");
        var today = app.Services.GetRequiredService<LocalClock>().Today;
        var day = today.ToString("yyyy-MM-dd");

        var incomplete = await officer.PostAsJsonAsync("/api/meetings", new
        {
            areaCode = ChongqingCommunity, heldOn = day, policeAttendees = "吴辉（社区民警）", communityAttendees = "刘晓燕（网格员）", minutes = "通报本周警情。",
            tasks = new object[] { new { description = "清理楼道杂物", ownerName = "", dueOn = day } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("tasks[0].ownerName", (await incomplete.ErrorsAsync()).Keys);

        var meeting = await ReadAsync<MeetingDetailDto>(await officer.PostAsJsonAsync("/api/meetings", new
        {
            areaCode = ChongqingCommunity, heldOn = day, policeAttendees = "吴辉（社区民警）", communityAttendees = "刘晓燕（网格员）、居民代表王淑芬",
            minutes = "通报本周警情2起；研究3号楼楼道杂物清理。",
            tasks = new[]
            {
                new { description = "清理3号楼楼道杂物", ownerName = "刘晓燕", dueOn = today.AddDays(7).ToString("yyyy-MM-dd") },
                new { description = "走访独居老人", ownerName = "吴辉", dueOn = today.AddDays(3).ToString("yyyy-MM-dd") },
            },
        }), HttpStatusCode.Created);
        Assert.Equal((2, 2, 0), (meeting.Meeting.Tasks, meeting.Meeting.OpenTasks, meeting.Meeting.OverdueTasks));
        var task = meeting.Tasks.Single(t => t.OwnerName == "刘晓燕");

        // Two people read the same version; the first to save wins, the second hears of it.
        var url = $"/api/meetings/{meeting.Meeting.Id}/tasks/{task.Id}/done";
        var done = await ReadAsync<MeetingTaskDto>(await officer.PostAsJsonAsync(url, new { version = task.Version }), HttpStatusCode.OK);
        Assert.Equal(today, done.DoneOn);
        var director = await app.ClientAsync("demo.director");
        var stale = await director.PostAsJsonAsync(url, new { version = task.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var again = await director.PostAsJsonAsync(url, new { version = done.Version });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The demo's weekly meetings of that community have decisions left overdue.
        var meetings = await officer.PageAsync<MeetingDto>($"/api/meetings?area={ChongqingCommunity}&pageSize=50");
        Assert.True(meetings.Items.Count >= 8);
        Assert.Contains(meetings.Items, m => m.OverdueTasks > 0);
    }
}

public sealed class SqliteTeamTests(SqliteApp app) : TeamTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTeamTests(PostgresApp app) : TeamTests(app), IClassFixture<PostgresApp>;
