using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.Teams;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Security;

/// <summary>
/// Malformed and hostile input — oversized bodies, bad UTF-8, SQL and script injection, bad ID numbers, impossible dates
/// and coordinates — gets a 4xx that names the field, is stored (when valid) exactly as typed and shown encoded, and
/// otherwise changes nothing.
/// </summary>
public abstract class HostileInputTests(FengqiaoApp app)
{
    private const string OrTrue = "' OR 1=1 --";
    private const string DropTable = "'; DROP TABLE \"Disputes\"; --";
    private const string Script = "<script>alert(1)</script>";

    private static Dictionary<string, object?> Case(string title = "楼道堆放杂物", string summary = "住户在楼道堆放纸箱，邻居担心消防隐患。", string party = "邻居甲") => new()
    {
        ["title"] = title, ["summary"] = summary, ["source"] = "ResidentReport", ["category"] = "neighbour", ["risk"] = "Yellow",
        ["peopleInvolved"] = 2, ["areaCode"] = SecurityDb.ChongqingGrid, ["parties"] = new[] { new { role = "Applicant", name = party } },
    };

    private static ByteArrayContent Json(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    /// <summary>A body whose length is not known in advance, so it travels chunked: only counting its bytes can stop it.</summary>
    private sealed class Unsized(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>"400 field,field" for a 400 that names fields, else the status and (the start of) the body.</summary>
    private static async Task<string> FieldsAsync(HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        if (r.StatusCode == HttpStatusCode.BadRequest && text.StartsWith('{')
            && JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            return "400 " + string.Join(",", errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        }
        return $"{(int)r.StatusCode} {(text.Length > 300 ? text[..300] : text)}";
    }

    /// <summary>The fields a 400 names (none for any other answer).</summary>
    private static string[] Named(string fields) => fields.StartsWith("400 ", StringComparison.Ordinal) ? fields[4..].Split(',') : [];

    [Fact]
    public async Task ABodyOverOneMegabyteIs413AndNothingIsStored()
    {
        var officer = await app.ClientAsync("demo.officer");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Case(summary: new string('x', 2 * 1024 * 1024)), Api.Json);

        var declared = await SecurityDb.UnchangedAsync(app, () => officer.PostAsync("/api/disputes", Json(bytes)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);

        var chunked = new StreamContent(new Unsized(bytes)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        var undeclared = await SecurityDb.UnchangedAsync(app, () => officer.PostAsync("/api/disputes", chunked));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, undeclared.StatusCode);
    }

    [Fact]
    public async Task InvalidUtf8Is400WithAProblemAndNothingIsStored()
    {
        var officer = await app.ClientAsync("demo.officer");
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Case(title: "@@BAD@@"), Api.Json));
        var marker = Encoding.UTF8.GetBytes("@@BAD@@");
        var at = json.AsSpan().IndexOf(marker);
        byte[] bytes = [.. json[..at], 0xC3, 0x28, 0xFF, 0xFE, .. json[(at + marker.Length)..]];

        var response = await SecurityDb.UnchangedAsync(app, () => officer.PostAsync("/api/disputes", Json(bytes)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task SqlInSearchesFindsNothingAndDropsNothing()
    {
        var director = await app.ClientAsync("demo.director");
        string[] lists =
        [
            "/api/households", "/api/disputes", "/api/demands", "/api/projects", "/api/campaigns", "/api/visits", "/api/people", "/api/areas",
            "/api/dangers", "/api/secondments", "/api/services/records", "/api/teams", "/api/patrols", "/api/tips", "/api/outreach", "/api/meetings", "/api/units",
        ];
        string[] pages = ["/disputes", "/households", "/people", "/visits", "/demands", "/dangers", "/teams", "/units", "/areas", "/tips", "/meetings", "/campaigns"];
        var wrong = new List<string>();

        await SecurityDb.UnchangedAsync(app, async () =>
        {
            foreach (var list in lists)
            {
                var nothing = await TotalAsync(director, $"{list}?q=zq9xv7nonsense");
                // Not the strings another test stores on purpose (a search for them rightly finds that record).
                foreach (var injection in new[] { "' OR 'q'='q' /*s*/", "\"; DELETE FROM \"Disputes\" WHERE 1=1; --" })
                {
                    var total = await TotalAsync(director, $"{list}?q={Uri.EscapeDataString(injection)}");
                    if (total != nothing)
                    {
                        wrong.Add($"{list}?q={injection} -> {total} (a nonsense search finds {nothing})");
                    }
                }
            }
            foreach (var page in pages)
            {
                var status = (await director.GetAsync($"{page}?q={Uri.EscapeDataString(DropTable)}")).StatusCode;
                if (status != HttpStatusCode.OK)
                {
                    wrong.Add($"{page}?q={DropTable} -> {(int)status}");
                }
            }
            return 0;
        });

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static async Task<string> TotalAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32().ToString(CultureInfo.InvariantCulture)
            : $"status {(int)response.StatusCode}";
    }

    [Fact]
    public async Task ANulCharacterInJsonTextIsNamedAndNothingIsStored()
    {
        // JSON carries \u0000 into a string untouched; PostgreSQL refuses it in text, so only the checks stand between it and a 500.
        var officer = await app.ClientAsync("demo.officer");
        var response = await SecurityDb.UnchangedAsync(app, () => officer.PostAsJsonAsync("/api/disputes", Case(title: "楼道\u0000杂物", summary: "住户\u0001堆放纸箱")));
        Assert.Equal("400 summary,title", await FieldsAsync(response));
    }

    [Fact]
    public async Task InjectionStringsAreStoredExactlyAsTypedAndShownEncoded()
    {
        var officer = await app.ClientAsync("demo.officer");
        var before = await SecurityDb.FingerprintAsync(app);

        var sql = await officer.PostAsJsonAsync("/api/disputes", Case(title: OrTrue, summary: DropTable, party: "Robert'); DROP TABLE \"Households\";--"));
        var script = await officer.PostAsJsonAsync("/api/disputes", Case(title: Script, summary: "<img src=x onerror=alert(2)>", party: "<b onmouseover=alert(3)>甲</b>"));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (sql.StatusCode, script.StatusCode));

        var stored = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{(await sql.Content.ReadFromJsonAsync<DisputeDetail>(Api.Json))!.Case.Id}");
        Assert.Equal((OrTrue, DropTable), (stored.Case.Title, stored.Summary));
        var scripted = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{(await script.Content.ReadFromJsonAsync<DisputeDetail>(Api.Json))!.Case.Id}");
        Assert.Equal(Script, scripted.Case.Title);
        var after = await SecurityDb.FingerprintAsync(app);
        Assert.Equal(Rows(before["Disputes"]) + 2, Rows(after["Disputes"]));
        Assert.Equal(before["Households"], after["Households"]);

        foreach (var url in new[] { $"/disputes/{scripted.Case.Id}", $"/disputes?q={Uri.EscapeDataString("alert")}" })
        {
            var response = await officer.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b onmouseover", html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", await officer.GetStringAsync($"/disputes/{scripted.Case.Id}"), StringComparison.Ordinal);
    }

    private static int Rows(string fingerprint) => int.Parse(fingerprint.Split(' ')[0], CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnIdNumberWithAWrongCheckCharacterIsNamedAndNothingIsStored()
    {
        var officer = await app.ClientAsync("demo.officer");
        var good = SecurityDb.NewIdNumber();
        var bad = good[..17] + (good[17] == '0' ? '1' : '0');
        var household = (await officer.PageAsync<HouseholdRow>($"/api/households?area={SweepTargets.Chongqing}")).Items[0];

        var newHousehold = await SecurityDb.UnchangedAsync(app, () => officer.PostAsJsonAsync("/api/households", new
        {
            address = "重庆路90号 1栋1单元101", areaCode = SecurityDb.ChongqingGrid, members = new[] { new { name = "钱校验", idNumber = bad, relation = "Head" } },
        }));
        var newMember = await SecurityDb.UnchangedAsync(app, () =>
            officer.PostAsJsonAsync($"/api/households/{household.Id}/members", new { name = "钱校验", idNumber = bad, relation = "Spouse" }));

        var (onHousehold, onMember) = (await FieldsAsync(newHousehold), await FieldsAsync(newMember));
        var (householdNamed, memberNamed) = (Named(onHousehold).Contains("members[0].idNumber"), Named(onMember).Contains("idNumber"));
        Assert.True(householdNamed, "a new household with a bad ID number: " + onHousehold);
        Assert.True(memberNamed, "a new member with a bad ID number: " + onMember);
    }

    [Fact]
    public async Task DatesOutsideTheCalendarOrTheRulesAreNamedAndNothingIsStored()
    {
        var officer = await app.ClientAsync("demo.officer");
        var team = (await officer.PageAsync<TeamDto>($"/api/teams?area={SweepTargets.Chongqing}")).Items[0];
        var wrong = new List<string>();
        async Task ExpectAsync(string what, string url, object body, params string[] fields)
        {
            var (response, changes) = await SecurityDb.WatchAsync(app, () => officer.PostAsJsonAsync(url, body));
            var got = await FieldsAsync(response);
            if (!Named(got).Any(f => fields.Contains(f)))
            {
                wrong.Add($"{what}: expected 400 naming {string.Join(" or ", fields)}, got {got}");
            }
            if (changes.Length > 0)
            {
                wrong.Add($"{what}: wrote {changes}");
            }
        }

        foreach (var date in new[] { "0001-01-01", "9999-12-31", "2026-13-45" })
        {
            await ExpectAsync($"danger rectifyBy {date}", "/api/dangers", new
            {
                kind = "FallingObject", description = "阳台花盆松动", responsibleParty = "3栋601住户", areaCode = SecurityDb.ChongqingGrid, rectifyBy = date,
            }, "rectifyBy");
            await ExpectAsync($"outreach heldOn {date}", "/api/outreach", new
            {
                kind = "AntiFraudTalk", title = "防范电信诈骗讲座", place = "社区活动室", heldOn = date, audience = 30, areaCode = SweepTargets.Chongqing,
            }, "heldOn");
        }
        foreach (var (start, end) in new[] { ("0001-01-01T00:30:00+08:00", "0001-01-01T02:00:00+08:00"), ("9999-12-31T10:00:00+08:00", "9999-12-31T11:00:00+08:00") })
        {
            await ExpectAsync($"patrol {start}", "/api/patrols", new { teamId = team.Id, startedAt = start, endedAt = end, route = "东门—菜市场", participants = 3 },
                "startedAt", "endedAt");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task CoordinatesOffTheGlobeAreNamedAndNothingIsStored()
    {
        var officer = await app.ClientAsync("demo.officer");
        var anonymous = await app.ClientAsync(null);
        var grid = (await officer.GetJsonAsync<AreaDetailDto>($"/api/areas/{SecurityDb.ChongqingGrid}")).Area;
        var (lat, lng) = (grid.Lat!.Value, grid.Lng!.Value);
        var wrong = new List<string>();

        foreach (var (la, lo, field) in new (object, object, string)[] { (91.0, lng, "lat"), (lat, 181.0, "lng"), ("NaN", "NaN", "lat"), (-90.5, lng, "lat") })
        {
            var body = Case();
            (body["lat"], body["lng"]) = (la, lo);
            var (response, changes) = await SecurityDb.WatchAsync(app, () => officer.PostAsJsonAsync("/api/disputes", body));
            var got = await FieldsAsync(response);
            if (!Named(got).Contains(field) || changes.Length > 0)
            {
                wrong.Add($"case at ({la}, {lo}): expected 400 naming {field} and nothing written, got {got} {changes}");
            }
        }
        string F(double d) => d.ToString(CultureInfo.InvariantCulture);
        foreach (var (la, lo, field) in new[] { ("91", F(lng), "lat"), (F(lat), "181", "long"), ("NaN", "NaN", "lat"), ("Infinity", F(lng), "lat") })
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "danger-fallingobject", ["description"] = "窗台花盆松动", ["lat"] = la, ["long"] = lo,
            });
            var (response, changes) = await SecurityDb.WatchAsync(app, () => anonymous.PostAsync("/open311/v2/requests.json", form));
            var text = await response.Content.ReadAsStringAsync();
            // Open311 answers with the spec's errors array: [{"code":400,"description":"lat: …"}].
            var named = response.StatusCode == HttpStatusCode.BadRequest && JsonDocument.Parse(text).RootElement is { ValueKind: JsonValueKind.Array } errors
                && errors.EnumerateArray().Any(e => e.GetProperty("description").GetString()!.StartsWith(field + ":", StringComparison.Ordinal));
            if (!named || changes.Length > 0)
            {
                wrong.Add($"Open311 report at ({la}, {lo}): expected 400 naming {field} and nothing written, got {(int)response.StatusCode} {text} {changes}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

public sealed class SqliteHostileInputTests(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHostileInputTests(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
