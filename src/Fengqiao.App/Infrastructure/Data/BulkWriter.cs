using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Fengqiao.Infrastructure.Data;

/// <summary>Whose the primary key is: the rows' own (written as given) or the database's (left out, numbered on insert).</summary>
public enum BulkKeys
{
    FromRows,
    Generated,
}

/// <summary>One column of a table: its name, how to read it from the entity, and EF's own mapping of its value.</summary>
public sealed record BulkColumn(string Name, IProperty Property, RelationalTypeMapping Mapping, ValueConverter? Converter)
{
    private readonly bool _version = Property.Name == nameof(IVersioned.Version) && typeof(IVersioned).IsAssignableFrom(Property.DeclaringType.ClrType);

    public object? Read(object entity)
    {
        var value = Property.GetGetter().GetClrValueUsingContainingEntity(entity);
        // A new row's version is 1, as SaveChanges sets it for every added IVersioned entity.
        if (_version && value is 0L)
        {
            value = 1L;
        }
        return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
    }
}

/// <summary>Opens <see cref="BulkWriter{T}"/>s and reads a table's columns from the EF model.</summary>
public static class BulkWriter
{
    /// <summary>Opens a writer on the context's connection (opened if need be).</summary>
    public static async Task<BulkWriter<T>> OpenAsync<T>(AppDb db, BulkKeys keys, CancellationToken ct) where T : class
    {
        var (table, columns) = Map<T>(db, keys);
        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var types = columns.Select(c => PostgresType(c.Mapping.StoreTypeNameBase)).ToArray();
            var copy = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({string.Join(',', columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
            return new BulkWriter<T>.PostgresWriter(table, columns, copy, types);
        }
        var sql = $"INSERT INTO {Quote(table)} ({string.Join(',', columns.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(',', columns.Select((_, i) => "?" + (i + 1)))})";
        return new BulkWriter<T>.SqliteWriter(table, columns, (SqliteConnection)db.Database.GetDbConnection(), sql);
    }

    /// <summary>The table and its columns in the model's order; with <see cref="BulkKeys.Generated"/> without the key.</summary>
    public static (string Table, IReadOnlyList<BulkColumn> Columns) Map<T>(AppDb db, BulkKeys keys = BulkKeys.FromRows)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => keys == BulkKeys.FromRows || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => new BulkColumn(p.GetColumnName(store) ?? p.Name, p, p.GetRelationalTypeMapping(),
                p.GetRelationalTypeMapping().Converter ?? p.GetValueConverter()))
            .ToList();
        return (table, columns);
    }

    private static string Quote(string name) => "\"" + name + "\"";

    private static NpgsqlDbType PostgresType(string storeType) => storeType switch
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
}

/// <summary>
/// Writes many rows of one of the app's entity classes past the change tracker, by the fastest way each database offers:
/// one prepared INSERT stepped per row through SQLite's own API, binary COPY into PostgreSQL. Table and column names,
/// value conversions (enums as integers, SQLite instants as EF's binary ticks) and store types come from the EF model,
/// so the stored values are exactly what EF would store. The writer runs inside whatever transaction the connection has
/// (the caller's); on SQLite without one every row would commit alone, so callers open one. It writes no rollups: the
/// caller adds the statistics of what it wrote.
/// </summary>
public abstract class BulkWriter<T> : IAsyncDisposable where T : class
{
    protected BulkWriter(string table, IReadOnlyList<BulkColumn> columns)
    {
        Table = table;
        Columns = columns;
    }

    public string Table { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    public abstract void Add(T row);

    /// <summary>Ends the writing: PostgreSQL's COPY takes the rows in only now; SQLite has written them already.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// One prepared statement stepped per row through SQLite's own API: Microsoft.Data.Sqlite would open a data reader
    /// for every row. Values are bound as Microsoft.Data.Sqlite binds them (integers, reals, text; dates and times as
    /// its ISO text), after EF's conversions.
    /// </summary>
    internal sealed class SqliteWriter : BulkWriter<T>
    {
        private readonly SqliteConnection _connection;
        private readonly string _sql;
        private readonly sqlite3_stmt _stmt;

        public SqliteWriter(string table, IReadOnlyList<BulkColumn> columns, SqliteConnection connection, string sql) : base(table, columns)
        {
            _connection = connection;
            _sql = sql;
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _stmt));
        }

        public override void Add(T row)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                Check(Bind(_stmt, i + 1, Columns[i].Read(row)));
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
            _ => throw new NotSupportedException($"No SQLite binding for {value.GetType().Name} in the bulk writer."),
        };

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()} ({_sql})");
            }
        }

        public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _stmt.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class PostgresWriter(string table, IReadOnlyList<BulkColumn> columns, NpgsqlBinaryImporter copy, NpgsqlDbType[] types)
        : BulkWriter<T>(table, columns)
    {
        public override void Add(T row)
        {
            copy.StartRow();
            for (var i = 0; i < Columns.Count; i++)
            {
                var value = Columns[i].Read(row);
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
