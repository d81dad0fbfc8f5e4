using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Statistics;
using Fengqiao.Features.Units;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.Open311;

/// <summary>Open311 GeoReport v2 as any client would use it, in both formats, on both databases.</summary>
public abstract class Open311Tests(FengqiaoApp app)
{
    // A point inside a demo grid of Chongqing Road Street: the grid's own centre.
    private async Task<(double Lat, double Lng)> ChongqingPointAsync()
    {
        var admin = await app.ClientAsync("demo.admin");
        var grid = await admin.GetJsonAsync<Fengqiao.Features.Areas.AreaDetailDto>("/api/areas/220104001001001");
        return (grid.Area.Lat!.Value, grid.Area.Lng!.Value);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<(HttpResponseMessage Response, string Id)> PostAsync(HttpClient client, string format, params (string, string)[] extra)
    {
        var (lat, lng) = await ChongqingPointAsync();
        var fields = new List<(string, string)>
        {
            ("api_key", FengqiaoApp.Open311Key), ("service_code", "danger-fallingobject"), ("description", "楼上阳台的鸽子盘随时可能掉下来"),
            ("lat", lat.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("long", lng.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("first_name", "明"), ("last_name", "李"), ("email", "li.ming@example.com"), ("phone", "13900001111"), ("device_id", "dev-42"),
        };
        // A field given in `extra` replaces the default one of the same name.
        fields.RemoveAll(f => extra.Any(e => e.Item1 == f.Item1));
        fields.AddRange(extra);
        var response = await client.PostAsync($"/open311/v2/requests.{format}", Form([.. fields]));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return (response, "");
        }
        var id = format == "xml"
            ? XDocument.Parse(text).Root!.Element("request")!.Element("service_request_id")!.Value
            : JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;
        return (response, id);
    }

    [Fact]
    public async Task DiscoveryAndServicesAnswerInJsonAndXml()
    {
        var client = await app.ClientAsync(null);
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/open311/discovery.json")).RootElement;
        Assert.EndsWith("/open311/v2", discovery.GetProperty("endpoints")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("discovery", XDocument.Parse(await client.GetStringAsync("/open311/discovery.xml")).Root!.Name.LocalName);

        var services = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services.json")).RootElement;
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "dispute-neighbour" && s.GetProperty("metadata").GetBoolean());
        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml"));
        Assert.Contains(xml.Root!.Elements("service"), s => s.Element("service_code")!.Value == "danger-fallingobject");

        var definition = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services/dispute-neighbour.json")).RootElement;
        var attributes = definition.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["number", "datetime", "singlevaluelist", "multivaluelist", "string", "text"], attributes.Select(a => a.GetProperty("datatype").GetString()));
        Assert.Equal([1, 2, 3, 4, 5, 6], attributes.Select(a => a.GetProperty("order").GetInt32()));
        Assert.Equal(5, attributes[3].GetProperty("values").GetArrayLength());
        var xmlDefinition = XDocument.Parse(await client.GetStringAsync("/open311/v2/services/dispute-neighbour.xml"));
        Assert.Equal(5, xmlDefinition.Root!.Element("attributes")!.Elements("attribute").ElementAt(3).Element("values")!.Elements("value").Count());
    }

    [Fact]
    public async Task APostedRequestIsRoutedToItsStationAndShowsNoContactDetails()
    {
        var client = await app.ClientAsync(null);
        var (response, id) = await PostAsync(client, "json", ("attribute[affected][]", "children"), ("attribute[affected][]", "elderly"), ("attribute[urgency]", "today"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        foreach (var format in new[] { "json", "xml" })
        {
            var text = await client.GetStringAsync($"/open311/v2/requests/{id}.{format}");
            Assert.DoesNotContain("li.ming", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13900001111", text, StringComparison.Ordinal);
            Assert.DoesNotContain("dev-42", text, StringComparison.Ordinal);
            Assert.DoesNotContain("李", text, StringComparison.Ordinal);
        }
        var request = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.json")).RootElement[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("Chongqing Road Police Station", request.GetProperty("agency_responsible").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", request.GetProperty("expected_datetime").GetString()!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", request.GetProperty("requested_datetime").GetString()!);
        var token = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/tokens/{id}.json")).RootElement[0];
        Assert.Equal(id, token.GetProperty("service_request_id").GetString());
    }

    [Fact]
    public async Task ReportsSentAtOnceAreCommittedTogetherEachNumberedAuditedAndCounted()
    {
        const int Reports = 30;
        var writer = app.Services.GetRequiredService<ReportWriter>();
        var (batchesBefore, reportsBefore) = (writer.Batches, writer.Committed);
        var client = await app.ClientAsync(null);
        var posted = await Task.WhenAll(Enumerable.Range(0, Reports).Select(_ => PostAsync(client, "json")));

        Assert.All(posted, p => Assert.Equal(HttpStatusCode.Created, p.Response.StatusCode));
        // One township's series: every report its own number, none skipped.
        var numbers = posted.Select(p => int.Parse(p.Id[(p.Id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], Reports), numbers);
        Assert.Equal(Reports, writer.Committed - reportsBefore);
        // Group commit: the reports that waited while one transaction committed went into the next one together.
        Assert.InRange(writer.Batches - batchesBefore, 1, Reports - 1);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var codes = posted.Select(p => p.Id).ToList();
        var ids = await db.ResidentRequests.Where(r => codes.Contains(r.Code)).Select(r => r.Id.ToString()).ToListAsync();
        Assert.Equal(Reports, ids.Count);
        Assert.Equal(Reports, await db.AuditLog.CountAsync(e => e.Entity == "ResidentRequests" && e.Action == "create" && ids.Contains(e.EntityId)));
        var recount = await Recount.RunAsync(db, false, null, CancellationToken.None);
        Assert.Equal(0, recount.Differences);
    }

    [Fact]
    public async Task AReportGoesToTheStationThatAnswersForItsAreaFromTheMomentThatChanges()
    {
        // Routing is held in memory: opening a station for the grid's community, and closing it again, must show at once.
        const string Grid = "220104001001001", Community = "220104001001";
        var client = await app.ClientAsync(null);
        var admin = await app.ClientAsync("demo.admin");
        async Task<int?> StationOfNewReportAsync()
        {
            var (response, id) = await PostAsync(client, "json", ("address_id", Grid), ("lat", ""), ("long", ""));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            return await scope.ServiceProvider.GetRequiredService<AppDb>().ResidentRequests.Where(r => r.Code == id).Select(r => r.StationUnitId).SingleAsync();
        }
        var before = await StationOfNewReportAsync();
        Assert.NotNull(before);

        var opened = await admin.PostAsJsonAsync("/api/units", new UnitInput(
            $"T{Guid.NewGuid():N}"[..12], "社区警务站", "Community police post", UnitKind.PoliceStation, Community, before, null, null, null, null));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var post = (await opened.Content.ReadFromJsonAsync<UnitDto>(Api.Json))!;
        Assert.Equal(post.Id, await StationOfNewReportAsync());

        var closed = await admin.PutAsJsonAsync($"/api/units/{post.Id}", new UnitInput(
            post.Code, post.NameZh, post.NameEn, UnitKind.CommunityCommittee, Community, before, null, null, null, post.Version));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(before, await StationOfNewReportAsync());
    }

    [Fact]
    public async Task TheStationSeesTheReportTurnsItIntoACaseAndTheStatusFollows()
    {
        var (_, id) = await PostAsync(await app.ClientAsync(null), "xml");
        var officer = await app.ClientAsync("demo.officer");
        var waiting = await officer.PageAsync<RequestRow>("/api/requests?status=Submitted&pageSize=200");
        var row = Assert.Single(waiting.Items, r => r.Code == id);
        Assert.Equal("李明", row.Reporter);
        var elsewhere = await (await app.ClientAsync("demo.officer2")).PageAsync<RequestRow>("/api/requests?pageSize=200");
        Assert.DoesNotContain(elsewhere.Items, r => r.Code == id);

        var triaged = await officer.PostAsJsonAsync($"/api/requests/{row.Id}/triage", new { action = "dispute", version = row.Version });
        Assert.True(triaged.IsSuccessStatusCode, await triaged.Content.ReadAsStringAsync());
        row = (await triaged.Content.ReadFromJsonAsync<RequestRow>(Api.Json))!;
        var dispute = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{row.DisputeId}");
        Assert.Equal(DisputeSource.ResidentReport, dispute.Case.Source);

        var client = await app.ClientAsync(null);
        var open = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.json")).RootElement[0];
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Contains(dispute.Case.Code, open.GetProperty("status_notes").GetString(), StringComparison.Ordinal);
        var (_, second) = await PostAsync(client, "json");
        var toClose = Assert.Single((await officer.PageAsync<RequestRow>("/api/requests?status=Submitted&pageSize=200")).Items, r => r.Code == second);
        await officer.PostAsJsonAsync($"/api/requests/{toClose.Id}/triage", new { action = "close", reason = "重复反映，已并入前一件", version = toClose.Version });
        var closed = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests.json?service_request_id={second}&status=closed")).RootElement;
        Assert.Equal(1, closed.GetArrayLength());
    }

    [Fact]
    public async Task AReportBecomesADemandOrAConfidentialTipOfTheReceivingStation()
    {
        var client = await app.ClientAsync(null);
        var officer = await app.ClientAsync("demo.officer");
        var (_, needId) = await PostAsync(client, "json", ("service_code", "demand"), ("description", "家里老人行动不便，想申请社区助餐服务"));
        var (_, tipId) = await PostAsync(client, "json", ("service_code", "tip"), ("description", "三号楼地下室夜里有人聚集赌博"));
        var waiting = (await officer.PageAsync<RequestRow>("/api/requests?status=Submitted&pageSize=200")).Items;

        var need = Assert.Single(waiting, r => r.Code == needId);
        var asDemand = await officer.PostAsJsonAsync($"/api/requests/{need.Id}/triage", new { action = "demand", category = "ElderlyCare", version = need.Version });
        Assert.True(asDemand.IsSuccessStatusCode, await asDemand.Content.ReadAsStringAsync());
        need = (await asDemand.Content.ReadFromJsonAsync<RequestRow>(Api.Json))!;
        var demand = await officer.GetJsonAsync<System.Text.Json.JsonElement>($"/api/demands/{need.DemandId}");
        Assert.Contains("助餐", demand.ToString(), StringComparison.Ordinal);
        Assert.Contains("ElderlyCare", demand.ToString(), StringComparison.Ordinal);
        Assert.Contains("Open311", demand.ToString(), StringComparison.Ordinal);

        var tipRow = Assert.Single(waiting, r => r.Code == tipId);
        var asTip = await officer.PostAsJsonAsync($"/api/requests/{tipRow.Id}/triage", new { action = "tip", version = tipRow.Version });
        Assert.True(asTip.IsSuccessStatusCode, await asTip.Content.ReadAsStringAsync());
        tipRow = (await asTip.Content.ReadFromJsonAsync<RequestRow>(Api.Json))!;
        var tip = (await officer.GetStringAsync($"/api/tips/{tipRow.TipId}"));
        Assert.Contains("李明", tip, StringComparison.Ordinal);
        // The province sees that the tip exists, never who gave it.
        var province = await (await app.ClientAsync("demo.province")).GetStringAsync($"/api/tips/{tipRow.TipId}");
        Assert.Contains("赌博", province, StringComparison.Ordinal);
        Assert.DoesNotContain("李明", province, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", tip + province, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsFilterByServiceDatesAndStatusAndIgnoreEmptyParameters()
    {
        var client = await app.ClientAsync(null);
        var (_, id) = await PostAsync(client, "json", ("service_code", "dispute-neighbour"));
        var all = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/requests.json?service_code=&status=&start_date=")).RootElement;
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var future = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests.json?start_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("o"))}")).RootElement;
        Assert.Equal(0, future.GetArrayLength());
        var paged = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/requests.json?page=1&page_size=1")).RootElement;
        Assert.Equal(1, paged.GetArrayLength());
        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/requests.xml?status=open"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/open311/v2/requests.json?start_date=yesterday")).StatusCode);
    }

    [Fact]
    public async Task ErrorsComeAsTheSpecsErrorsArray()
    {
        var client = await app.ClientAsync(null);
        var unknown = await client.GetAsync("/open311/v2/requests/R-nope.xml");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("404", XDocument.Parse(await unknown.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value);

        var noKey = await client.PostAsync("/open311/v2/requests.json", Form(("service_code", "tip"), ("description", "x"), ("address_string", "长春")));
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        Assert.Equal(403, JsonDocument.Parse(await noKey.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());

        var beijing = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", FengqiaoApp.Open311Key), ("service_code", "tip"), ("description", "x"), ("lat", "39.9"), ("long", "116.4")));
        Assert.Equal(HttpStatusCode.BadRequest, beijing.StatusCode);
        Assert.Contains("outside Jilin", await beijing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var nowhere = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", FengqiaoApp.Open311Key), ("service_code", "tip"), ("description", "x")));
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        var tooLong = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", FengqiaoApp.Open311Key), ("service_code", "tip"), ("description", new string('x', 4001)), ("address_string", "长春")));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var badAttribute = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", FengqiaoApp.Open311Key), ("service_code", "tip"), ("description", "x"), ("address_string", "长春"), ("attribute[urgency]", "yesterday")));
        Assert.Equal(HttpStatusCode.BadRequest, badAttribute.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/services/nothing.json")).StatusCode);
    }

    [Fact]
    public async Task ANulCharacterInAnyTextFieldIsA400InTheErrorsShapeAndStoresNothing()
    {
        var client = await app.ClientAsync(null, "zh-CN");
        var before = await client.GetStringAsync("/open311/v2/requests.json?page_size=1000");
        foreach (var (field, format) in new[] { ("description", "json"), ("first_name", "xml"), ("device_id", "json"), ("attribute[place_detail]", "xml"), ("address_id", "json") })
        {
            var (response, _) = await PostAsync(client, format, (field, "鸽子盘\u0000掉下来"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field} in {format}: {(int)response.StatusCode} {text}");
            var (code, description) = format == "xml"
                ? (XDocument.Parse(text).Root!.Element("error")!.Element("code")!.Value, XDocument.Parse(text).Root!.Element("error")!.Element("description")!.Value)
                : (JsonDocument.Parse(text).RootElement[0].GetProperty("code").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    JsonDocument.Parse(text).RootElement[0].GetProperty("description").GetString()!);
            Assert.Equal("400", code);
            Assert.StartsWith(field + ":", description, StringComparison.Ordinal);
            Assert.Contains("控制字符", description, StringComparison.Ordinal);
        }
        Assert.Equal(before, await client.GetStringAsync("/open311/v2/requests.json?page_size=1000"));
    }
}

public sealed class SqliteOpen311Tests(SqliteApp app) : Open311Tests(app), IClassFixture<SqliteApp>;

public sealed class PostgresOpen311Tests(PostgresApp app) : Open311Tests(app), IClassFixture<PostgresApp>;
