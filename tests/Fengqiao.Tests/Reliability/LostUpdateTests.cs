using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Reliability;

/// <summary>
/// Eight people edit the same case at once through the API, each sending the version they read: every edit that was
/// acknowledged counts, the rest get 409 with the current state. A control run that ignores the version (last write
/// wins) shows the test can see a lost update. FENGQIAO_EDITS_PER_WORKER sets the size (CI: 40; the recorded run: 500).
/// </summary>
public abstract class LostUpdateTests(FengqiaoApp app)
{
    private const int Workers = 8;
    private static readonly int EditsPerWorker =
        int.TryParse(Environment.GetEnvironmentVariable("FENGQIAO_EDITS_PER_WORKER"), CultureInfo.InvariantCulture, out var n) ? n : 40;

    [Fact]
    public async Task EightConcurrentEditorsLoseNothingAndConflictsAre409WithTheCurrentState()
    {
        var (id, start, acked, conflicts, final) = await RunAsync(respectVersion: true);
        Assert.Equal(Workers * EditsPerWorker, acked);
        Assert.Equal(start + acked, final);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"LOST-UPDATES db={app.Provider} case={id} workers={Workers} edits={acked} conflicts={conflicts} lost={start + acked - final}");
    }

    [Fact]
    public async Task TheControlWithoutTheVersionCheckDoesLoseEdits()
    {
        var (_, start, acked, _, final) = await RunAsync(respectVersion: false);
        Assert.True(final < start + acked, $"last-write-wins kept all {acked} edits; the test could not see a lost update");
        TestContext.Current.TestOutputHelper?.WriteLine($"LOST-UPDATES-CONTROL db={app.Provider} edits={acked} lost={start + acked - final}");
    }

    private async Task<(int Id, int Start, int Acked, int Conflicts, int Final)> RunAsync(bool respectVersion)
    {
        var reader = await app.ClientAsync("demo.officer");
        var page = await reader.GetFromJsonAsync<JsonElement>("/api/disputes?pageSize=100");
        // A case that may be edited, and one per run, so that the two tests of a class do not edit each other's.
        var editable = new List<int>();
        foreach (var candidate in page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order())
        {
            var detail = await reader.GetFromJsonAsync<JsonElement>($"/api/disputes/{candidate}");
            if (detail.GetProperty("allowedActions").EnumerateArray().Any(a => a.GetString() == "Edit"))
            {
                editable.Add(candidate);
            }
            if (editable.Count == 2)
            {
                break;
            }
        }
        var id = editable[respectVersion ? 0 : 1];
        var start = (await reader.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}")).GetProperty("peopleInvolved").GetInt32();
        var clients = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => app.ClientAsync("demo.officer")));
        var results = await Task.WhenAll(clients.Select(c => Task.Run(() => WorkAsync(c, id, respectVersion))));
        var final = (await reader.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}")).GetProperty("peopleInvolved").GetInt32();
        return (id, start, results.Sum(r => r.Acked), results.Sum(r => r.Conflicts), final);
    }

    private static async Task<(int Acked, int Conflicts)> WorkAsync(HttpClient client, int id, bool respectVersion)
    {
        var (acked, conflicts) = (0, 0);
        // Each answer, 200 or 409, carries the case as it now is: the editor goes on from that, as the page does.
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}");
        while (acked < EditsPerWorker)
        {
            var version = read.GetProperty("case").GetProperty("version").GetInt64();
            var next = read.GetProperty("peopleInvolved").GetInt32() + 1;
            HttpResponseMessage response;
            do
            {
                response = await client.PutAsJsonAsync($"/api/disputes/{id}", Edit(read, next, version));
                if (response.StatusCode == HttpStatusCode.Conflict && !respectVersion)
                {
                    // The control: take whatever version is stored now and write the stale value over it.
                    version = (await response.ProblemAsync()).GetProperty("current").GetProperty("case").GetProperty("version").GetInt64();
                }
            }
            while (response.StatusCode == HttpStatusCode.Conflict && !respectVersion);
            if (response.IsSuccessStatusCode)
            {
                acked++;
                read = await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                var current = (await response.ProblemAsync()).GetProperty("current");
                Assert.True(current.GetProperty("case").GetProperty("version").GetInt64() > version, "a 409 carries the newer state");
                read = current;
                conflicts++;
            }
        }
        return (acked, conflicts);
    }

    private static object Edit(JsonElement read, int peopleInvolved, long version) => new
    {
        title = read.GetProperty("case").GetProperty("title").GetString(),
        summary = read.GetProperty("summary").GetString(),
        category = read.GetProperty("case").GetProperty("category").GetString(),
        risk = read.GetProperty("case").GetProperty("risk").GetString(),
        address = read.TryGetProperty("address", out var a) ? a.GetString() : null,
        peopleInvolved,
        version,
    };
}

public sealed class SqliteLostUpdateTests(SqliteApp app) : LostUpdateTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLostUpdateTests(PostgresApp app) : LostUpdateTests(app), IClassFixture<PostgresApp>;
