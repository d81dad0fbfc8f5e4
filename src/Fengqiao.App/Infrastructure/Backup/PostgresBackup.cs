using System.Data;
using Npgsql;

namespace Fengqiao.Infrastructure.Backup;

/// <summary>
/// PostgreSQL: <c>pg_dump --format=custom</c> while the app keeps writing. This command opens a repeatable-read
/// transaction, exports its snapshot and hands it to pg_dump (<c>--snapshot</c>), then hashes the tables in that same
/// transaction: the hash in the manifest describes exactly the rows in the dump, however much was written meanwhile.
/// Restore is <c>pg_restore</c> in one transaction into an empty database, so a failed restore leaves it empty.
/// </summary>
internal static class PostgresBackup
{
    public const string FileName = "fengqiao.dump";

    public static async Task<ExportHashResult> BackupAsync(string connectionString, string dumpFile, IReadOnlyList<ExportTable> tables, CancellationToken ct)
    {
        var pgDump = PgTools.Require("pg_dump");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot);
        var id = (string)(await export.ExecuteScalarAsync(ct))!;
        var dumping = PgTools.RunAsync(pgDump, connectionString,
            ["--format=custom", "--no-owner", "--snapshot=" + id, "--file=" + dumpFile], ct);
        var hashing = ExportHash.ComputeAsync(connection, snapshot, tables, ct);
        await Task.WhenAll(dumping, hashing);
        await snapshot.CommitAsync(ct);
        return await hashing;
    }

    /// <summary>Restores into the configured database, which must exist and be empty; a refusal message otherwise.</summary>
    public static async Task<string?> RestoreAsync(string connectionString, string dumpFile, CancellationToken ct)
    {
        var pgRestore = PgTools.Require("pg_restore");
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
                "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg%'", connection);
            var relations = (long)(await count.ExecuteScalarAsync(ct))!;
            if (relations > 0)
            {
                return $"The database {database} already holds {relations} tables, views or sequences. Restore goes only into an empty database: create a new one (createdb) or drop and re-create this one.";
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return $"The database {database} does not exist. Create it empty first (createdb -O OWNER {database}), then restore.";
        }
        await PgTools.RunAsync(pgRestore, connectionString,
            ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", "--dbname=" + database, dumpFile], ct);
        NpgsqlConnection.ClearAllPools();
        // pg_restore copies rows, not the planner's statistics: gather them now rather than at the first slow query.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return null;
    }
}
