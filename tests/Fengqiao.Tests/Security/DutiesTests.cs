using Fengqiao.Features.Open311;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Account;
using Fengqiao.Features.Demo;
using Fengqiao.Features.Users;
using Fengqiao.Infrastructure.Audit;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fengqiao.Tests.Security;

/// <summary>
/// Separated duties (the security officer manages accounts, the administrator cannot), every change in the audit log,
/// no secrets in the logs, and Open311 reporters' contact details encrypted at rest.
/// </summary>
public abstract class DutiesTests(FengqiaoApp app)
{
    [Fact]
    public async Task OnlyTheSecurityOfficerChangesRolesAndAChangeEndsTheAccountsSessions()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("demo.admin")).GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("demo.auditor")).GetAsync("/api/users")).StatusCode);
        var security = await app.ClientAsync("demo.security");
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/disputes")).StatusCode);

        var clerk = await app.ClientAsync("demo.clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/account/me")).StatusCode);
        var account = (await security.PageAsync<UserDto>("/api/users?search=demo.clerk")).Items.Single();
        Assert.Equal([Roles.Clerk], account.Roles);
        Assert.True(account.Sessions > 0);

        var stale = await security.PutAsJsonAsync($"/api/users/{account.Id}/roles", new { roles = new[] { Roles.Clerk, Roles.Officer }, concurrencyStamp = "stale" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var unknown = await security.PutAsJsonAsync($"/api/users/{account.Id}/roles", new { roles = new[] { "Emperor" }, concurrencyStamp = account.ConcurrencyStamp });
        Assert.Contains("roles", (await unknown.ErrorsAsync()).Keys);
        var changed = await security.PutAsJsonAsync($"/api/users/{account.Id}/roles", new { roles = new[] { Roles.Clerk, Roles.Officer }, concurrencyStamp = account.ConcurrencyStamp });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        // The clerk's open session ended with the change; signing in again gives the new roles.
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync("/api/account/me")).StatusCode);
        var again = await (await app.ClientAsync("demo.clerk")).GetJsonAsync<MeDto>("/api/account/me");
        Assert.Equal([Roles.Officer, Roles.Clerk], again.Roles.Order().Reverse().ToArray());
    }

    [Fact]
    public async Task EveryChangeIsAuditedWithTheFieldsItTouchedButNotTheirValues()
    {
        var officer = await app.ClientAsync("demo.officer");
        var created = await officer.PostAsJsonAsync("/api/outreach", new
        {
            kind = "AntiFraudTalk", title = "防范养老诈骗讲座", place = "重庆路社区活动室", heldOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), audience = 42, areaCode = "220104001",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        var auditor = await app.ClientAsync("demo.auditor");
        var entries = (await auditor.PageAsync<AuditEntryDto>($"/api/audit?entity=OutreachActivities&entityId={id}")).Items;
        var entry = Assert.Single(entries);
        Assert.Equal(("create", "demo.officer"), (entry.Action, entry.UserName));
        Assert.StartsWith("/22/2201/220104/220104001/", entry.AreaPath);
        Assert.DoesNotContain("防范养老诈骗", entry.Reason ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPasswordCodeIdNumberOrPhoneReachesTheLogsAndReportersContactsAreEncrypted()
    {
        var lines = new ConcurrentQueue<string>();
        await using var node = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new Capture(lines)).SetMinimumLevel(LogLevel.Debug)));
        var anonymous = node.CreateClient();
        await anonymous.PostAsJsonAsync("/api/account/login", new { userName = "demo.director", password = "Secret-Maple-4417" });
        await anonymous.PostAsJsonAsync("/api/account/login", new { userName = "demo.admin", password = DemoAccounts.Password, code = "918273" });
        var phone = "13987654321";
        var email = "li.reporter@example.cn";
        var posted = await anonymous.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "tip", ["description"] = "楼道里有人推销保健品", ["lat"] = "43.887", ["long"] = "125.3076",
            ["phone"] = phone, ["email"] = email,
        }));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var lookup = await (await app.ClientAsync("demo.officer")).PostAsJsonAsync("/api/residents/lookup", new { idNumber = "220104198001011234" });
        Assert.NotEqual(HttpStatusCode.InternalServerError, lookup.StatusCode);

        var all = string.Join("\n", lines);
        Assert.NotEmpty(lines);
        foreach (var secret in new[] { "Secret-Maple-4417", "918273", phone, email, "220104198001011234", DemoAccounts.Password })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var stored = await db.ResidentRequests.IgnoreQueryFilters().AsNoTracking().OrderByDescending(r => r.Id).FirstAsync(r => r.Description == "楼道里有人推销保健品");
        Assert.DoesNotContain(phone, stored.Phone, StringComparison.Ordinal);
        Assert.DoesNotContain(email, stored.Email, StringComparison.Ordinal);
        Assert.Equal(phone, scope.ServiceProvider.GetRequiredService<FieldProtector>().Unprotect(stored.Phone!));
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}

public sealed class SqliteDutiesTests(SqliteApp app) : DutiesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDutiesTests(PostgresApp app) : DutiesTests(app), IClassFixture<PostgresApp>;
