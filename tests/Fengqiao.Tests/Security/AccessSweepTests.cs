using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Security;

/// <summary>
/// Every endpoint and page of the running app × every role × a record of another jurisdiction: no answer is a 2xx for
/// that record, none is a 5xx, none shows its code or text, and nothing in the database changes. The endpoint list is
/// read from the app at run time, so a new endpoint is swept the day it is added.
/// </summary>
public abstract class AccessSweepTests(FengqiaoApp app)
{
    /// <summary>One account per role, the two officers of rival stations, a province-wide leader, and no account at all.</summary>
    private static readonly string?[] Accounts =
    [
        "demo.officer", "demo.officer2", "demo.director", "demo.grid", "demo.clerk", "demo.province",
        "demo.auditor", "demo.security", "demo.volunteer", null,
    ];

    [Fact]
    public async Task NoRoleSeesOrChangesARecordOfAnotherJurisdiction()
    {
        _ = await app.ClientAsync(null); // starts the app (or skips when its database is not there)
        var routes = SweepRoutes.Discover(app.Services);
        Assert.True(routes.Count > 100, $"only {routes.Count} endpoints were found: is the endpoint data source the app's?");
        var before = await SecurityDb.FingerprintAsync(app);
        var today = app.Services.GetRequiredService<LocalClock>().Today;
        var proseChecked = new Dictionary<string, bool>(StringComparer.Ordinal);
        var run = new SweepRun();

        foreach (var account in Accounts)
        {
            var client = await app.ClientAsync(account);
            var (scope, targets) = await SecurityDb.QueryAsync(app, async db =>
            {
                var s = await SweepTargets.ScopeAsync(db, today, account, CancellationToken.None);
                return (s, await SweepTargets.FindAsync(db, s, SweepTargets.RivalOf(account), proseChecked, CancellationToken.None));
            });
            // Only the province-wide leader may have nothing foreign; for anyone else an empty set would make the sweep hollow.
            Assert.True(account == "demo.province" || targets.Values.Count(t => t is not null) >= 10,
                $"{scope.Account}: only {targets.Values.Count(t => t is not null)} kinds of foreign record found ({string.Join(", ", scope.Paths)})");
            foreach (var route in routes)
            {
                await run.ProbeAsync(client, scope.Account, route, targets);
            }
        }
        var after = await SecurityDb.FingerprintAsync(app);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"ACCESS-SWEEP requests={run.Requests} roles={Accounts.Length} endpoints={routes.Count} leaks={run.Leaks}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"ACCESS-SWEEP detail: foreign-record calls={run.ForeignCalls} bogus-id calls={run.BogusCalls} violations={run.Violations.Count}");
        Assert.True(run.Violations.Count == 0,
            $"{run.Violations.Count} access violations (role, method, path [template] -> status: why):\n" + string.Join("\n", run.Violations));
        Assert.True(SecurityDb.Changes(before, after).Length == 0, "the sweep changed the database: " + SecurityDb.Changes(before, after));
    }

    [Fact]
    public void TheRouteTableKnowsTheCaseRoutesAndListsTheOnesItDoesNotMap()
    {
        // Not an assertion on the app: a list for whoever extends the table, printed with the test's output.
        var routes = SweepRoutes.Discover(GetServices());
        foreach (var route in routes.Where(r => r.NamesRecord && r.Kind is null))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"unmapped (called with id {SweepRoutes.Bogus}): {route.Method} {route.Template}");
        }
        Assert.Contains(routes, r => r.Template == "/api/disputes/{id:int}" && r.Kind == Kind.Dispute);
        Assert.Contains(routes, r => r.IsPage && r.Template == "/disputes/{id:int}" && r.Kind == Kind.Dispute);
    }

    private IServiceProvider GetServices()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        return app.Services;
    }
}

/// <summary>The calls of one sweep and what was wrong with their answers.</summary>
internal sealed class SweepRun
{
    private static readonly int[] RefusedForARecord = [400, 401, 403, 404, 405, 415];

    public List<string> Violations { get; } = [];
    public int Requests { get; private set; }
    public int Leaks { get; private set; }
    public int ForeignCalls { get; private set; }
    public int BogusCalls { get; private set; }

    public async Task ProbeAsync(HttpClient client, string role, SweepRoute route, IReadOnlyDictionary<Kind, Foreign?> targets)
    {
        var (path, record) = route.Resolve(targets);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        Requests++;
        if (route.NamesRecord && record is null)
        {
            BogusCalls++;
        }
        else if (route.NamesRecord)
        {
            ForeignCalls++;
        }
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var why = Status(route, record, response) ?? Shown(route, targets.Values, body);
        if (why is not null)
        {
            Violations.Add($"{role} {route.Method} {path} [{route.Template}] -> {status}: {why}");
        }
    }

    /// <summary>What is wrong with the status, or null.</summary>
    private string? Status(SweepRoute route, Foreign? record, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "server error";
        }
        if (status == 429)
        {
            return "rate-limited, so not checked (FengqiaoApp must raise Limits for tests)";
        }
        if (!route.NamesRecord || (route.IsPublic && record is not null))
        {
            return null; // a list, a form, a create with an empty body; or a public record (an outlet's display, a public board)
        }
        if (route.IsPage)
        {
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
            var toSignIn = status is 301 or 302 or 303 or 307 or 308
                && (location.StartsWith("/account/", StringComparison.Ordinal) || location.StartsWith("/portal/login", StringComparison.Ordinal));
            return status is 404 or 403 || toSignIn ? null : Leak(status, "a page of another jurisdiction's record must be 404 (or send a stranger to sign in)");
        }
        return RefusedForARecord.Contains(status) ? null : Leak(status, record is null
            ? $"a call with an id nothing has ({SweepRoutes.Bogus}) must be 404 (or 400/401/403)"
            : $"another jurisdiction's {record.Kind} {record.Id} must be 404 (or 400/401/403)");
    }

    private string Leak(int status, string message)
    {
        if (status is >= 200 and < 300)
        {
            Leaks++;
        }
        return message;
    }

    /// <summary>
    /// A foreign record's code or text in the answer (public answers may show records, never contact details).
    /// The audit log is the auditor's alone and is not scoped by area, so it is not searched.
    /// </summary>
    private string? Shown(SweepRoute route, IEnumerable<Foreign?> targets, string body)
    {
        if (body.Length == 0 || route.Template.StartsWith("/api/audit", StringComparison.Ordinal))
        {
            return null;
        }
        var decoded = body.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(body) : body;
        foreach (var t in targets.OfType<Foreign>())
        {
            foreach (var (text, what) in new[] { (route.IsPublic ? null : t.Text, "code or text"), (t.Secret, "contact details") })
            {
                if (text is not null && (Contains(body, text) || Contains(decoded, text)))
                {
                    Leaks++;
                    return $"shows the {what} of another jurisdiction's {t.Kind} {t.Id} (\"{text}\")";
                }
            }
        }
        return null;
    }

    /// <summary>Contains, with no letter or digit glued to either side ("220106001-2026-00001" is not inside "H220106001-2026-00001").</summary>
    private static bool Contains(string body, string text) =>
        body.Contains(text, StringComparison.Ordinal)
        && Regex.IsMatch(body, "(?<![A-Za-z0-9])" + Regex.Escape(text) + "(?![0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
}

public sealed class SqliteAccessSweepTests(SqliteApp app) : AccessSweepTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAccessSweepTests(PostgresApp app) : AccessSweepTests(app), IClassFixture<PostgresApp>;
