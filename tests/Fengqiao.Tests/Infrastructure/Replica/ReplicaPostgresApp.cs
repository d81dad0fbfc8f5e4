using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Fengqiao.Tests.Infrastructure.Replica;

/// <summary>
/// The demo app with a read connection (<c>ConnectionStrings:FengqiaoRead</c>) to a second database on the same server:
/// a copy of the primary taken at start, reached as a read-only session (<c>default_transaction_read_only</c>, as the
/// cluster's read role is). What a test changes in the copy only, it can then see only where the app reads the replica.
/// </summary>
public sealed class ReplicaPostgresApp : PostgresApp
{
    private string? _replica;

    public string ReplicaDatabase => _replica ?? throw new InvalidOperationException("Not started.");

    private static string PgServer =>
        Environment.GetEnvironmentVariable("FENGQIAO_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres";

    /// <summary>A superuser's connection to the replica copy, to change it behind the app's back.</summary>
    public string ReplicaAdminConnection => new NpgsqlConnectionStringBuilder(PgServer) { Database = ReplicaDatabase }.ConnectionString;

    protected override async Task<string> CreateDatabaseAsync()
    {
        var primary = await base.CreateDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(primary).Database!;
        _replica = database + "_read";
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(PgServer);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_replica}\" TEMPLATE \"{database}\"", c);
        await cmd.ExecuteNonQueryAsync();
        return primary;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var read = new NpgsqlConnectionStringBuilder(PgServer) { Database = _replica, Options = "-c default_transaction_read_only=on" };
        builder.UseSetting("ConnectionStrings:FengqiaoRead", read.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_replica is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(PgServer);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_replica}\" WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
        GC.SuppressFinalize(this);
    }
}
