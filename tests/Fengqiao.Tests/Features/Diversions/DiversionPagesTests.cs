using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fengqiao.Features.Diversions;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.Diversions;

/// <summary>The station's worklist with its figures, and the administrators' catalogue with its validation.</summary>
public sealed partial class DiversionPagesTests(DiversionApp app) : IClassFixture<DiversionApp>
{
    [Fact]
    public async Task TheWorklistShowsTheFiguresAndEachFigureLinksToTheDiversionsBehindIt()
    {
        var number = "J" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Created, (await app.PostIncidentAsync(DiversionApp.Incident(number, "stray-dogs", summary: "小区内多只流浪犬追咬行人"))).StatusCode);
        var officer = await app.ClientAsync("demo.officer", "zh-CN");
        var page = await officer.GetStringAsync("/diversions");
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains("按期办结", page, StringComparison.Ordinal);
        var drill = WebUtility.HtmlDecode(InTimeLink().Match(page).Groups[1].Value);
        Assert.Contains("timing=InTime", drill, StringComparison.Ordinal);
        Assert.DoesNotContain(number, await officer.GetStringAsync(drill), StringComparison.Ordinal); // not answered yet
        Assert.Contains(number, await officer.GetStringAsync("/diversions?status=Diverted&sort=-received"), StringComparison.Ordinal);
        var row = Assert.Single((await officer.PageAsync<DiversionRow>($"/api/diversions?q={number}")).Items);
        Assert.Contains("街道办事处", row.DepartmentZh, StringComparison.Ordinal); // stray dogs go to the street office
        Assert.Contains("小区内多只流浪犬追咬行人", await officer.GetStringAsync($"/diversions/{row.Id}"), StringComparison.Ordinal);
        // Only a returned diversion can be sent elsewhere.
        var early = await officer.PostAsJsonAsync($"/api/diversions/{row.Id}/redivert", new { kindCode = "noise-business", version = row.Version });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
    }

    [Fact]
    public async Task AdministratorsKeepTheCatalogueWithFieldErrorsAndOfficersCannot()
    {
        var admin = await app.ClientAsync("demo.admin", "en");
        var list = await admin.GetStringAsync("/diversions/kinds");
        Assert.Contains("noise-business", list, StringComparison.Ordinal);
        Assert.Contains("c***@changchun.example.gov.cn", list, StringComparison.Ordinal); // masked contact
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("demo.officer")).PostAsJsonAsync("/api/diversions/kinds", new { code = "x" })).StatusCode);

        var bad = await admin.PostAsJsonAsync("/api/diversions/kinds", new { code = "Bad Code", nameZh = "", nameEn = "Heating", legalBasis = "x", timeLimitWorkingDays = 0, active = true });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.ErrorsAsync();
        Assert.Equal(["code", "nameZh", "timeLimitWorkingDays", "unitId"], errors.Keys.Order(StringComparer.Ordinal));

        var kinds = await admin.GetJsonAsync<List<KindRow>>("/api/diversions/kinds");
        var water = Assert.Single(kinds, k => k.Code == "water-leak");
        var added = await admin.PostAsJsonAsync("/api/diversions/kinds", new
        {
            code = "heating-outage", nameZh = "供暖中断", nameEn = "Heating outage", unitId = water.UnitId, legalBasis = "《吉林省城市供热条例》", timeLimitWorkingDays = 2, active = true,
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var kind = (await added.Content.ReadFromJsonAsync<KindRow>(Api.Json))!;
        var stale = await admin.PutAsJsonAsync($"/api/diversions/kinds/{kind.Id}", new
        {
            code = "heating-outage", nameZh = "供暖中断", nameEn = "Heating outage", unitId = water.UnitId, legalBasis = "x", timeLimitWorkingDays = 2, active = true, version = kind.Version + 5,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("heating-outage", await admin.GetStringAsync("/diversions/kinds"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/diversions/kinds/edit?id={kind.Id}")).StatusCode);
    }

    [GeneratedRegex("href=\"([^\"]*timing=InTime[^\"]*)\" class=\"figure-in-time\"")]
    private static partial Regex InTimeLink();
}
