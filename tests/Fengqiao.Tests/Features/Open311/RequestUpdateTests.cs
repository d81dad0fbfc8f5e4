using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Fengqiao.Features.Open311;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Open311;

/// <summary>
/// The servicerequestupdates extension as FixMyStreet's Open311 client uses it: it reads the updates since its last look,
/// and posts its residents' comments, a repeat of which changes nothing, and an OPEN on a resolved report reopens it.
/// </summary>
public abstract class RequestUpdateTests(FengqiaoApp app)
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<string> ReportAsync()
    {
        var admin = await app.ClientAsync("demo.admin");
        var grid = await admin.GetJsonAsync<Fengqiao.Features.Areas.AreaDetailDto>("/api/areas/220104001001001");
        var client = await app.ClientAsync(null);
        var response = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", FengqiaoApp.Open311Key), ("service_code", "dispute-neighbour"),
            ("description", "楼道里堆满杂物，邻居不肯清理"), ("lat", grid.Area.Lat!.Value.ToString(CultureInfo.InvariantCulture)),
            ("long", grid.Area.Lng!.Value.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private async Task CloseAsync(string code, string reason)
    {
        var officer = await app.ClientAsync("demo.officer");
        var row = Assert.Single((await officer.PageAsync<RequestRow>("/api/requests?status=Submitted&pageSize=200")).Items, r => r.Code == code);
        var closed = await officer.PostAsJsonAsync($"/api/requests/{row.Id}/triage", new { action = "close", reason, version = row.Version });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostUpdateAsync(HttpClient client, string code, string updateId, string status, string description,
        string format = "json", string key = FengqiaoApp.Open311Key) =>
        client.PostAsync($"/open311/v2/servicerequestupdates.{format}", Form(("api_key", key), ("service_request_id", code), ("update_id", updateId),
            ("updated_datetime", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)), ("status", status),
            ("description", description), ("email", "resident@example.org"), ("first_name", "Ming"), ("last_name", "Li")));

    private static async Task<List<JsonElement>> UpdatesAsync(HttpClient client, DateTimeOffset since, string code, string? key = FengqiaoApp.Open311Key)
    {
        var url = $"/open311/v2/servicerequestupdates.json?start_date={Uri.EscapeDataString(since.ToString("o", CultureInfo.InvariantCulture))}"
            + (key is null ? "" : $"&api_key={key}");
        var all = JsonDocument.Parse(await client.GetStringAsync(url)).RootElement.EnumerateArray().ToList();
        return [.. all.Where(u => u.GetProperty("service_request_id").GetString() == code)];
    }

    private async Task<ResidentRequest> StoredAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().ResidentRequests.AsNoTracking().SingleAsync(r => r.Code == code);
    }

    [Fact]
    public async Task UpdatesSinceATimeListTheStatusChangesInOrderAndAnOpenFromTheClientReopensAClosedReport()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var code = await ReportAsync();
        var client = await app.ClientAsync(null);
        Assert.Empty(await UpdatesAsync(client, since, code)); // received is not an update

        await CloseAsync(code, "已联系物业清理楼道");
        var reopened = await PostUpdateAsync(client, code, "fms-comment-1", "OPEN", "杂物又堆回来了");
        Assert.Equal(HttpStatusCode.Created, reopened.StatusCode);
        var stored = await StoredAsync(code);
        Assert.Equal(RequestStatus.Submitted, stored.Status); // reopened for the station, as the resident's "not resolved" does
        Assert.NotNull(stored.NotResolvedAt);
        Assert.Contains("杂物又堆回来了", stored.StatusNotes, StringComparison.Ordinal);
        await CloseAsync(code, "社区民警上门督促，已清理完毕");

        var updates = await UpdatesAsync(client, since, code);
        Assert.Equal(["closed", "open", "closed"], updates.Select(u => u.GetProperty("status").GetString()));
        Assert.Equal(["Closed", "Submitted", "Closed"], updates.Select(u => u.GetProperty("external_status_code").GetString()));
        Assert.Equal("已联系物业清理楼道", updates[0].GetProperty("description").GetString());
        Assert.Contains("杂物又堆回来了", updates[1].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("社区民警上门督促，已清理完毕", updates[2].GetProperty("description").GetString());
        var ids = updates.Select(u => long.Parse(u.GetProperty("update_id").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.All(updates, u => Assert.Equal("", u.GetProperty("media_url").GetString()));
        Assert.DoesNotContain("resident@example.org", await client.GetStringAsync("/open311/v2/servicerequestupdates.json"), StringComparison.Ordinal);

        // The client's own comment is left out for it (it has it), and shown to everyone else.
        var everyone = await UpdatesAsync(client, since, code, key: null);
        Assert.Contains(everyone, u => u.GetProperty("external_status_code").GetString() == "ClientUpdate" && u.GetProperty("description").GetString() == "杂物又堆回来了");
        // A window that ends before the changes holds none of them; XML has the spec's element names.
        var window = $"start_date={Uri.EscapeDataString(since.AddDays(-1).ToString("o", CultureInfo.InvariantCulture))}&end_date={Uri.EscapeDataString(since.ToString("o", CultureInfo.InvariantCulture))}";
        Assert.DoesNotContain(JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/servicerequestupdates.json?{window}")).RootElement.EnumerateArray(),
            u => u.GetProperty("service_request_id").GetString() == code);
        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/servicerequestupdates.xml?start_date={Uri.EscapeDataString(since.ToString("o", CultureInfo.InvariantCulture))}"));
        Assert.Equal("service_request_updates", xml.Root!.Name.LocalName);
        Assert.Contains(xml.Root.Elements("request_update"), e => e.Element("service_request_id")!.Value == code && e.Element("status")!.Value == "closed");
    }

    [Fact]
    public async Task TheCaseAReportBecameIsFollowedToItsResolution()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var code = await ReportAsync();
        var officer = await app.ClientAsync("demo.officer");
        var row = Assert.Single((await officer.PageAsync<RequestRow>("/api/requests?status=Submitted&pageSize=200")).Items, r => r.Code == code);
        row = (await (await officer.PostAsJsonAsync($"/api/requests/{row.Id}/triage", new { action = "dispute", version = row.Version }))
            .Content.ReadFromJsonAsync<RequestRow>(Api.Json))!;
        var d = await officer.GetJsonAsync<Fengqiao.Features.Disputes.DisputeDetail>($"/api/disputes/{row.DisputeId}");
        d = (await (await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/sessions", new
        {
            heldAt = DateTimeOffset.UtcNow.AddHours(-1), place = "社区调解室", mediators = "吴辉", outcome = "Agreement", minutes = "双方同意清理", version = d.Case.Version,
        })).Content.ReadFromJsonAsync<Fengqiao.Features.Disputes.DisputeDetail>(Api.Json))!;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var resolved = await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/resolve",
            new { terms = "三日内清理楼道杂物", signedBy = "张某、王某", signedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), version = d.Case.Version });
        Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());

        var updates = await UpdatesAsync(await app.ClientAsync(null), since, code);
        Assert.Equal([("open", "BecameDispute"), ("closed", "Resolved")],
            updates.Select(u => (u.GetProperty("status").GetString(), u.GetProperty("external_status_code").GetString())));
        Assert.Contains(d.Case.Code, updates[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("The parties reached an agreement through mediation.", updates[1].GetProperty("description").GetString());
        Assert.DoesNotContain(updates, u => u.GetProperty("description").GetString()!.Contains("双方同意清理", StringComparison.Ordinal)); // the minutes stay inside
    }

    [Fact]
    public async Task AnUpdatePostedTwiceGetsTheSameIdAndIsKeptOnce()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var code = await ReportAsync();
        var client = await app.ClientAsync(null);
        var first = await PostUpdateAsync(client, code, "fms-77", "CLOSED", "我看已经好了", format: "xml");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = XDocument.Parse(await first.Content.ReadAsStringAsync()).Root!.Element("request_update")!.Element("update_id")!.Value;
        var again = await PostUpdateAsync(client, code, "fms-77", "CLOSED", "我看已经好了", format: "xml");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, XDocument.Parse(await again.Content.ReadAsStringAsync()).Root!.Element("request_update")!.Element("update_id")!.Value);

        Assert.Single(await UpdatesAsync(client, since, code, key: null));
        // A resident's "fixed" is their word: the station still decides when the report is closed.
        Assert.Equal(RequestStatus.Submitted, (await StoredAsync(code)).Status);
    }

    [Fact]
    public async Task AnUnknownRequestAMissingKeyOrABadUpdateIsRefusedAndChangesNothing()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var code = await ReportAsync();
        var client = await app.ClientAsync(null, "zh-CN");
        var unknown = await PostUpdateAsync(client, "R-NO-SUCH", "fms-1", "OPEN", "还没修");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var error = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.Contains("R-NO-SUCH", error.GetProperty("description").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostUpdateAsync(client, code, "fms-2", "OPEN", "还没修", key: "")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostUpdateAsync(client, code, "fms-3", "OPEN", "还没修", key: "not-a-key")).StatusCode);
        var bad = await PostUpdateAsync(client, code, "fms-4", "MAYBE", "");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("status:", text, StringComparison.Ordinal);
        Assert.Contains("description:", text, StringComparison.Ordinal);
        Assert.Empty(await UpdatesAsync(client, since, code, key: null));
    }
}

public sealed class SqliteRequestUpdateTests(SqliteApp app) : RequestUpdateTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRequestUpdateTests(PostgresApp app) : RequestUpdateTests(app), IClassFixture<PostgresApp>;
