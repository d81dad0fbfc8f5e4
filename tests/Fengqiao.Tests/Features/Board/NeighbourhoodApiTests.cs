using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.Board;

/// <summary>The public neighbourhood API in the shape of data.police.uk's, on both databases.</summary>
public abstract class NeighbourhoodApiTests(FengqiaoApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task ForcesNeighbourhoodsPeopleAndBoundaryOfFubeiCommunity()
    {
        var client = await app.ClientAsync(null);
        var forces = await JsonAsync(client, "/api/neighbourhoods/forces");
        Assert.Contains(forces.EnumerateArray(), f => f.GetProperty("id").GetString() == "2204" && f.GetProperty("name").GetString() == "Liaoyuan Public Security Bureau");

        var neighbourhoods = await JsonAsync(client, "/api/neighbourhoods/2204/neighbourhoods");
        var fubei = neighbourhoods.EnumerateArray().Single(n => n.GetProperty("name").GetString()!.Contains("Fubei", StringComparison.Ordinal));
        var id = fubei.GetProperty("id").GetString();

        var detail = await JsonAsync(client, $"/api/neighbourhoods/2204/{id}");
        Assert.Equal("station", detail.GetProperty("locations")[0].GetProperty("type").GetString());
        var people = await JsonAsync(client, $"/api/neighbourhoods/2204/{id}/people");
        Assert.Contains(people.EnumerateArray(), p => p.GetProperty("name").GetString() == "Wei Dong");
        Assert.DoesNotContain("phone", people.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var boundary = await JsonAsync(client, $"/api/neighbourhoods/2204/{id}/boundary");
        Assert.True(boundary.GetArrayLength() >= 4);
        var priorities = await JsonAsync(client, $"/api/neighbourhoods/2204/{id}/priorities");
        Assert.True(priorities[0].TryGetProperty("issue-date", out _));
        Assert.True((await JsonAsync(client, $"/api/neighbourhoods/2204/{id}/events")).GetArrayLength() >= 1);

        var lat = boundary.EnumerateArray().Average(p => double.Parse(p.GetProperty("latitude").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var lng = boundary.EnumerateArray().Average(p => double.Parse(p.GetProperty("longitude").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var located = await JsonAsync(client, FormattableString.Invariant($"/api/neighbourhoods/locate-neighbourhood?q={lat},{lng}"));
        Assert.Equal(("2204", id), (located.GetProperty("force").GetString(), located.GetProperty("neighbourhood").GetString()));

        // Wei Dong's team raises a priority and announces an event; another station cannot.
        var weiDong = await app.ClientAsync("demo.weidong");
        var raised = await weiDong.PostAsJsonAsync($"/api/board/{id}/priorities", new { issueZh = "楼道堆放杂物", issueEn = "Clutter in stairwells" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var announced = await weiDong.PostAsJsonAsync($"/api/board/{id}/events",
            new { titleZh = "消防安全讲座", titleEn = "Fire safety talk", address = "阜北社区党群服务中心", startsAt = DateTimeOffset.UtcNow.AddDays(3), kind = "anti-fraud-talk" });
        Assert.Equal(HttpStatusCode.Created, announced.StatusCode);
        Assert.Contains("Clutter in stairwells", (await JsonAsync(client, $"/api/neighbourhoods/2204/{id}/priorities")).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Fire safety talk", (await JsonAsync(client, $"/api/neighbourhoods/2204/{id}/events")).GetRawText(), StringComparison.Ordinal);
        var stranger = await app.ClientAsync("demo.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/board/{id}/priorities", new { issueZh = "x", issueEn = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/neighbourhoods/2201/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/neighbourhoods/locate-neighbourhood?q=39.9,116.4")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/neighbourhoods/locate-neighbourhood?q=here")).StatusCode);
    }
}

public sealed class SqliteNeighbourhoodApiTests(SqliteApp app) : NeighbourhoodApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNeighbourhoodApiTests(PostgresApp app) : NeighbourhoodApiTests(app), IClassFixture<PostgresApp>;
