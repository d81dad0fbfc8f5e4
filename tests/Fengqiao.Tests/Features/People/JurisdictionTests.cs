using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.People;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.People;

/// <summary>
/// A station-A officer asking for a station-B record gets 404 on every verb: the record does
/// not exist for them. Chongqing Road (Changchun) against Xi'an Square (also Changchun).
/// </summary>
public abstract class JurisdictionTests(FengqiaoApp app)
{
    private const string OwnOfficer = "吴辉";       // Chongqing Road Police Station
    private const string OtherOfficer = "张春民";   // Xi'an Square Police Station

    [Fact]
    public async Task OfficerListsOwnStationsPeopleAndNotAnothers()
    {
        var officer = await app.ClientAsync("demo.officer");
        var people = await officer.PageAsync<PersonDto>("/api/people?pageSize=200");

        Assert.Contains(people.Items, p => p.NameZh == OwnOfficer);
        Assert.DoesNotContain(people.Items, p => p.NameZh == OtherOfficer);
        var search = await officer.PageAsync<PersonDto>($"/api/people?q={Uri.EscapeDataString(OtherOfficer)}");
        Assert.Equal(0, search.Total);
    }

    [Fact]
    public async Task EveryVerbOnAnotherStationsPersonIsNotFound()
    {
        var admin = await app.ClientAsync("demo.admin");
        var other = await DemoFacts.PersonAsync(admin, OtherOfficer);
        var otherPost = (await admin.GetJsonAsync<PersonDetailDto>($"/api/people/{other.Id}")).Posts.First();
        // A leader may write, so a 404 here is the scope speaking, not the role.
        var director = await app.ClientAsync("demo.director");

        var person = new { nameZh = "改名", nameEn = "Renamed", kind = "PoliceOfficer", homeUnitId = other.HomeUnitId, version = other.Version };
        var post = new { unitId = otherPost.UnitId, role = "PoliceOfficer", startDate = "2024-01-01", version = otherPost.Version };
        var responses = new[]
        {
            await director.GetAsync($"/api/people/{other.Id}"),
            await director.PutAsJsonAsync($"/api/people/{other.Id}", person),
            await director.DeleteAsync($"/api/people/{other.Id}"),
            await director.PostAsJsonAsync($"/api/people/{other.Id}/posts", post),
            await director.GetAsync($"/api/posts/{otherPost.Id}"),
            await director.PutAsJsonAsync($"/api/posts/{otherPost.Id}", post),
            await director.PostAsJsonAsync($"/api/posts/{otherPost.Id}/end", new { endDate = "2025-01-01", version = otherPost.Version }),
            await director.DeleteAsync($"/api/posts/{otherPost.Id}"),
            await director.GetAsync($"/api/units/{otherPost.UnitId}"),
            await director.GetAsync($"/people/{other.Id}"),
            await director.GetAsync($"/units/{otherPost.UnitId}"),
            await director.GetAsync($"/posts/edit/{otherPost.Id}"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var unchanged = await admin.GetJsonAsync<PersonDetailDto>($"/api/people/{other.Id}");
        Assert.Equal(other.NameZh, unchanged.Person.NameZh);
        Assert.Contains(unchanged.Posts, p => p.Id == otherPost.Id && p.EndDate == otherPost.EndDate);
    }

    [Fact]
    public async Task EveryVerbOnAnotherStationsSecondmentIsNotFound()
    {
        var admin = await app.ClientAsync("demo.admin");
        var wang = await DemoFacts.PersonAsync(admin, "王明雪"); // sent down to Xi'an Square
        var detail = await admin.GetJsonAsync<PersonDetailDto>($"/api/people/{wang.Id}");
        var secondmentId = Assert.Single(detail.Posts, p => p.Role == PostRole.SecondedOfficer).SecondmentId!.Value;
        var director = await app.ClientAsync("demo.director");

        var responses = new[]
        {
            await director.GetAsync($"/api/secondments/{secondmentId}"),
            await director.PutAsJsonAsync($"/api/secondments/{secondmentId}", new { personId = wang.Id, version = 1 }),
            await director.PostAsJsonAsync($"/api/secondments/{secondmentId}/end", new { endedOn = "2024-01-01", version = 1 }),
            await director.DeleteAsync($"/api/secondments/{secondmentId}"),
            await director.GetAsync($"/secondments/edit/{secondmentId}"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/secondments/{secondmentId}")).StatusCode);
    }

    [Fact]
    public async Task AreasOutsideTheScopeDoNotExist()
    {
        var officer = await app.ClientAsync("demo.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/areas/220104001")).StatusCode);   // own street
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/areas/2204")).StatusCode); // Liaoyuan
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/areas/2204")).StatusCode);
    }

    [Fact]
    public async Task ProvinceLeaderSeesEveryStation()
    {
        var leader = await app.ClientAsync("demo.province");
        var people = await leader.PageAsync<PersonDto>($"/api/people?q={Uri.EscapeDataString(OtherOfficer)}");
        Assert.Equal(1, people.Total);
        people = await leader.PageAsync<PersonDto>($"/api/people?q={Uri.EscapeDataString(OwnOfficer)}");
        Assert.Equal(1, people.Total);
    }

    [Fact]
    public async Task ListPagesPageThroughTheRecords()
    {
        var admin = await app.ClientAsync("demo.admin");
        var first = await admin.GetStringAsync("/people");
        var second = await admin.GetStringAsync("/people?page=2");
        Assert.Contains("Page 1 of", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of", second, StringComparison.Ordinal);
        Assert.Contains("Page 2 of", await admin.GetStringAsync("/disputes?page=2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousCallersGetNothing()
    {
        var anonymous = await app.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/people")).StatusCode);
        var page = await anonymous.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerCannotChangePostsEvenInTheirOwnStation()
    {
        var officer = await app.ClientAsync("demo.officer");
        var me = await DemoFacts.PersonAsync(officer, OwnOfficer);
        var response = await officer.PostAsJsonAsync($"/api/people/{me.Id}/posts", new { unitId = me.HomeUnitId, role = "PoliceOfficer", startDate = "2024-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class SqliteJurisdictionTests(SqliteApp app) : JurisdictionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresJurisdictionTests(PostgresApp app) : JurisdictionTests(app), IClassFixture<PostgresApp>;
