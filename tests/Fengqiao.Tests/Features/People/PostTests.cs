using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.People;

public abstract class PostTests(FengqiaoApp app)
{
    [Fact]
    public async Task WeiDongIsCommunityPoliceAndDeputyDirectorOfFubeiCommunityAtOnce()
    {
        var admin = await app.ClientAsync("demo.admin");
        var weiDong = await DemoFacts.PersonAsync(admin, "魏东");
        var posts = (await admin.GetJsonAsync<PersonDetailDto>($"/api/people/{weiDong.Id}")).Posts.Where(p => p.EndDate is null).ToList();

        Assert.Contains(posts, p => p.Role == PostRole.CommunityPolice && p.UnitKind == UnitKind.PoliceStation);
        Assert.Contains(posts, p => p.Role == PostRole.CommitteeDeputyDirector && p.UnitKind == UnitKind.CommunityCommittee && p.UnitNameZh.Contains("阜北", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectorAddsAndEndsAPostInTheirStation()
    {
        var director = await app.ClientAsync("demo.director");
        var wuHui = await DemoFacts.PersonAsync(director, "吴辉");
        var held = (await director.GetJsonAsync<PersonDetailDto>($"/api/people/{wuHui.Id}")).Posts.Select(p => p.UnitId).ToHashSet();
        var committee = (await director.PageAsync<UnitDto>("/api/units?kind=CommunityCommittee")).Items.First(u => !held.Contains(u.Id));

        var created = await director.PostAsJsonAsync($"/api/people/{wuHui.Id}/posts",
            new { unitId = committee.Id, role = "CommitteeMember", title = "社区“两委”委员", startDate = "2024-03-01" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var post = (await created.Content.ReadFromJsonAsync<PostDto>(Api.Json))!;

        var ended = await director.PostAsJsonAsync($"/api/posts/{post.Id}/end", new { endDate = "2024-12-31", version = post.Version });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var detail = await director.GetJsonAsync<PersonDetailDto>($"/api/people/{wuHui.Id}");
        Assert.Contains(detail.Posts, p => p.Id == post.Id && p.EndDate == new DateOnly(2024, 12, 31));
    }

    [Fact]
    public async Task OverlappingPostDatesAreRefusedAndNothingIsAdded()
    {
        var director = await app.ClientAsync("demo.director");
        var wuHui = await DemoFacts.PersonAsync(director, "吴辉");
        var before = await director.GetJsonAsync<PersonDetailDto>($"/api/people/{wuHui.Id}");
        var current = before.Posts.First(p => p.Role == PostRole.CommunityPolice && p.EndDate is null);

        var response = await director.PostAsJsonAsync($"/api/people/{wuHui.Id}/posts",
            new { unitId = current.UnitId, role = "CommunityPolice", startDate = "2024-06-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("startDate", (await response.ErrorsAsync()).Keys);
        var after = await director.GetJsonAsync<PersonDetailDto>($"/api/people/{wuHui.Id}");
        Assert.Equal(before.Posts.Count, after.Posts.Count);
    }

    [Fact]
    public async Task ARoleMustFitTheUnitAndDatesMustRunForward()
    {
        var director = await app.ClientAsync("demo.director", "zh-CN");
        var wuHui = await DemoFacts.PersonAsync(director, "吴辉");
        var committee = (await director.PageAsync<UnitDto>("/api/units?kind=CommunityCommittee")).Items.First();

        var response = await director.PostAsJsonAsync($"/api/people/{wuHui.Id}/posts",
            new { unitId = committee.Id, role = "StationDirector", startDate = "2024-06-01", endDate = "2024-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ErrorsAsync();
        Assert.Contains("role", errors.Keys);
        Assert.Equal("结束日期不能早于开始日期。", Assert.Single(errors["endDate"]));
    }

    [Fact]
    public async Task AStaleVersionGetsConflictWithTheCurrentState()
    {
        var director = await app.ClientAsync("demo.director");
        var wuHui = await DemoFacts.PersonAsync(director, "吴辉");
        var input = new { nameZh = wuHui.NameZh, nameEn = wuHui.NameEn, kind = "PoliceOfficer", badgeNumber = wuHui.BadgeNumber,
            serviceSinceYear = 1992, homeUnitId = wuHui.HomeUnitId, version = wuHui.Version };

        var first = await director.PutAsJsonAsync($"/api/people/{wuHui.Id}", input);
        var second = await director.PutAsJsonAsync($"/api/people/{wuHui.Id}", input with { });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var current = (await second.ProblemAsync()).GetProperty("current");
        Assert.Equal(wuHui.Version + 1, current.GetProperty("version").GetInt64());
    }
}

public sealed class SqlitePostTests(SqliteApp app) : PostTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPostTests(PostgresApp app) : PostTests(app), IClassFixture<PostgresApp>;
