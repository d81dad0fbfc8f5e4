using System.Net.Http.Json;
using Fengqiao.Features.Demo;
using Fengqiao.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Fengqiao.Tests.Infrastructure;

/// <summary>
/// The real app with its demo data, on a database of its own. Only the database differs
/// between the SQLite and PostgreSQL variants; every test runs against both.
/// </summary>
public abstract class FengqiaoApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _connection;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why this database cannot be tested here (only ever set outside CI).</summary>
    public string? SkipReason { get; private set; }

    protected virtual bool DemoEnabled => true;

    protected abstract Task<string> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        try
        {
            _connection = await CreateDatabaseAsync();
        }
        catch (DatabaseUnavailableException e) when (!TestEnvironment.IsCi)
        {
            SkipReason = e.Message;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Fengqiao", _connection);
        builder.UseSetting("Demo:Enabled", DemoEnabled ? "true" : "false");
        TestSettings.Apply(builder);
        builder.UseSetting("Open311:ApiKeys:0", Open311Key);
    }

    public const string Open311Key = "test-open311-key";

    /// <summary>A second app node on the same database, as behind a load balancer.</summary>
    public WebApplicationFactory<Program> SecondNode() => new Node(Provider, _connection!);

    private sealed class Node(DatabaseProvider provider, string connection) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("ConnectionStrings:Fengqiao", connection);
            builder.UseSetting("Demo:Enabled", "true");
            TestSettings.Apply(builder);
        }
    }

    /// <summary>A client with its own cookie jar, signed in as a demo account (or anonymous for null).</summary>
    public async Task<HttpClient> ClientAsync(string? userName, string culture = "en")
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        if (userName is not null)
        {
            var response = await client.PostAsJsonAsync("/api/account/login", new { userName, password = DemoAccounts.Password, code = TestSettings.CodeFor(userName) });
            Assert.True(response.IsSuccessStatusCode, $"sign-in as {userName} failed: {(int)response.StatusCode}");
        }
        return client;
    }
}

/// <summary>Fixed keys for personal fields, the same for the seeded templates and every app built from them.</summary>
public static class TestSettings
{
    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Privacy:Keys:t1", "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMzJieXQ=");
        builder.UseSetting("Privacy:HashKey", "dGVzdC1oYXNoLWtleS10ZXN0LWhhc2gta2V5LTMyYnk=");
        // Tests sign in and call far faster than a person; the limits have tests of their own.
        builder.UseSetting("Limits:PerClientPerSecond", "100000");
        builder.UseSetting("Limits:SignInsPerMinute", "100000");
        builder.UseSetting("Limits:Concurrency", "1000");
        // Parallel tests share one thread pool; its backlog says nothing about one app's load here.
        builder.UseSetting("Limits:MaxBacklog", "0");
        // The demo administrators sign in many times a minute with the current code; one-use codes have their own test.
        builder.UseSetting("SecondFactor:RejectReusedCodes", "false");
        // A test host stops at once: no load balancer needs time to notice (ReadinessTests sets its own grace).
        builder.UseSetting("Cluster:DrainGraceSeconds", "0");
    }

    /// <summary>The current code of the demo authenticator, for the accounts that need a second factor.</summary>
    public static string? CodeFor(string userName) =>
        DemoAccounts.All.FirstOrDefault(a => a.UserName == userName) is { } a && DemoAccounts.NeedsSecondFactor(a)
            ? new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey)).ComputeTotp()
            : null;
}

public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);

public static class TestEnvironment
{
    /// <summary>In CI a missing database or browser is a failure, never a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
