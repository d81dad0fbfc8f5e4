using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.People;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Units;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.Secondments;

public abstract class SecondmentTests(FengqiaoApp app)
{
    [Fact]
    public async Task WangMingxueIsSentDownToXianSquareWithZhangChunminAsMentor()
    {
        var admin = await app.ClientAsync("demo.admin");
        var list = await admin.PageAsync<SecondmentDto>($"/api/secondments?q={Uri.EscapeDataString("王明雪")}");
        var s = Assert.Single(list.Items);
        Assert.Equal(("西安广场派出所", "张春民"), (s.ToUnitNameZh, s.MentorNameZh));
    }

    [Fact]
    public async Task SendingAnOfficerDownGivesThemASeededPostAtTheStationUntilItEnds()
    {
        var admin = await app.ClientAsync("demo.admin");
        var (officer, organ) = await OrganOfficerAsync(admin);
        var station = await DemoFacts.UnitAsync(admin, "重庆路派出所");
        var mentor = await DemoFacts.PersonAsync(admin, "吴辉");

        var created = await admin.PostAsJsonAsync("/api/secondments", new
        {
            personId = officer.Id, fromUnitId = organ.Id, toUnitId = station.Id, mentorId = mentor.Id,
            startDate = "2030-01-01", endDate = "2030-12-31",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var s = (await created.Content.ReadFromJsonAsync<SecondmentDto>(Api.Json))!;
        var post = Assert.Single((await admin.GetJsonAsync<PersonDetailDto>($"/api/people/{officer.Id}")).Posts, p => p.SecondmentId == s.Id);
        Assert.Equal((station.Id, new DateOnly(2030, 12, 31)), (post.UnitId, post.EndDate!.Value));

        var ended = await admin.PostAsJsonAsync($"/api/secondments/{s.Id}/end", new { endedOn = "2030-06-30", version = s.Version });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        post = Assert.Single((await admin.GetJsonAsync<PersonDetailDto>($"/api/people/{officer.Id}")).Posts, p => p.SecondmentId == s.Id);
        Assert.Equal(new DateOnly(2030, 6, 30), post.EndDate);
    }

    [Fact]
    public async Task AMentorMustWorkAtTheStationAndAStationMustReceive()
    {
        var admin = await app.ClientAsync("demo.admin");
        var (officer, organ) = await OrganOfficerAsync(admin);
        var station = await DemoFacts.UnitAsync(admin, "重庆路派出所");
        var farMentor = await DemoFacts.PersonAsync(admin, "张春民"); // Xi'an Square, not Chongqing Road

        var response = await admin.PostAsJsonAsync("/api/secondments", new
        {
            personId = officer.Id, fromUnitId = organ.Id, toUnitId = station.Id, mentorId = farMentor.Id,
            startDate = "2031-01-01", endDate = "2031-12-31",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mentorId", (await response.ErrorsAsync()).Keys);

        response = await admin.PostAsJsonAsync("/api/secondments", new
        {
            personId = officer.Id, fromUnitId = organ.Id, toUnitId = organ.Id, mentorId = farMentor.Id,
            startDate = "2031-01-01", endDate = "2031-12-31",
        });
        Assert.Contains("toUnitId", (await response.ErrorsAsync()).Keys);
        Assert.Equal(0, (await admin.PageAsync<SecondmentDto>($"/api/secondments?q={Uri.EscapeDataString(officer.NameZh)}&active=false")).Items.Count(x => x.StartDate.Year == 2031));
    }

    /// <summary>An officer of the Changchun bureau who is not sent down anywhere yet.</summary>
    private static async Task<(PersonDto Officer, UnitDto Organ)> OrganOfficerAsync(HttpClient admin)
    {
        var organ = await DemoFacts.UnitAsync(admin, "长春市公安局");
        var people = await admin.PageAsync<PersonDto>($"/api/people?unit={organ.Id}&kind=PoliceOfficer&pageSize=200");
        var taken = (await admin.PageAsync<SecondmentDto>("/api/secondments?pageSize=200")).Items.Select(s => s.PersonId).ToHashSet();
        var officer = people.Items.First(p => p.HomeUnitId == organ.Id && !taken.Contains(p.Id));
        return (officer, organ);
    }
}

public sealed class SqliteSecondmentTests(SqliteApp app) : SecondmentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSecondmentTests(PostgresApp app) : SecondmentTests(app), IClassFixture<PostgresApp>;
