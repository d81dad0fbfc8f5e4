using Fengqiao.Features.Open311;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fengqiao.Features.Demo;
using Fengqiao.Features.Households;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fengqiao.Tests.Reliability;

/// <summary>
/// The database cannot take a write (full disk, read-only, connection lost mid-transaction): the caller gets 503 with
/// Retry-After and a message in their language, nothing of the operation is kept, reads go on, and the next write
/// after the fault clears works on the same node without a restart. Retried POSTs with one Idempotency-Key make one record.
/// </summary>
public abstract class FaultTests(FengqiaoApp app)
{
    private const string English = "The database cannot save right now; nothing was changed. Try again shortly.";
    private const string Chinese = "数据库暂时无法保存，未做任何更改，请稍后重试。";
    private const string Grid = "220104001001002";

    [Fact]
    public async Task AFullDiskAnswers503InTheCallersLanguageKeepsNothingAndRecoversWhenSpaceReturns()
    {
        Available();
        var faults = new FaultInjector();
        await using var node = faults.Node(app);
        var en = Client(node, "en");
        var zh = Client(node, "zh-CN");
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(en)).StatusCode);
        try
        {
            if (app.Provider == DatabaseProvider.Sqlite)
            {
                // The file may grow by two more pages, on no connection of this node more.
                faults.OnEveryConnection($"PRAGMA max_page_count = {await SqlitePagesAsync() + 2};");
            }
            else
            {
                // PostgreSQL has no page limit to set: the node meets the server's answer to a full disk on every insert of a report.
                faults.BeforeInsertInto("ResidentRequests", int.MaxValue, FaultInjector.DiskFull);
            }
            await AssertRefusedAsync(await UntilRefusedAsync(en), English);
            await AssertRefusedAsync(await UntilRefusedAsync(zh), Chinese);
        }
        finally
        {
            faults.Clear();
            faults.OnEveryConnection(app.Provider == DatabaseProvider.Sqlite ? FaultInjector.SqliteUnlimited : "");
        }
        // Space is back: the same node takes the next report, without a restart.
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(en)).StatusCode);
    }

    [Fact]
    public async Task AReadOnlyDatabaseStillAnswersReadsAndRefusesWritesCleanly()
    {
        Available();
        var faults = new FaultInjector();
        await using var node = faults.Node(app);
        // Signing in writes a session: done before the database turns read-only.
        var officer = await SignInAsync(node, "demo.officer");
        var anonymous = Client(node, "en");
        try
        {
            await ReadOnlyAsync(faults, true);
            await AssertRefusedAsync(await UntilRefusedAsync(anonymous), English);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/open311/v2/requests.json")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/households?area=220104001")).StatusCode);
        }
        finally
        {
            await ReadOnlyAsync(faults, false);
        }
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(anonymous)).StatusCode);
    }

    [Fact]
    public async Task AConnectionLostMidTransactionLeavesNothingHalfWritten()
    {
        Available();
        var faults = new FaultInjector();
        await using var node = faults.Node(app);
        var officer = await SignInAsync(node, "demo.officer");
        var (head, spouse) = (NewId(), NewId());
        var address = $"重庆路{Random.Shared.Next(1000, 9999)}号 断线测试楼1单元101";
        var household = HouseholdBody(address, head, spouse);
        var counters = await CountersAsync();

        // The counter is bumped and the household inserted in the transaction; then the members' insert loses the connection
        // (PostgreSQL: the server ends the session; SQLite: the disk answers with an I/O error).
        faults.BeforeInsertInto("Residents", 1, app.Provider == DatabaseProvider.Sqlite
            ? FaultInjector.IoError
            : FaultInjector.TerminateBackend(FaultInjector.ConnectionOf(app)));
        var lost = await officer.PostAsJsonAsync("/api/households", household);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), lost.Headers.RetryAfter?.Delta);

        Assert.Equal(0, await HouseholdsAtAsync(officer, address));
        Assert.Empty((await LookupAsync(officer, head)).Items);
        Assert.Empty((await LookupAsync(officer, spouse)).Items);
        Assert.Equal(counters, await CountersAsync());

        // A new connection from the pool: the same request goes through, once.
        var retried = await officer.PostAsJsonAsync("/api/households", household);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(2, (await retried.Content.ReadFromJsonAsync<HouseholdDto>(Api.Json))!.Members.Count);
        Assert.Equal(1, await HouseholdsAtAsync(officer, address));
    }

    [Fact]
    public async Task RetriedPostsWithOneIdempotencyKeyCreateOneRecord()
    {
        var officer = await app.ClientAsync("demo.officer");
        var address = $"重庆路{Random.Shared.Next(1000, 9999)}号 重试测试楼2单元202";
        var household = HouseholdBody(address, NewId());
        var key = Guid.NewGuid().ToString("N");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await PostOnceAsync(officer, household, key));
        }
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.False(Replayed(answers[0]));
        Assert.True(Replayed(answers[1]) && Replayed(answers[2]), "the 2nd and 3rd answers are replays");
        Assert.Equal(1, await HouseholdsAtAsync(officer, address));

        // The same key for another request is the client's mistake, and makes nothing.
        var other = await PostOnceAsync(officer, HouseholdBody(address + "甲", NewId()), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(0, await HouseholdsAtAsync(officer, address + "甲"));

        // Two at once (a double click, a client retrying before the first answer): one record; the other waits its turn or replays.
        var together = $"重庆路{Random.Shared.Next(1000, 9999)}号 并发测试楼3单元303";
        var body = HouseholdBody(together, NewId());
        var second = Guid.NewGuid().ToString("N");
        var both = await Task.WhenAll(PostOnceAsync(officer, body, second), PostOnceAsync(officer, body, second));
        Assert.Equal(1, await HouseholdsAtAsync(officer, together));
        var made = Assert.Single(both, r => r.StatusCode == HttpStatusCode.Created && !Replayed(r));
        var rest = Assert.Single(both, r => r != made);
        Assert.True(rest.StatusCode == HttpStatusCode.Conflict || (rest.StatusCode == HttpStatusCode.Created && Replayed(rest)),
            $"the concurrent twin answered {(int)rest.StatusCode}");
    }

    private void Available() => Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");

    private static HttpClient Client(WebApplicationFactory<Program> node, string culture)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> node, string userName)
    {
        var client = Client(node, "en");
        var response = await client.PostAsJsonAsync("/api/account/login", new { userName, password = DemoAccounts.Password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A resident's Open311 report with a long description (a full page of text, so that a page limit is met soon).</summary>
    private static Task<HttpResponseMessage> ReportAsync(HttpClient client) =>
        client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "tip", ["lat"] = "43.887", ["long"] = "125.3076",
            ["description"] = string.Concat(Enumerable.Repeat("楼道里堆满杂物，消防通道被堵，多次反映无人处理。", 120)),
        }));

    /// <summary>Reports until one is refused, each checked: a refused one left no row, the others were taken.</summary>
    private async Task<HttpResponseMessage> UntilRefusedAsync(HttpClient client)
    {
        for (var i = 0; i < 400; i++)
        {
            var before = await ReportsAsync();
            var response = await ReportAsync(client);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal(before, await ReportsAsync());
                return response;
            }
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        Assert.Fail("400 reports went through; the fault never showed");
        return null!;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string title)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // problem+json has a title; were Open311 to answer with its spec's errors array, the message is the description.
        var shown = body.ValueKind == JsonValueKind.Array ? body[0].GetProperty("description").GetString() : body.GetProperty("title").GetString();
        Assert.Equal(title, shown);
    }

    private async Task<int> ReportsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().ResidentRequests.IgnoreQueryFilters().CountAsync();
    }

    /// <summary>The household-number counters of the test grid, summed: a rolled-back registration leaves them as they were.</summary>
    private async Task<int> CountersAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Set<CodeCounter>().Where(c => c.Series.Contains(Grid)).SumAsync(c => c.Last);
    }

    private async Task<long> SqlitePagesAsync()
    {
        var csb = new SqliteConnectionStringBuilder(FaultInjector.ConnectionOf(app)) { Pooling = false };
        await using var connection = new SqliteConnection(csb.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>SQLite: query_only on each of the node's connections. PostgreSQL: the database's default for new sessions, as on a read-only standby.</summary>
    private async Task ReadOnlyAsync(FaultInjector faults, bool on)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            faults.OnEveryConnection(on ? "PRAGMA query_only = 1;" : FaultInjector.SqliteUnlimited);
            return;
        }
        var csb = new NpgsqlConnectionStringBuilder(FaultInjector.ConnectionOf(app));
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(csb.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        var change = on ? "SET default_transaction_read_only = on" : "RESET default_transaction_read_only";
        await using var command = new NpgsqlCommand($"ALTER DATABASE \"{csb.Database}\" {change}", admin);
        await command.ExecuteNonQueryAsync();
        // A database's settings apply to new sessions: the pools open new ones.
        NpgsqlConnection.ClearAllPools();
    }

    private static Task<HttpResponseMessage> PostOnceAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/households") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");

    private static async Task<int> HouseholdsAtAsync(HttpClient client, string address) =>
        (await client.PageAsync<HouseholdRow>($"/api/households?q={Uri.EscapeDataString(address)}")).Items.Count(h => h.Address == address);

    private static async Task<Fengqiao.Infrastructure.Web.Page<ResidentDto>> LookupAsync(HttpClient client, string idNumber)
    {
        var response = await client.PostAsJsonAsync("/api/residents/lookup", new { idNumber });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Fengqiao.Infrastructure.Web.Page<ResidentDto>>(Api.Json))!;
    }

    private static object HouseholdBody(string address, params string[] ids) => new
    {
        address, areaCode = Grid, phone = "13912340000", tags = "None",
        members = ids.Select((id, i) => new { name = i == 0 ? "钱建国" : "李秀梅", idNumber = id, relation = i == 0 ? "Head" : "Spouse" }).ToArray(),
    };

    private static int _next = Random.Shared.Next(0, 3000);

    /// <summary>A valid ID number no one else in the database has (Xicheng District, Beijing; a birth date of its own).</summary>
    private static string NewId()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Interlocked.Increment(ref _next));
        var first17 = "110102" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "582";
        return first17 + ChineseIdNumber.CheckChar(first17);
    }
}

public sealed class SqliteFaultTests(SqliteApp app) : FaultTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFaultTests(PostgresApp app) : FaultTests(app), IClassFixture<PostgresApp>;
