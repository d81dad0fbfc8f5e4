using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Fengqiao.Infrastructure.Data;

/// <summary>SQLite flavour: the embedded default. Migrations in their own assembly, src/Fengqiao.Migrations.Sqlite.</summary>
public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options, Jurisdiction jurisdiction) : AppDb(options, jurisdiction)
{
    public const string MigrationsAssembly = "Fengqiao.Migrations.Sqlite";

    /// <summary>Where this provider's migrations are: every place that configures the provider passes this.</summary>
    public static void WithMigrations(SqliteDbContextOptionsBuilder sqlite) => sqlite.MigrationsAssembly(MigrationsAssembly);

    /// <summary>Options outside the app's container (tests, design time).</summary>
    public static DbContextOptions<SqliteAppDb> Options(string connection) =>
        new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite(connection, WithMigrations).Options;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type; store UTC ticks so that ordering and comparison work in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL flavour: production and scale-out. Migrations in their own assembly, src/Fengqiao.Migrations.Postgres.</summary>
public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options, Jurisdiction jurisdiction) : AppDb(options, jurisdiction)
{
    public const string MigrationsAssembly = "Fengqiao.Migrations.Postgres";

    /// <summary>Where this provider's migrations are: every place that configures the provider passes this.</summary>
    public static void WithMigrations(NpgsqlDbContextOptionsBuilder npgsql) => npgsql.MigrationsAssembly(MigrationsAssembly);

    /// <summary>Options outside the app's container (tests, design time).</summary>
    public static DbContextOptions<PostgresAppDb> Options(string connection) =>
        new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(connection, WithMigrations).Options;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Area paths compare byte by byte, as on SQLite, whatever the database's locale: the jurisdiction and area
        // filters are path ranges (PathRange), and a locale that skips the slashes would put a subtree out of order.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Path", StringComparison.Ordinal)))
        {
            property.SetCollation("C");
        }
    }
}
