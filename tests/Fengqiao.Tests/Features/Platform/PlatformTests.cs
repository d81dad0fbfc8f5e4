using System.Net;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Tests.Features.Platform;

public abstract class PlatformTests(FengqiaoApp app)
{
    [Fact]
    public async Task HealthIsOkWhenTheDatabaseAnswers()
    {
        var client = await app.ClientAsync(null);
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryFeature()
    {
        var client = await app.ClientAsync(null);
        var doc = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/areas", "/api/units", "/api/people", "/api/posts/{id}", "/api/secondments", "/api/account/login",
            "/api/bridges/12345/orders", "/open311/v2/servicerequestupdates.{format}" })
        {
            Assert.Contains($"\"{path}\"", doc, StringComparison.Ordinal);
        }
        // The calls Fengqiao makes to subscribers are documented too, with how to check their signature.
        var webhooks = System.Text.Json.JsonDocument.Parse(doc).RootElement.GetProperty("webhooks");
        var resolved = webhooks.GetProperty("request.resolved").GetProperty("post");
        Assert.Contains("HMAC-SHA256", resolved.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(resolved.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Fengqiao-Signature");
        Assert.Contains("serviceRequestId", resolved.GetProperty("requestBody").ToString(), StringComparison.Ordinal);
        Assert.Contains("incidentNumber", webhooks.GetProperty("diversion.answered").GetProperty("post").GetProperty("requestBody").ToString(), StringComparison.Ordinal);
        var docs = await client.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("Fengqiao API", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsAreProblemDetailsWithoutStackTraces()
    {
        var admin = await app.ClientAsync("demo.admin");
        var response = await admin.PostAsync("/api/areas", new StringContent("{\"code\": [", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqlitePlatformTests(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPlatformTests(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;

/// <summary>A model change without a migration for either provider fails here, not in production.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = new SqliteAppDb(SqliteAppDb.Options("Data Source=:memory:"), Jurisdiction.System());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --project src/Fengqiao.Migrations.Sqlite --startup-project src/Fengqiao --context SqliteAppDb");
    }

    [Fact]
    public void PostgresMigrationsMatchTheModel()
    {
        using var db = new PostgresAppDb(PostgresAppDb.Options("Host=unused"), Jurisdiction.System());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --project src/Fengqiao.Migrations.Postgres --startup-project src/Fengqiao --context PostgresAppDb");
    }
}
