using System.Net;
using System.Text.Json;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Platform;

/// <summary>
/// Every list of the API, as every demo role: the <c>total</c> a list announces is what paging through it returns. A row
/// dropped by the scope of a navigation (a seconded officer whose home organ the station cannot see) while the count keeps
/// it shows here as a total larger than the rows. The lists are read from the app's endpoints, so a new one is covered.
/// </summary>
public abstract class ListTotalsTests(FengqiaoApp app)
{
    private static readonly string[] Accounts =
    [
        "demo.admin", "demo.province", "demo.director", "demo.officer", "demo.officer2", "demo.weidong", "demo.grid", "demo.clerk",
    ];

    [Fact]
    public async Task EveryListsTotalIsWhatPagingThroughItReturnsForEveryRole()
    {
        _ = await app.ClientAsync(null);
        var lists = PagedLists(app.Services);
        Assert.Contains("/api/secondments", lists);
        Assert.Contains("/api/people", lists);
        var wrong = new List<string>();
        var checkedLists = 0;
        foreach (var account in Accounts)
        {
            var client = await app.ClientAsync(account);
            foreach (var list in lists)
            {
                var (total, rows, status) = await PageThroughAsync(client, list);
                if (status != HttpStatusCode.OK)
                {
                    continue; // a list this role may not read, or one that needs a filter: the access sweep covers those
                }
                checkedLists++;
                if (total != rows)
                {
                    wrong.Add($"{account} {list}: total {total}, rows {rows}");
                }
            }
        }
        Assert.True(checkedLists > Accounts.Length * 10, $"only {checkedLists} lists could be read: is the discovery finding the API's lists?");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>GET routes without route parameters that answer a <see cref="Page{T}"/>.</summary>
    private static List<string> PagedLists(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0
                && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? false)
                && e.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Any(p => p.Type is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Page<>)))
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Distinct().Order(StringComparer.Ordinal)];

    private static async Task<(int Total, int Rows, HttpStatusCode Status)> PageThroughAsync(HttpClient client, string list)
    {
        int total = 0, rows = 0;
        for (var page = 1; page <= 500; page++)
        {
            var response = await client.GetAsync($"{list}?page={page}&pageSize={Paging.MaxSize}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (0, 0, response.StatusCode);
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            total = json.RootElement.GetProperty("total").GetInt32();
            var items = json.RootElement.GetProperty("items").GetArrayLength();
            rows += items;
            if (items < Paging.MaxSize)
            {
                break;
            }
        }
        return (total, rows, HttpStatusCode.OK);
    }
}

public sealed class SqliteListTotalsTests(SqliteApp app) : ListTotalsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresListTotalsTests(PostgresApp app) : ListTotalsTests(app), IClassFixture<PostgresApp>;
