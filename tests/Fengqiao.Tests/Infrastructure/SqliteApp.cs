using Fengqiao.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Fengqiao.Tests.Infrastructure;

/// <summary>
/// SQLite: the demo database is built once per test run (migrations + seed through the real
/// start-up) and copied for every test class, so classes never see each other's writes.
/// </summary>
public class SqliteApp : FengqiaoApp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    internal static string Folder { get; } = Directory.CreateTempSubdirectory("fengqiao-tests-").FullName;

    protected override async Task<string> CreateDatabaseAsync()
    {
        var template = await TemplateAsync(DemoEnabled);
        var file = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        if (template is not null)
        {
            File.Copy(template, file);
        }
        return $"Data Source={file}";
    }

    private static async Task<string?> TemplateAsync(bool demo)
    {
        if (!demo)
        {
            return null;
        }
        await Gate.WaitAsync();
        try
        {
            if (_template is null)
            {
                var file = Path.Combine(Folder, "template.db");
                await using (var builder = new TemplateBuilder($"Data Source={file}"))
                {
                    builder.Start();
                }
                SqliteConnection.ClearAllPools();
                await using (var c = new SqliteConnection($"Data Source={file}"))
                {
                    await c.OpenAsync();
                    await using var cmd = c.CreateCommand();
                    cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    await cmd.ExecuteNonQueryAsync();
                }
                SqliteConnection.ClearAllPools();
                _template = file;
            }
            return _template;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts the app once on the template file so that start-up migrates and seeds it.</summary>
    private sealed class TemplateBuilder(string connection) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        public void Start() => _ = Services;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Fengqiao", connection);
            builder.UseSetting("Demo:Enabled", "true");
            TestSettings.Apply(builder);
        }
    }
}

/// <summary>A SQLite app started outside demo mode, on an empty database.</summary>
public sealed class ProductionSqliteApp : SqliteApp
{
    protected override bool DemoEnabled => false;
}
