using Microsoft.Data.Sqlite;

namespace Fengqiao.Infrastructure.Backup;

/// <summary>
/// SQLite: SQLite's online backup API copies the live database page by page under one read snapshot, so the app
/// keeps writing (WAL mode: readers never block the writer). The copy is then made one self-contained file (no
/// write-ahead log beside it), checked with <c>PRAGMA integrity_check</c> and hashed.
/// </summary>
internal static class SqliteBackup
{
    public const string FileName = "fengqiao.db";

    public static async Task<ExportHashResult> BackupAsync(string connectionString, string copyFile, IReadOnlyList<ExportTable> tables, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(connectionString))
        {
            await using var copy = new SqliteConnection(Direct(copyFile));
            await source.OpenAsync(ct);
            await ScalarAsync(source, "PRAGMA busy_timeout = 10000", ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }
        await using var check = new SqliteConnection(Direct(copyFile));
        await check.OpenAsync(ct);
        await ScalarAsync(check, "PRAGMA journal_mode = DELETE", ct);
        var integrity = await ScalarAsync(check, "PRAGMA integrity_check", ct);
        if (integrity != "ok")
        {
            throw new InvalidOperationException($"The copy fails SQLite's integrity check: {integrity}");
        }
        return await ExportHash.ComputeAsync(check, null, tables, ct);
    }

    /// <summary>The database file the app is configured for, or null when it is not a plain file.</summary>
    public static string? TargetFile(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal) ? null : Path.GetFullPath(file);
    }

    /// <summary>Puts the backup's file in place of an absent or empty database; a refusal message when the target holds tables.</summary>
    public static async Task<string?> RestoreAsync(string connectionString, string backupFile, CancellationToken ct)
    {
        var target = TargetFile(connectionString);
        if (target is null)
        {
            return "Restore needs a database file: set ConnectionStrings:Fengqiao to Data Source=PATH.";
        }
        SqliteConnection.ClearAllPools();
        if (File.Exists(target) && new FileInfo(target).Length > 0)
        {
            await using var existing = new SqliteConnection(Direct(target, create: false));
            await existing.OpenAsync(ct);
            var tables = await ScalarAsync(existing, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", ct);
            if (tables != "0")
            {
                return $"{target} already holds {tables} tables. Restore goes only onto an empty database: move that file away (with its -wal and -shm files) or configure another path.";
            }
        }
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var incoming = target + ".restoring";
        File.Copy(backupFile, incoming, overwrite: true);
        foreach (var stale in new[] { target, target + "-wal", target + "-shm", target + "-journal" })
        {
            File.Delete(stale);
        }
        File.Move(incoming, target);
        return null;
    }

    /// <summary>The connection string of a file opened by this command alone (no pool keeps it open afterwards).</summary>
    internal static string Direct(string file, bool create = true) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Pooling = false,
        Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
    }.ToString();

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
