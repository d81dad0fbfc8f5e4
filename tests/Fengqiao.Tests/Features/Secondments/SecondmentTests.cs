using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    [Fact]
    public async Task TheReceivingStationAndTheMentorSeeTheSecondedOfficerButNotHisRecordAtTheOrgan()
    {
        var mentor = await app.ClientAsync("demo.officer2");
        var list = await mentor.PageAsync<SecondmentDto>($"/api/secondments?q={Uri.EscapeDataString("王明雪")}");
        var s = Assert.Single(list.Items);
        Assert.Equal((1, "张春民"), (list.Total, s.MentorNameZh));
        Assert.Equal(HttpStatusCode.OK, (await mentor.GetAsync($"/api/secondments/{s.Id}")).StatusCode);

        var person = await mentor.GetJsonAsync<PersonDetailDto>($"/api/people/{s.PersonId}");
        Assert.Equal(s.FromUnitNameZh, person.Person.HomeUnitNameZh); // the organ's name, as the secondment shows it
        var post = Assert.Single(person.Posts); // his post at the station; none of his posts at the organ
        Assert.Equal((PostRole.SecondedOfficer, s.ToUnitId), (post.Role, post.UnitId));
        Assert.Contains(s.PersonNameEn, await (await mentor.GetAsync("/secondments")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADirectorFindsAnOrgansOfficerByNameProposesAndTheSendingSideConfirms()
    {
        var admin = await app.ClientAsync("demo.admin");
        var (officer, organ) = await OrganOfficerAsync(admin);
        var director = await app.ClientAsync("demo.director", "zh-CN");
        var station = await DemoFacts.UnitAsync(director, "重庆路派出所");
        var mentor = await DemoFacts.PersonAsync(director, "吴辉");

        var form = await director.GetAsync($"/secondments/edit?find={Uri.EscapeDataString(officer.NameZh)}");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains($"{officer.NameZh} · {organ.NameZh}", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var raw = await director.GetStringAsync($"/api/secondments/candidates?q={Uri.EscapeDataString(officer.NameZh)}");
        var found = Assert.Single(JsonSerializer.Deserialize<List<CandidateDto>>(raw, Api.Json)!, c => c.Id == officer.Id);
        Assert.Equal(organ.NameZh, found.HomeUnitNameZh);
        Assert.DoesNotContain("badge", raw, StringComparison.OrdinalIgnoreCase); // a name and a home unit, nothing more
        Assert.Equal(HttpStatusCode.BadRequest, (await director.GetAsync("/api/secondments/candidates")).StatusCode);

        var created = await director.PostAsJsonAsync("/api/secondments", new
        {
            personId = officer.Id, fromUnitId = organ.Id, toUnitId = station.Id, mentorId = mentor.Id, startDate = "2032-01-01", endDate = "2032-12-31",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var proposed = (await created.Content.ReadFromJsonAsync<SecondmentDto>(Api.Json))!;
        Assert.Equal(("demo.director", (DateOnly?)null), (proposed.RequestedBy, proposed.ConfirmedOn));
        Assert.DoesNotContain((await admin.GetJsonAsync<PersonDetailDto>($"/api/people/{officer.Id}")).Posts, p => p.SecondmentId == proposed.Id);
        Assert.Contains((await director.PageAsync<SecondmentDto>("/api/secondments?confirmed=false")).Items, x => x.Id == proposed.Id);

        // The receiving side holds one key only; the organ's side (here the province) holds the other.
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsJsonAsync($"/api/secondments/{proposed.Id}/confirm", new { version = proposed.Version })).StatusCode);
        var province = await app.ClientAsync("demo.province");
        var confirmed = await province.PostAsJsonAsync($"/api/secondments/{proposed.Id}/confirm", new { version = proposed.Version });
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var s = (await confirmed.Content.ReadFromJsonAsync<SecondmentDto>(Api.Json))!;
        Assert.Equal("demo.province", s.ConfirmedBy);
        var post = Assert.Single((await director.GetJsonAsync<PersonDetailDto>($"/api/people/{officer.Id}")).Posts, p => p.SecondmentId == s.Id);
        Assert.Equal(station.Id, post.UnitId);
        Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsJsonAsync($"/api/secondments/{s.Id}/confirm", new { version = s.Version })).StatusCode);
    }

    [Fact]
    public async Task ADirectorCannotSendSomeoneToAStationOutsideHisStreet()
    {
        var admin = await app.ClientAsync("demo.admin");
        var (officer, organ) = await OrganOfficerAsync(admin);
        var farStation = await DemoFacts.UnitAsync(admin, "西安广场派出所");
        var farMentor = await DemoFacts.PersonAsync(admin, "张春民");
        var director = await app.ClientAsync("demo.director");

        var response = await director.PostAsJsonAsync("/api/secondments", new
        {
            personId = officer.Id, fromUnitId = organ.Id, toUnitId = farStation.Id, mentorId = farMentor.Id, startDate = "2033-01-01", endDate = "2033-12-31",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("toUnitId", (await response.ErrorsAsync()).Keys);
    }

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
