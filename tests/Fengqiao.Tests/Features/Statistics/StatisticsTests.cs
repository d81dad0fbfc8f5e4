using System.Net;
using Fengqiao.Features.Statistics;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Statistics;

public abstract class StatisticsTests(FengqiaoApp app)
{
    private const string Year2025 = "from=2025-01-01&to=2025-12-31";

    private async Task<StatisticsFixture> FixtureAsync(string city)
    {
        await app.ClientAsync(null); // skips here when this database is not available outside CI
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var fixture = new StatisticsFixture(scope.ServiceProvider.GetRequiredService<AppDb>(), city);
        await fixture.BuildAsync();
        return fixture;
    }

    private static double? Value(AreaFiguresDto area, string key) => area.Figures.Single(f => f.Key == key).Value;

    private static double? Previous(AreaFiguresDto area, string key) => area.Figures.Single(f => f.Key == key).Previous;

    [Fact]
    public async Task EveryArticleFigureOfAnAreaIsCountedFromItsRecords()
    {
        var f = await FixtureAsync("2901");
        var leader = await app.ClientAsync("demo.province");
        var d = await leader.GetJsonAsync<DashboardDto>($"/api/statistics?area={f.City}&{Year2025}");
        var city = d.Area;

        Assert.Equal(57.1, Value(city, "community-police-share"));   // 4 of 7 station officers
        Assert.Equal(50.0, Previous(city, "community-police-share")); // 3 of 6 at the end of 2024
        Assert.Equal(58.3, Value(city, "station-police-share"));      // 7 of 12 county-level officers
        Assert.Equal(2, Value(city, "seconded-officers"));
        Assert.Equal(0, Previous(city, "seconded-officers"));
        Assert.Equal(20.0, Value(city, "seconded-share"));            // 2 of the bureau's 10
        Assert.Equal(1, Value(city, "comprehensive-windows"));
        Assert.Equal(3, Value(city, "services-handled"));
        Assert.Equal(1, Previous(city, "services-handled"));
        Assert.Equal(4, Value(city, "disputes-registered"));
        Assert.Equal(1, Previous(city, "disputes-registered"));
        Assert.Equal(3, Value(city, "disputes-resolved"));
        Assert.Equal(75.0, Value(city, "resolution-rate"));
        Assert.Equal(3, Value(city, "community-police-teams"));
    }

    [Fact]
    public async Task OperationalFiguresCountOverdueReviewsWaitsVisitsAndVolunteers()
    {
        var f = await FixtureAsync("2902");
        var leader = await app.ClientAsync("demo.province");
        var city = (await leader.GetJsonAsync<DashboardDto>($"/api/statistics?area={f.City}&{Year2025}")).Area;

        Assert.Equal(1, Value(city, "disputes-overdue"));
        Assert.Null(Previous(city, "disputes-overdue"));
        Assert.Equal(66.7, Value(city, "services-in-time"));
        Assert.Equal(66.7, Value(city, "good-reviews"));
        Assert.Equal(33.3, Value(city, "bad-reviews"));
        Assert.Equal(15.0, Value(city, "average-wait"));
        Assert.Equal(5, Value(city, "visits"));
        Assert.Equal(3, Value(city, "anti-fraud"));
        Assert.Equal(250.0, Value(city, "visit-coverage"));
        Assert.Equal(3, Value(city, "volunteers"));
        Assert.Equal(2, Value(city, "patrols"));
        Assert.Equal(7, Value(city, "patrol-participants"));
    }

    [Fact]
    public async Task ChildAreasCarryTheirOwnFiguresAndDrillDownToTheStation()
    {
        var f = await FixtureAsync("2903");
        var leader = await app.ClientAsync("demo.province");
        var county = await leader.GetJsonAsync<DashboardDto>($"/api/statistics?area={f.County}&{Year2025}");
        Assert.Equal(["22", f.City], county.Ancestors.Select(a => a.Code));
        var a = Assert.Single(county.Children, c => c.Code == f.TownshipA);
        var b = Assert.Single(county.Children, c => c.Code == f.TownshipB);
        Assert.Equal("station-a", a.Station);
        Assert.Equal((50.0, 66.7), (Value(a, "community-police-share"), Value(b, "community-police-share"))); // 2 of 4; 2 of 3
        Assert.Equal((2.0, 0.0), (Value(a, "seconded-officers"), Value(b, "seconded-officers")));
        Assert.Equal((4.0, 0.0), (Value(a, "disputes-registered"), Value(b, "disputes-registered")));
        Assert.Equal("/disputes?area=" + f.TownshipA + "&from=2025-01-01&to=2025-12-31", a.Figures.Single(x => x.Key == "disputes-registered").Records);

        // The province counts the fixture city on top of the demo: its children add up to it.
        var province = await leader.GetJsonAsync<DashboardDto>($"/api/statistics?area=22&{Year2025}");
        foreach (var key in new[] { "disputes-registered", "disputes-resolved", "services-handled", "visits", "community-police-teams" })
        {
            Assert.Equal(Value(province.Area, key), province.Children.Sum(c => Value(c, key)));
        }
    }

