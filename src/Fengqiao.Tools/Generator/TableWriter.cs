using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Fengqiao.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Fengqiao.Features.Statistics.Generator;

/// <summary>One column of a table: its name, how to read it from the entity, and EF's own mapping of its value.</summary>
internal sealed record ColumnMap(string Name, IProperty Property, RelationalTypeMapping Mapping, ValueConverter? Converter)
{
    public object? Read(object entity)
    {
        var value = Property.GetGetter().GetClrValueUsingContainingEntity(entity);
        return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
    }
}

/// <summary>
/// Writes rows of the app's own entity classes by the fastest way each database offers: a prepared INSERT reused per row
/// in big transactions (SQLite), binary COPY (PostgreSQL). Table and column names, value conversions (enums as integers,
/// SQLite instants as EF's binary ticks) and store types are read from the EF model, so the stored values are exactly
/// what EF would store (see the binding notes of each). The rows are produced on another thread while the database writes, so both cores work.
/// </summary>
internal abstract class TableWriter(AppDb db, Progress progress)
{
    private const int Batch = 2048;

    /// <summary>FENGQIAO_GENERATE_ONLY=1: draw every row but write none, to tell the generator's time from the database's.</summary>
    private static readonly bool GenerateOnly = Environment.GetEnvironmentVariable("FENGQIAO_GENERATE_ONLY") == "1";

    protected AppDb Db { get; } = db;

    public Dictionary<string, long> Written { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every row written is counted for the statistics rollups as it is drawn.</summary>
    public RollupTally? Tally { get; set; }

    public static TableWriter For(AppDb db, Progress progress) =>
        db.Database.IsNpgsql() ? new PostgresWriter(db, progress) : new SqliteWriter(db, progress);

    public static (string Table, IReadOnlyList<ColumnMap> Columns) Map<T>(AppDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new ColumnMap(p.GetColumnName(store) ?? p.Name, p, p.GetRelationalTypeMapping(), p.GetRelationalTypeMapping().Converter ?? p.GetValueConverter()))
            .ToList();
        return (table, columns);
    }

