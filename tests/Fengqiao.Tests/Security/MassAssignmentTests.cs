using Fengqiao.Features.Units;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.Open311;
using Fengqiao.Features.People;
using Fengqiao.Features.Teams;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Tests.Security;

/// <summary>
/// A body may carry any field, but only the ones a form offers are read: the area, station, code, state, id, version and
/// roles of what is stored come from the rules, never from what the client sent.
/// </summary>
public abstract class MassAssignmentTests(FengqiaoApp app)
{
    /// <summary>Fields no client may set, sent along with every body here; fakeId is beyond any id the table could hand out next.</summary>
    private async Task<Dictionary<string, object?>> SmuggledAsync(long fakeId) => new()
    {
        ["areaPath"] = "/22/",
        ["stationUnitId"] = await SecurityDb.StationForAsync(app, SweepTargets.Xian),
        ["id"] = fakeId,
        ["version"] = 999,
        ["role"] = Roles.Administrator,
        ["roles"] = new[] { Roles.Administrator },
        ["createdBy"] = "x",
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, Dictionary<string, object?> extra)
    {
        foreach (var (key, value) in extra)
        {
            body.TryAdd(key, value);
        }
        return body;
    }

    private static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Api.Json))!;
    }

    private Task<T> StoredAsync<T>(Func<AppDb, Task<T>> read) => SecurityDb.QueryAsync(app, read);

    [Fact]
    public async Task ACaseTakesItsAreaStationCodeAndStateFromTheRules()
    {
        var officer = await app.ClientAsync("demo.officer");
        var fakeId = (await StoredAsync(db => db.Disputes.IgnoreQueryFilters().MaxAsync(d => (int?)d.Id)) ?? 0) + 1000;
        var body = With(new()
        {
            ["title"] = "楼道堆放杂物引发争吵", ["summary"] = "住户在楼道堆放纸箱，邻居担心消防隐患，双方争吵。", ["source"] = "ResidentReport",
            ["category"] = "neighbour", ["risk"] = "Yellow", ["peopleInvolved"] = 2, ["areaCode"] = SecurityDb.ChongqingGrid,
            ["parties"] = new[] { new { role = "Applicant", name = "邻居甲" }, new { role = "Respondent", name = "住户乙" } },
            ["code"] = "HACK-0001", ["status"] = "Closed", ["registeredOn"] = "2000-01-01", ["dueDate"] = "2099-01-01", ["searchText"] = "x",
        }, await SmuggledAsync(fakeId));

        var id = (await CreatedAsync<DisputeDetail>(await officer.PostAsJsonAsync("/api/disputes", body))).Case.Id;

        var stored = await StoredAsync(db => db.Disputes.IgnoreQueryFilters().AsNoTracking().FirstAsync(d => d.Id == id));
        Assert.NotEqual(fakeId, id);
        Assert.Equal(await SecurityDb.PathOfAsync(app, SecurityDb.ChongqingGrid), stored.AreaPath);
        Assert.Equal(await SecurityDb.StationForAsync(app, SecurityDb.ChongqingGrid), stored.StationUnitId);
        Assert.Equal((DisputeStatus.Registered, 1L), (stored.Status, stored.Version));
        Assert.StartsWith(SweepTargets.Chongqing + "-", stored.Code, StringComparison.Ordinal);
        Assert.NotEqual(new DateOnly(2000, 1, 1), stored.RegisteredOn);
        Assert.NotEqual(new DateOnly(2099, 1, 1), stored.DueDate);
    }

    [Fact]
    public async Task AHouseholdAndItsMembersBelongToTheirGridWhateverTheBodySays()
    {
        var officer = await app.ClientAsync("demo.officer");
        var xian = await SecurityDb.PathOfAsync(app, SweepTargets.Xian);
        var foreignHousehold = await StoredAsync(db => db.Households.IgnoreQueryFilters().Where(h => h.AreaPath.StartsWith(xian)).Select(h => (int?)h.Id).FirstOrDefaultAsync());
        var fakeId = (await StoredAsync(db => db.Households.IgnoreQueryFilters().MaxAsync(h => (int?)h.Id)) ?? 0) + 1000;
        var idNumber = SecurityDb.NewIdNumber();
        var member = With(new() { ["name"] = "赵秀英", ["idNumber"] = idNumber, ["relation"] = "Head" }, new()
        {
            ["areaPath"] = xian, ["householdId"] = foreignHousehold ?? 1, ["idHash"] = "x", ["idMasked"] = "x", ["idCipher"] = "x", ["version"] = 999,
        });
        var body = With(new()
        {
            ["address"] = "重庆路88号 测试小区2栋1单元301", ["areaCode"] = SecurityDb.ChongqingGrid, ["members"] = new[] { member },
            ["code"] = "HACK-0001", ["memberCount"] = 99, ["createdAt"] = "2000-01-01T00:00:00Z",
        }, await SmuggledAsync(fakeId));

        var created = await CreatedAsync<HouseholdDto>(await officer.PostAsJsonAsync("/api/households", body));

        var id = created.Household.Id;
        var household = await StoredAsync(db => db.Households.IgnoreQueryFilters().AsNoTracking().FirstAsync(h => h.Id == id));
        var resident = await StoredAsync(db => db.Residents.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.HouseholdId == id));
        var grid = await SecurityDb.PathOfAsync(app, SecurityDb.ChongqingGrid);
        Assert.NotEqual(fakeId, id);
        Assert.Equal((grid, 1, 1L), (household.AreaPath, household.MemberCount, household.Version));
        Assert.StartsWith(SecurityDb.ChongqingGrid + "-", household.Code, StringComparison.Ordinal);
        Assert.Equal((grid, id, 1L), (resident.AreaPath, resident.HouseholdId, resident.Version));
        Assert.Equal(idNumber[..6] + "********" + idNumber[^4..], resident.IdMasked);
        Assert.NotEqual("x", resident.IdHash);
    }

    [Fact]
    public async Task AnOpen311ReportIsLocatedAndRoutedByItsPointNotByExtraFormFields()
    {
        var officer = await app.ClientAsync("demo.officer");
        var grid = (await officer.GetJsonAsync<AreaDetailDto>($"/api/areas/{SecurityDb.ChongqingGrid}")).Area;
        var foreignStation = (await SecurityDb.StationForAsync(app, SweepTargets.Xian)).ToString(CultureInfo.InvariantCulture);
        string F(double? d) => d!.Value.ToString(CultureInfo.InvariantCulture);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "danger-fallingobject", ["description"] = "六楼窗台花盆摇摇欲坠",
            ["lat"] = F(grid.Lat), ["long"] = F(grid.Lng),
            ["area_path"] = "/22/", ["areaPath"] = "/22/", ["station_unit_id"] = foreignStation, ["stationUnitId"] = foreignStation,
            ["agency_responsible"] = "西安广场派出所", ["status"] = "closed", ["service_request_id"] = "HACK-0001", ["user_id"] = "x",
            ["api_key_name"] = "x", ["requested_datetime"] = "2000-01-01T00:00:00Z", ["id"] = "12345", ["version"] = "999",
        });

        var response = await (await app.ClientAsync(null)).PostAsync("/open311/v2/requests.json", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.NotEqual("HACK-0001", code);
        var stored = await StoredAsync(db => db.ResidentRequests.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Code == code));
        Assert.Equal(await SecurityDb.PathOfAsync(app, SecurityDb.ChongqingGrid), stored.AreaPath);
        Assert.Equal(await SecurityDb.StationForAsync(app, SecurityDb.ChongqingGrid), stored.StationUnitId);
        Assert.Equal((RequestStatus.Submitted, 1L, (string?)FengqiaoApp.Open311Key, (string?)null), (stored.Status, stored.Version, stored.ApiKeyName, stored.UserId));
        Assert.True(stored.RequestedAt > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task ATeamsStationIsTheOneThatAnswersForItsArea()
    {
        var officer = await app.ClientAsync("demo.officer");
        var body = With(new() { ["name"] = "幸福小区夜巡队", ["kind"] = "VolunteerPatrol", ["areaCode"] = SecurityDb.ChongqingCommunity },
            await SmuggledAsync((await StoredAsync(db => db.Teams.IgnoreQueryFilters().MaxAsync(t => (int?)t.Id)) ?? 0) + 1000));

        var id = (await CreatedAsync<TeamDetailDto>(await officer.PostAsJsonAsync("/api/teams", body))).Team.Id;

        var stored = await StoredAsync(db => db.Teams.IgnoreQueryFilters().AsNoTracking().FirstAsync(t => t.Id == id));
        Assert.Equal(await SecurityDb.StationForAsync(app, SecurityDb.ChongqingCommunity), stored.StationUnitId);
        Assert.Equal(await SecurityDb.PathOfAsync(app, SecurityDb.ChongqingCommunity), stored.AreaPath);
        Assert.Equal(1L, stored.Version);
    }

    [Fact]
    public async Task EditingAPersonOrAPostChangesOnlyWhatTheFormOffers()
    {
        var director = await app.ClientAsync("demo.director");
        var wu = await DemoFacts.PersonAsync(director, "吴辉");
        var other = await StoredAsync(db => db.People.IgnoreQueryFilters().Where(p => p.NameZh == "张春民").Select(p => p.Id).FirstAsync());
        var smuggled = await SmuggledAsync(wu.Id + 100_000);
        smuggled.Remove("version"); // an edit sends the version it read; that one is the client's to send
        var postsBefore = await StoredAsync(db => db.Posts.IgnoreQueryFilters().CountAsync(p => p.PersonId == wu.Id));

        var person = await director.PutAsJsonAsync($"/api/people/{wu.Id}", With(new()
        {
            ["nameZh"] = wu.NameZh, ["nameEn"] = wu.NameEn, ["kind"] = wu.Kind, ["badgeNumber"] = wu.BadgeNumber,
            ["serviceSinceYear"] = wu.ServiceSinceYear, ["homeUnitId"] = wu.HomeUnitId, ["version"] = wu.Version,
            ["homeAreaPath"] = "/22/", ["posts"] = new[] { new { unitId = smuggled["stationUnitId"], role = "StationDirector", startDate = "2020-01-01" } },
        }, smuggled));
        Assert.True(person.StatusCode == HttpStatusCode.OK, $"{(int)person.StatusCode}: {await person.Content.ReadAsStringAsync()}");

        var stored = await StoredAsync(db => db.People.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == wu.Id));
        var homePath = await StoredAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Id == wu.HomeUnitId).Select(u => u.AreaPath).FirstAsync());
        // Only the form's own fields were sent unchanged, so the stored person keeps its place (the version may or may not move).
        Assert.Equal(homePath, stored.HomeAreaPath);
        Assert.Equal(postsBefore, await StoredAsync(db => db.Posts.IgnoreQueryFilters().CountAsync(p => p.PersonId == wu.Id)));
        Assert.Equal(new[] { Roles.Officer }, await RolesOfAsync("demo.officer"));

        var post = (await director.GetJsonAsync<PersonDetailDto>($"/api/people/{wu.Id}")).Posts.First(p => p.SecondmentId is null && p.EndDate is null);
        var edited = await director.PutAsJsonAsync($"/api/posts/{post.Id}", With(new()
        {
            ["unitId"] = post.UnitId, ["role"] = post.Role, ["title"] = post.Title, ["partTime"] = post.PartTime,
            ["startDate"] = post.StartDate, ["endDate"] = post.EndDate, ["version"] = post.Version,
            ["personId"] = other, ["secondmentId"] = 1,
        }, smuggled));
        Assert.True(edited.StatusCode == HttpStatusCode.OK, $"{(int)edited.StatusCode}: {await edited.Content.ReadAsStringAsync()}");

        var storedPost = await StoredAsync(db => db.Posts.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == post.Id));
        var unitPath = await StoredAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Id == post.UnitId).Select(u => u.AreaPath).FirstAsync());
        Assert.Equal((wu.Id, unitPath, (int?)null), (storedPost.PersonId, storedPost.AreaPath, storedPost.SecondmentId));
    }

    [Fact]
    public async Task ASignUpIsAResidentAndNothingMore()
    {
        var userName = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var password = "Maple-Bridge-" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture) + "-Jilin";
        var director = await StoredAsync(db => db.Users.Where(u => u.UserName == "demo.director").Select(u => u.PersonId).FirstAsync());
        var anonymous = await app.ClientAsync(null);

        var response = await anonymous.PostAsJsonAsync("/api/portal/register", new Dictionary<string, object?>
        {
            ["userName"] = userName, ["displayName"] = "李居民", ["password"] = password,
            ["role"] = Roles.Administrator, ["roles"] = new[] { Roles.Administrator, Roles.Auditor, Roles.SecurityOfficer }, ["personId"] = director,
            ["id"] = "chosen-by-the-client", ["emailConfirmed"] = true, ["phoneNumberConfirmed"] = true, ["twoFactorEnabled"] = false,
            ["lockoutEnabled"] = false, ["securityStamp"] = "x", ["passwordHash"] = "x", ["accessFailedCount"] = -100,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        var user = await StoredAsync(db => db.Users.AsNoTracking().FirstAsync(u => u.UserName == userName));
        Assert.Equal(((string?)"李居民", (int?)null, true, 0), (user.DisplayName, user.PersonId, user.LockoutEnabled, user.AccessFailedCount));
        Assert.NotEqual("chosen-by-the-client", user.Id);
        Assert.NotEqual("x", user.PasswordHash);
        Assert.Equal(new[] { Roles.Resident }, await RolesOfAsync(userName));

        // Signed in, the account is what its role says: no staff list, no audit log, no accounts.
        var resident = await app.ClientAsync(null);
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsJsonAsync("/api/account/login", new { userName, password })).StatusCode);
        foreach (var url in new[] { "/api/people", "/api/disputes", "/api/audit", "/api/users" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(url)).StatusCode);
        }
    }

    private Task<List<string>> RolesOfAsync(string userName) => StoredAsync(db =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.UserName == userName
         orderby r.Name
         select r.Name!).ToListAsync());
}

public sealed class SqliteMassAssignmentTests(SqliteApp app) : MassAssignmentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMassAssignmentTests(PostgresApp app) : MassAssignmentTests(app), IClassFixture<PostgresApp>;
