using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fengqiao.Infrastructure.Data;

/// <summary>SQLite flavour: the embedded default. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options, Jurisdiction jurisdiction) : AppDb(options, jurisdiction)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type; store UTC ticks so that ordering and comparison work in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL flavour: production and scale-out. Migrations in Migrations/Postgres.</summary>
public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options, Jurisdiction jurisdiction) : AppDb(options, jurisdiction)
{
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

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=design.db").Options, Jurisdiction.System());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=fengqiao_design").Options, Jurisdiction.System());
}