    /// <summary>Writes every row of the sequence; <paramref name="expected"/> is only for the progress line.</summary>
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, long expected, CancellationToken ct) where T : class
    {
        var (table, columns) = Map<T>(Db);
        using var queue = new BlockingCollection<T[]>(boundedCapacity: 16);
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in rows.Chunk(Batch))
                {
                    Tally?.Add(chunk);
                    queue.Add(chunk, ct);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, ct);
        progress.Begin(table, expected);
        long count = 0;
        await using (var sink = await OpenAsync(table, columns, ct))
        {
            foreach (var chunk in queue.GetConsumingEnumerable(ct))
            {
                if (!GenerateOnly)
                {
                    foreach (var row in chunk)
                    {
                        sink.Add(row);
                    }
                }
                count += chunk.Length;
                progress.Report(count);
                await sink.MaybeCommitAsync(count, ct);
            }
            await producer;
            await sink.CompleteAsync(ct);
        }
        progress.End(count);
        Written[table] = Written.GetValueOrDefault(table) + count;
        return count;
    }

    protected abstract Task<Sink> OpenAsync(string table, IReadOnlyList<ColumnMap> columns, CancellationToken ct);

    protected static string Quote(string name) => "\"" + name + "\"";

    protected abstract class Sink : IAsyncDisposable
    {
        public abstract void Add(object row);
        public virtual Task MaybeCommitAsync(long count, CancellationToken ct) => Task.CompletedTask;
        public abstract Task CompleteAsync(CancellationToken ct);
        public abstract ValueTask DisposeAsync();
    }

    private sealed class SqliteWriter(AppDb db, Progress progress) : TableWriter(db, progress)
    {
        protected override Task<Sink> OpenAsync(string table, IReadOnlyList<ColumnMap> columns, CancellationToken ct)
        {
            var connection = (SqliteConnection)Db.Database.GetDbConnection();
            var sql = $"INSERT INTO {Quote(table)} ({string.Join(',', columns.Select(c => Quote(c.Name)))}) " +
                $"VALUES ({string.Join(',', columns.Select((_, i) => "?" + (i + 1)))})";
            var sink = new SqliteSink(connection, sql, columns);
            sink.Begin();
            return Task.FromResult<Sink>(sink);
        }

        /// <summary>
        /// One prepared statement stepped per row through SQLite's own API: Microsoft.Data.Sqlite would open a data reader
        /// for every row. Values are bound as Microsoft.Data.Sqlite binds them (integers, reals, text; dates and times as
        /// its ISO text), after EF's conversions.
        /// </summary>
        private sealed class SqliteSink(SqliteConnection connection, string sql, IReadOnlyList<ColumnMap> columns) : Sink
        {
            private const long CommitEvery = 500_000;
            private DbTransaction? _tx;
            private sqlite3_stmt? _stmt;
            private long _lastCommit;

            public void Begin()
            {
                _tx = connection.BeginTransaction();
                if (_stmt is null)
                {
                    Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var stmt));
                    _stmt = stmt;
                }
            }

            public override void Add(object row)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    Check(Bind(_stmt!, i + 1, columns[i].Read(row)));
                }
                var rc = raw.sqlite3_step(_stmt);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(rc);
                }
                raw.sqlite3_reset(_stmt);
            }

            private static int Bind(sqlite3_stmt stmt, int index, object? value) => value switch
            {
                null => raw.sqlite3_bind_null(stmt, index),
                string s => raw.sqlite3_bind_text(stmt, index, s),
                short n => raw.sqlite3_bind_int64(stmt, index, n),
                int n => raw.sqlite3_bind_int64(stmt, index, n),
                long n => raw.sqlite3_bind_int64(stmt, index, n),
                bool b => raw.sqlite3_bind_int64(stmt, index, b ? 1 : 0),
                double d => raw.sqlite3_bind_double(stmt, index, d),
                DateOnly d => raw.sqlite3_bind_text(stmt, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
                DateTime t => raw.sqlite3_bind_text(stmt, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                _ => throw new NotSupportedException($"No SQLite binding for {value.GetType().Name} in the generator."),
            };

            private void Check(int rc)
            {
                if (rc != raw.SQLITE_OK)
                {
                    throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()} ({sql})");
                }
            }

            public override Task MaybeCommitAsync(long count, CancellationToken ct)
            {
                if (count - _lastCommit >= CommitEvery)
                {
                    _lastCommit = count;
                    _tx!.Commit();
                    _tx.Dispose();
                    Begin();
                }
                return Task.CompletedTask;
            }

            public override Task CompleteAsync(CancellationToken ct)
            {
                _tx!.Commit();
                return Task.CompletedTask;
            }

            public override async ValueTask DisposeAsync()
            {
                _stmt?.Dispose();
                if (_tx is not null)
                {
                    await _tx.DisposeAsync();
                }
            }
        }
    }

    private sealed class PostgresWriter(AppDb db, Progress progress) : TableWriter(db, progress)
    {
        protected override async Task<Sink> OpenAsync(string table, IReadOnlyList<ColumnMap> columns, CancellationToken ct)
        {
            var connection = (NpgsqlConnection)Db.Database.GetDbConnection();
            var types = columns.Select(c => TypeOf(c.Mapping.StoreTypeNameBase)).ToArray();
            var copy = await connection.BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({string.Join(',', columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
            return new PostgresSink(copy, columns, types);
        }

        private static NpgsqlDbType TypeOf(string storeType) => storeType switch
        {
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "smallint" => NpgsqlDbType.Smallint,
            "boolean" => NpgsqlDbType.Boolean,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "date" => NpgsqlDbType.Date,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" => NpgsqlDbType.Timestamp,
            "time without time zone" => NpgsqlDbType.Time,
            "double precision" => NpgsqlDbType.Double,
            "real" => NpgsqlDbType.Real,
            "numeric" => NpgsqlDbType.Numeric,
            "bytea" => NpgsqlDbType.Bytea,
            "uuid" => NpgsqlDbType.Uuid,
            _ => throw new NotSupportedException("No COPY type for PostgreSQL column type " + storeType),
        };

        private sealed class PostgresSink(NpgsqlBinaryImporter copy, IReadOnlyList<ColumnMap> columns, NpgsqlDbType[] types) : Sink
        {
            public override void Add(object row)
            {
                copy.StartRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].Read(row);
                    if (value is null)
                    {
                        copy.WriteNull();
                    }
                    else
                    {
                        copy.Write(value, types[i]);
                    }
                }
            }

            public override async Task CompleteAsync(CancellationToken ct) => await copy.CompleteAsync(ct);

            public override async ValueTask DisposeAsync() => await copy.DisposeAsync();
        }
    }
}
