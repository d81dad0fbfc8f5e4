using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace Fengqiao;

// `dotnet ef` looks for these in its startup project (this host), which references both migrations assemblies:
// dotnet ef migrations add NAME --project src/Fengqiao.Migrations.Sqlite --startup-project src/Fengqiao --context SqliteAppDb

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args) => new(SqliteAppDb.Options("Data Source=design.db"), Jurisdiction.System());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args) => new(PostgresAppDb.Options("Host=localhost;Database=fengqiao_design"), Jurisdiction.System());
}