    [Fact]
    public async Task AStationSeesItsOwnAreaAndNothingAboveOrBeside()
    {
        var f = await FixtureAsync("2904");
        var director = await app.ClientAsync("demo.director");
        var own = await director.GetJsonAsync<DashboardDto>("/api/statistics");
        Assert.Equal("Township", own.Area.Level);
        Assert.Empty(own.Ancestors); // the city and province above are not the station's to see

        foreach (var area in new[] { "22", "2201", f.City, f.TownshipA })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/statistics?area={area}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/statistics/export.csv?area={area}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/statistics/trend?area={area}&figure=visits")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/statistics?area={area}")).StatusCode);
        }
        var resident = await app.ClientAsync("demo.volunteer");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/statistics")).StatusCode);
    }

    [Fact]
    public async Task TrendsSplitThePeriodAndBadPeriodsAreRefusedInTheCallersLanguage()
    {
        var f = await FixtureAsync("2905");
        var leader = await app.ClientAsync("demo.province");
        var months = await leader.GetJsonAsync<List<TrendPoint>>($"/api/statistics/trend?area={f.City}&figure=disputes-registered&{Year2025}&grain=month");
        Assert.Equal(12, months.Count);
        Assert.Equal([0, 1, 1, 1, 1, 0], months.Take(6).Select(p => p.Value));
        var stock = await leader.GetJsonAsync<List<TrendPoint>>($"/api/statistics/trend?area={f.City}&figure=seconded-officers&{Year2025}&grain=month");
        Assert.Equal([0, 2, 2], stock.Take(3).Select(p => p.Value));

        var zh = await app.ClientAsync("demo.province", "zh-CN");
        var bad = await zh.GetAsync("/api/statistics?from=2025-05-01&to=2025-04-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("结束", (await bad.ErrorsAsync())["to"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.GetAsync("/api/statistics/trend?figure=no-such-figure")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.GetAsync("/api/statistics/export.pdf")).StatusCode);
    }

    [Fact]
    public async Task ATrendWithoutAFigureIsAValidationProblemNamingFigureInTheCallersLanguage()
    {
        var zh = await app.ClientAsync("demo.province", "zh-CN");
        foreach (var url in new[] { "/api/statistics/trend", "/api/statistics/trend?figure=&grain=month" })
        {
            var response = await zh.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = await response.ErrorsAsync();
            Assert.Equal(["figure"], errors.Keys);
            Assert.Equal("请选择一项指标。", errors["figure"][0]);
        }
    }

    [Fact]
    public async Task TheTableExportsToExcelAndCsvWithTheSameNumbers()
    {
        var f = await FixtureAsync("2906");
        var leader = await app.ClientAsync("demo.province");
        var csv = await leader.GetAsync($"/api/statistics/export.csv?area={f.County}&{Year2025}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"statistics-{f.County}-20250101-20251231.csv", (csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName)?.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // the header, the county, its two townships
        Assert.Contains("Disputes investigated", lines[0]);

        var xlsx = await leader.GetAsync($"/api/statistics/export.xlsx?area={f.County}&{Year2025}");
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(f.County, rows[0]["Area code"]?.ToString());
        Assert.Equal(4.0, Convert.ToDouble(rows[0]["Disputes investigated"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Whole months are read from the monthly rows and the days around them from the daily ones: for any period, every
    /// count is what the daily rows alone add up to (flows within the period, stocks up to its end).
    /// </summary>
    [Theory]
    [InlineData("2026-02-10", "2026-11-20")] // part of a month, whole months, part of a month
    [InlineData("2025-12-15", "2026-01-14")] // across a year's end, no whole month
    [InlineData("2026-03-01", "2026-03-31")] // one whole month
    [InlineData("2021-01-01", "2026-11-29")] // years
    public async Task AnyPeriodAddsUpTheSameFromMonthsAndDays(string from, string to)
    {
        await app.ClientAsync(null);
        var leader = await app.ClientAsync("demo.province");
        var d = await leader.GetJsonAsync<DashboardDto>($"/api/statistics?area=22&from={from}&to={to}");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var (first, last) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var counted = 0L;
        foreach (var figure in FigureCatalogue.All.Where(f => Metrics.KindOf(f.Numerator) != MetricKind.OpenByDue))
        {
            var m = figure.Numerator;
            var stock = Metrics.KindOf(m) == MetricKind.Stock;
            var daily = await db.Rollups.Where(r => r.Area == "22" && r.Metric == m && r.Day <= last && (r.Day >= first || stock))
                .SumAsync(r => r.Value, TestContext.Current.CancellationToken);
            Assert.True(daily == d.Area.Figures.Single(f => f.Key == figure.Key).Numerator, $"{figure.Key} {from}…{to}: {daily} by day");
            counted += daily;
        }
        Assert.True(counted > 0, "the demo province has nothing in this period");
    }
}

public sealed class SqliteStatisticsTests(SqliteApp app) : StatisticsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStatisticsTests(PostgresApp app) : StatisticsTests(app), IClassFixture<PostgresApp>;
