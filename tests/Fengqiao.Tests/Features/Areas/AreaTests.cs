using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fengqiao.Features.Areas;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.Areas;

public abstract class AreaTests(FengqiaoApp app)
{
    private const string Square = """{"type":"Polygon","coordinates":[[[0.1,0.1],[0.2,0.1],[0.2,0.2],[0.1,0.2],[0.1,0.1]]]}""";

    [Fact]
    public async Task TheTreeRunsFromProvinceToGridWithMaterialisedPaths()
    {
        var admin = await app.ClientAsync("demo.admin");
        var top = await admin.PageAsync<AreaDto>("/api/areas");
        var jilin = Assert.Single(top.Items);
        Assert.Equal(("22", "吉林省", "/22/"), (jilin.Code, jilin.NameZh, jilin.Path));

        var cities = await admin.PageAsync<AreaDto>("/api/areas?parent=22");
        Assert.Contains(cities.Items, c => c.Code == "2201" && c.NameZh == "长春市");
        var grids = await admin.PageAsync<AreaDto>("/api/areas?level=Grid&pageSize=1");
        Assert.True(grids.Total > 100, $"only {grids.Total} grids");
        Assert.StartsWith("/22/", grids.Items[0].Path, StringComparison.Ordinal);
        Assert.Equal(6, grids.Items[0].Path.Trim('/').Split('/').Length);
    }

    [Fact]
    public async Task APointIsLocatedInItsGrid()
    {
        var admin = await app.ClientAsync("demo.admin");
        var grid = (await admin.PageAsync<AreaDto>("/api/areas?level=Grid&pageSize=1")).Items[0];

        var located = await admin.GetJsonAsync<LocateDto>(FormattableString.Invariant($"/api/areas/locate?lat={grid.Lat}&lng={grid.Lng}"));
        Assert.Equal(grid.Code, located.Grid.Code);
        Assert.Equal(AreaLevel.Province, located.Ancestors[0].Level);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/areas/locate?lat=39.9&lng=116.4")).StatusCode); // Beijing
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/areas/locate?lat=95&lng=116.4")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownParentIsAClearLocalisedErrorAndChangesNothing()
    {
        var admin = await app.ClientAsync("demo.admin", "zh-CN");
        var response = await admin.PostAsJsonAsync("/api/areas",
            new { code = "229999", parentCode = "2299", nameZh = "测试区", nameEn = "Test District", level = "County" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("没有代码为 2299 的区划。", Assert.Single((await response.ErrorsAsync())["parentCode"]));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/areas/229999")).StatusCode);
    }

    [Fact]
    public async Task ADuplicateCodeIsRefused()
    {
        var admin = await app.ClientAsync("demo.admin");
        var response = await admin.PostAsJsonAsync("/api/areas",
            new { code = "220104", parentCode = "2201", nameZh = "重复", nameEn = "Duplicate", level = "County" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The code 220104 is already used.", Assert.Single((await response.ErrorsAsync())["code"]));
        var chaoyang = await admin.GetJsonAsync<AreaDetailDto>("/api/areas/220104");
        Assert.NotEqual("重复", chaoyang.Area.NameZh);
    }

    [Fact]
    public async Task InvalidGeometryIsRefused()
    {
        var admin = await app.ClientAsync("demo.admin");
        const string bowTie = """{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}""";
        var response = await admin.PostAsJsonAsync("/api/areas",
            new { code = "22010499", parentCode = "220104", nameZh = "蝴蝶", nameEn = "Bow tie", level = "Township", boundaryGeoJson = bowTie });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("boundary", (await response.ErrorsAsync()).Keys);
    }

    [Fact]
    public async Task AGeoJsonImportIsAllOrNothing()
    {
        var admin = await app.ClientAsync("demo.admin");
        var bad = $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"220104901","parentCode":"220104","nameZh":"新街道","nameEn":"New Street","level":"Township"},"geometry":{{{Square}}}},
              {"type":"Feature","properties":{"code":"220104901001","parentCode":"220104901","nameZh":"新社区","nameEn":"New Community","level":"Community"},"geometry":{"type":"Point","coordinates":[0.15,0.15]}}
            ]}
            """;
        var refused = await admin.PostAsync("/api/areas/import", new StringContent(bad, Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("features[1].boundary", (await refused.ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/areas/220104901")).StatusCode);

        var good = bad.Replace("""{"type":"Point","coordinates":[0.15,0.15]}""", Square, StringComparison.Ordinal);
        var imported = await admin.PostAsync("/api/areas/import", new StringContent(good, Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(new ImportResult(2, 0), await imported.Content.ReadFromJsonAsync<ImportResult>(Api.Json));
        var community = await admin.GetJsonAsync<AreaDetailDto>("/api/areas/220104901001");
        Assert.Equal("/22/2201/220104/220104901/220104901001/", community.Area.Path);
    }

    [Fact]
    public async Task NotGeoJsonAtAllIsAClearError()
    {
        var admin = await app.ClientAsync("demo.admin");
        var response = await admin.PostAsync("/api/areas/import", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The file is not a GeoJSON FeatureCollection.", Assert.Single((await response.ErrorsAsync())["file"]));
    }
}

public sealed class SqliteAreaTests(SqliteApp app) : AreaTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAreaTests(PostgresApp app) : AreaTests(app), IClassFixture<PostgresApp>;
