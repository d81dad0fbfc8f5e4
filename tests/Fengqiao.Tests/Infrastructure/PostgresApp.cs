using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fengqiao.Tests.Infrastructure;

/// <summary>
/// PostgreSQL: a template database is migrated (by the explicit migration path, as in
/// production) and seeded once per run; each test class gets a copy via CREATE DATABASE … TEMPLATE.
/// PgServer: FENGQIAO_TEST_POSTGRES, default the local server that scripts/test.sh starts.
/// </summary>
public class PostgresApp : FengqiaoApp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int _counter;
    private static string? _template;
    private string? _database;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    private static string PgServer =>
        Environment.GetEnvironmentVariable("FENGQIAO_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres";

    private static string For(string database) => new NpgsqlConnectionStringBuilder(PgServer) { Database = database, Pooling = true }.ConnectionString;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = $"fq_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        if (!DemoEnabled)
        {
            // Outside demo mode: empty, migrated and seeded as an operator's `migrate` does before the first start.
            await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
            await MigrateAndSeedAsync(For(_database), demo: false);
            return For(_database);
        }
        var template = await TemplateAsync();
        await ExecuteAsync($"CREATE DATABASE \"{_database}\" TEMPLATE \"{template}\"");
        return For(_database);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
        GC.SuppressFinalize(this);
    }

    private static async Task<string> TemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            var name = $"fq_template_{Environment.ProcessId}";
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            await MigrateAndSeedAsync(For(name), demo: true);
            NpgsqlConnection.ClearAllPools();
            _template = name;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(name);
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void DropQuietly(string name)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The server may already be gone at process exit; a leftover template is harmless.
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        try
        {
            await using var c = new NpgsqlConnection(PgServer);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, c);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new DatabaseUnavailableException($"PostgreSQL is not reachable at {new NpgsqlConnectionStringBuilder(PgServer).Host}: {e.Message}. Run scripts/test.sh, which starts it.", e);
        }
    }

    /// <summary>What `migrate` does on PostgreSQL: the migrations, then the seeds (a PostgreSQL web node does neither).</summary>
    private static async Task MigrateAndSeedAsync(string connection, bool demo)
    {
        await using (var db = new PostgresAppDb(PostgresAppDb.Options(connection), Jurisdiction.System()))
        {
            await db.Database.MigrateAsync();
        }
        await using var seeder = new Seeder(connection, demo);
        await seeder.Services.SeedDatabaseAsync();
    }

    private sealed class Seeder(string connection, bool demo) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Fengqiao", connection);
            builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
            TestSettings.Apply(builder);
        }
    }
}

/// <summary>A PostgreSQL app started outside demo mode, on an empty (migrated) database.</summary>
public sealed class ProductionPostgresApp : PostgresApp
{
    protected override bool DemoEnabled => false;
}
