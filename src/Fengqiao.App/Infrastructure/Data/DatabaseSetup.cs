using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public static class DatabaseSetup
{
    public const string ConnectionName = "Fengqiao";
    private const string DefaultSqlite = "Data Source=data/fengqiao.db";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WriteTurn>();
        builder.Services.AddScoped<Jurisdiction>();
        var connection = builder.Configuration.GetConnectionString(ConnectionName);
        // The options depend on configuration only: built once, not for every request's context. The interceptors are the
        // features' own (statistics' rollups, the report router), registered as IInterceptor from their AddX().

        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Fengqiao is not set.");
            }
            builder.Services.AddDbContext<AppDb, PostgresAppDb>((sp, o) => o.UseNpgsql(connection, PostgresAppDb.WithMigrations).AddInterceptors(sp.GetServices<IInterceptor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var sqlite = SqliteConnectionString(connection ?? DefaultSqlite, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<AppDb, SqliteAppDb>((sp, o) => o.UseSqlite(sqlite, SqliteAppDb.WithMigrations).AddInterceptors([new SqlitePragmas(), .. sp.GetServices<IInterceptor>()]),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        return builder;
    }

    /// <summary>Relative file names are taken from the content root, and their folder is created.</summary>
    internal static string SqliteConnectionString(string connection, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connection);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        return csb.ToString();
    }

    /// <summary>
    /// SQLite migrates itself so that <c>dotnet run</c> just works; PostgreSQL is migrated by the explicit
    /// <c>migrate</c> command only, and the app refuses to start on an unmigrated database.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (db is SqliteAppDb)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database lacks {pending.Count} migration(s) ({pending[^1]}). Run: dotnet run --project src/Fengqiao -- migrate");
        }
    }

    /// <summary>WAL for concurrent readers; FULL sync so an acknowledged write survives power loss.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            cmd.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
