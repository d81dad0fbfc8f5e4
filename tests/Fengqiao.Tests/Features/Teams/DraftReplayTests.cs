using Fengqiao.Features.Dangers;
using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Teams;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Fengqiao.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Teams;

/// <summary>
/// A phone that sends a draft again (its answer lost to a dropped signal) sends the same device-made ClientId:
/// a volunteer's tip and patrol and an officer's case registration and hidden danger are each stored once, on both databases,
/// also when the two sends arrive at the same moment.
/// </summary>
public abstract class DraftReplayTests(FengqiaoApp app)
{
    private static string Iso(DateTimeOffset t) => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        Assert.True(expected.Contains(response.StatusCode), $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Api.Json))!;
    }

    private Task<int> StoredAsync(Func<Fengqiao.Infrastructure.Data.AppDb, Task<int>> count) => SecurityDb.QueryAsync(app, count);

    [Fact]
    public async Task AVolunteersTipAndPatrolSentTwiceWithOneClientIdAreStoredOnce()
    {
        var volunteer = await app.ClientAsync("demo.volunteer");
        var team = (await volunteer.GetJsonAsync<List<VolunteerTeamDto>>("/api/portal/volunteer/teams")).First(t => t.Kind == TeamKind.VolunteerPatrol);
        var tipId = Guid.NewGuid();
        var tip = new { teamId = team.TeamId, text = "夜里有人在5号楼地下室搬运电池。", clientId = tipId };
        var first = await ReadAsync<VolunteerTipDto>(await volunteer.PostAsJsonAsync("/api/portal/volunteer/tips", tip), HttpStatusCode.Created);
        var again = await ReadAsync<VolunteerTipDto>(await volunteer.PostAsJsonAsync("/api/portal/volunteer/tips", tip), HttpStatusCode.Created);
        Assert.Equal((first.Id, first.Code), (again.Id, again.Code));
        Assert.Equal(1, await StoredAsync(db => db.Tips.IgnoreQueryFilters().CountAsync(t => t.ClientId == tipId)));

        var now = app.Services.GetRequiredService<LocalClock>().Now;
        var patrolId = Guid.NewGuid();
        var patrol = new { teamId = team.TeamId, startedAt = Iso(now.AddHours(-2)), endedAt = Iso(now.AddHours(-1)), route = "东门—5号楼", participants = 2, clientId = patrolId };
        var logged = await ReadAsync<PatrolDto>(await volunteer.PostAsJsonAsync("/api/portal/volunteer/patrols", patrol), HttpStatusCode.Created);
        var relogged = await ReadAsync<PatrolDto>(await volunteer.PostAsJsonAsync("/api/portal/volunteer/patrols", patrol), HttpStatusCode.Created);
        Assert.Equal(logged.Id, relogged.Id);
        Assert.Equal(1, await StoredAsync(db => db.PatrolLogs.IgnoreQueryFilters().CountAsync(p => p.ClientId == patrolId)));

        // Two sends of one draft at the same moment: the unique index keeps one, and both answers name it.
        var raced = Guid.NewGuid();
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            volunteer.PostAsJsonAsync("/api/portal/volunteer/tips", new { teamId = team.TeamId, text = "同一条线索发了两次。", clientId = raced })));
        var answers = await Task.WhenAll(both.Select(r => ReadAsync<VolunteerTipDto>(r, HttpStatusCode.Created)));
        Assert.Equal(answers[0].Id, answers[1].Id);
        Assert.Equal(1, await StoredAsync(db => db.Tips.IgnoreQueryFilters().CountAsync(t => t.ClientId == raced)));
    }

    [Fact]
    public async Task ACaseRegistrationSentTwiceWithOneClientIdIsRegisteredOnce()
    {
        var officer = await app.ClientAsync("demo.officer");
        var clientId = Guid.NewGuid();
        var mark = Guid.NewGuid().ToString("N")[..8];
        var body = new Dictionary<string, object?>
        {
            ["title"] = $"楼道堆放杂物 {mark}", ["summary"] = "住户在楼道堆放纸箱，邻居担心消防隐患。", ["source"] = "ResidentReport", ["category"] = "neighbour",
            ["risk"] = "Yellow", ["peopleInvolved"] = 2, ["areaCode"] = SecurityDb.ChongqingGrid,
            ["parties"] = new[] { new { role = "Applicant", name = $"邻居{mark}" } }, ["clientId"] = clientId,
        };
        var first = await ReadAsync<DisputeDetail>(await officer.PostAsJsonAsync("/api/disputes", body), HttpStatusCode.Created);
        var again = await ReadAsync<DisputeDetail>(await officer.PostAsJsonAsync("/api/disputes", body), HttpStatusCode.Created, HttpStatusCode.OK);
        Assert.Equal((first.Case.Id, first.Case.Code), (again.Case.Id, again.Case.Code));
        Assert.Equal(1, await StoredAsync(db => db.Disputes.IgnoreQueryFilters().CountAsync(d => d.ClientId == clientId)));
        Assert.Equal(1, await StoredAsync(db => db.Disputes.IgnoreQueryFilters().CountAsync(d => d.Title == $"楼道堆放杂物 {mark}")));
    }

    [Fact]
    public async Task ADangerDraftSentTwiceAtTheSameMomentIsRegisteredOnce()
    {
        var officer = await app.ClientAsync("demo.officer");
        var clientId = Guid.NewGuid();
        var today = app.Services.GetRequiredService<LocalClock>().Today;
        var body = new
        {
            kind = "Fire", description = "楼道内电动车充电。", areaCode = SecurityDb.ChongqingGrid, responsibleParty = "物业公司",
            rectifyBy = today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), clientId,
        };
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => officer.PostAsJsonAsync("/api/dangers", body)));
        var answers = await Task.WhenAll(both.Select(r => ReadAsync<Fengqiao.Features.Dangers.DangerDto>(r, HttpStatusCode.Created)));
        Assert.Equal(answers[0].Id, answers[1].Id);
        Assert.Equal(1, await StoredAsync(db => db.Dangers.IgnoreQueryFilters().CountAsync(d => d.ClientId == clientId)));
    }
}

public sealed class SqliteDraftReplayTests(SqliteApp app) : DraftReplayTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDraftReplayTests(PostgresApp app) : DraftReplayTests(app), IClassFixture<PostgresApp>;
