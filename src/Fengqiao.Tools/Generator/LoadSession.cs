using System.Data.Common;
using Fengqiao.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// The bulk load's settings around the writing, and their undoing. SQLite: synchronous off, foreign keys off, a big page
/// cache (restored afterwards; WAL stays, as the app sets it). PostgreSQL: asynchronous commit and triggers (the foreign-key
/// checks) off for this session when allowed. On both, the secondary indexes of the filled tables are dropped before
/// and created again afterwards from their own saved definitions, so the schema ends exactly as migrated.
/// </summary>
internal sealed class LoadSession(AppDb db, Progress progress)
{
    private readonly List<string> _indexes = [];
    private bool Postgres => db.Database.IsNpgsql();

    public async Task BeginAsync(IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (Postgres)
        {
            await ExecAsync("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'", ct);
            try
            {
                await ExecAsync("SET session_replication_role = replica", ct);
            }
            catch (PostgresException e)
            {
                progress.Line($"Foreign keys stay checked during the load ({e.MessageText}).");
            }
            _indexes.AddRange(await ListAsync(
                """
                SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname = ANY(@tables) AND NOT x.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
                ORDER BY i.oid
                """, tables, ct));
        }
        else
        {
            // Leaving WAL needs the database to itself. Inside a running app (its workers keep pooled connections open) that
            // never comes, and a wait without a timeout would wait for ever: after a few seconds the load keeps WAL.
            if (!await TryExecAsync("PRAGMA journal_mode = OFF", TimeSpan.FromSeconds(3), ct))
            {
                progress.Line("Other connections have the database open: the load keeps its write-ahead log.");
            }
            await ExecAsync("PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -1048576; " +
                "PRAGMA temp_store = MEMORY; PRAGMA threads = 2; PRAGMA wal_autocheckpoint = 16384", ct);
            var settings = await ListAsync("SELECT 'journal_mode', journal_mode FROM pragma_journal_mode UNION ALL SELECT 'threads', threads FROM pragma_threads", tables, ct);
            progress.Line("SQLite for the load: " + string.Join(", ", settings.Chunk(2).Select(p => p[0] + " " + p[1])));
            _indexes.AddRange(await ListAsync(
                $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(',', tables.Select(t => "'" + t + "'"))}) ORDER BY rowid",
                tables, ct));
        }
        foreach (var definition in _indexes.Where((_, i) => i % 2 == 0))
        {
            await ExecAsync($"DROP INDEX \"{definition}\"", ct);
        }
        progress.Line($"Dropped {_indexes.Count / 2} secondary indexes for the load.");
    }

    public async Task EndAsync(IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        if (!Postgres)
        {
            // SQLite sorts an index's keys in runs the size of its page cache, then merges them. Small runs in temporary
            // files, sorted on both cores, build the indexes two to four times faster than one big run in memory
            // (bench/README.md, "Full scale, SQLite, with faster index builds").
            await ExecAsync("PRAGMA cache_size = -20000; PRAGMA temp_store = FILE", ct);
        }
        await progress.StepAsync($"Created {_indexes.Count / 2} indexes again", async () =>
        {
            for (var i = 1; i < _indexes.Count; i += 2)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await ExecAsync(_indexes[i], ct);
                if (watch.Elapsed.TotalSeconds >= 2)
                {
                    progress.Line($"  index {_indexes[i - 1]} in {watch.Elapsed.TotalSeconds:N1} s");
                }
            }
        });
        if (Postgres)
        {
            await progress.StepAsync("Identity sequences set past the written ids", async () =>
            {
                foreach (var table in tables.Where(t => t != "CodeCounter"))
                {
                    await ExecAsync($"""
                        SELECT setval(s, (SELECT COALESCE(MAX("Id"), 0) + 1 FROM "{table}"), false)
                        FROM pg_get_serial_sequence('"{table}"', 'Id') AS s WHERE s IS NOT NULL
                        """, ct);
                }
            });
            await ExecAsync("SET session_replication_role = DEFAULT; SET synchronous_commit = on", ct);
            await progress.StepAsync("ANALYZE", () => ExecAsync("ANALYZE", ct));
        }
        else
        {
            await progress.StepAsync("WAL checkpoint", () => ExecAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct));
            await ExecAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000", ct);
        }
    }

    /// <summary>Bytes on disk: the SQLite file with its -wal, or pg_database_size.</summary>
    public async Task<long> SizeAsync(CancellationToken ct)
    {
        if (Postgres)
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "SELECT pg_database_size(current_database())";
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
    }

    /// <summary>SQLite only: foreign-key violations after the load (0 expected).</summary>
    public async Task<int> ForeignKeyProblemsAsync(CancellationToken ct)
    {
        if (Postgres)
        {
            return 0;
        }
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "PRAGMA foreign_key_check";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var problems = 0;
        while (await reader.ReadAsync(ct))
        {
            if (problems++ < 5)
            {
                progress.Line($"Foreign key problem: {reader.GetString(0)} rowid {reader.GetValue(1)} → {reader.GetString(2)}");
            }
        }
        return problems;
    }

    private async Task ExecAsync(string sql, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>False when SQLite stays busy (another connection holds what the statement needs) for <paramref name="wait"/>.</summary>
    private async Task<bool> TryExecAsync(string sql, TimeSpan wait, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = (int)wait.TotalSeconds;
        try
        {
            await cmd.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return false;
        }
    }

    private async Task<List<string>> ListAsync(string sql, IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        if (cmd is NpgsqlCommand pg)
        {
            pg.Parameters.AddWithValue("tables", tables.ToArray());
        }
        var result = new List<string>();
        await using DbDataReader reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(reader.GetString(0));
            result.Add(reader.GetString(1));
        }
        return result;
    }
}
