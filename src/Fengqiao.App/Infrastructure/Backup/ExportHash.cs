using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fengqiao.Infrastructure.Backup;

/// <summary>A table of the export: its name and the primary-key columns its rows are ordered by (text keys need byte order on PostgreSQL).</summary>
public sealed record ExportTable(string Name, string? Schema, IReadOnlyList<string> Key, IReadOnlyList<bool> KeyIsText);

/// <summary>One table's fingerprint; <see cref="Rows"/> is -1 when the table does not exist in that database.</summary>
public sealed record TableHash(string Table, long Rows, string Sha256);

public sealed record ExportHashResult(IReadOnlyList<TableHash> Tables, string Total)
{
    public long Rows => Tables.Sum(t => Math.Max(0, t.Rows));

    /// <summary>One line per table (<c>table rows sha256</c>) and <c>TOTAL sha256</c>.</summary>
    public async Task WriteToAsync(TextWriter output)
    {
        foreach (var t in Tables)
        {
            await output.WriteLineAsync($"{t.Table} {t.Rows} {t.Sha256}");
        }
        await output.WriteLineAsync($"TOTAL {Total}");
    }
}

/// <summary>
/// A fingerprint of the whole database's contents, so that a restore can prove it holds exactly what was backed up:
/// every table of the EF model (the Identity tables included) and the migration history, each in primary-key order,
/// every value rendered the same way every time (invariant culture, instants as ISO-8601 in UTC, bytes as base64,
/// null as \0, each value length-prefixed so that no two contents render alike). SQLite keeps some types as text that
/// PostgreSQL keeps natively, so a hash compares a database with its own restore, not one provider with the other.
/// </summary>
public static class ExportHash
{
    public const string HistoryTable = "__EFMigrationsHistory";
    private static readonly string[] HistoryKey = ["MigrationId"];
    private static readonly bool[] TextKey = [true];

    /// <summary>The model's tables with a primary key, and the migration history, in name order.</summary>
    public static IReadOnlyList<ExportTable> Tables(DbContext db) =>
    [
        .. db.Model.GetRelationalModel().Tables
            .Where(t => t.PrimaryKey is not null)
            .Select(t => new ExportTable(t.Name, t.Schema,
                [.. t.PrimaryKey!.Columns.Select(c => c.Name)],
                [.. t.PrimaryKey!.Columns.Select(c => c.ProviderClrType == typeof(string))]))
            .Append(new ExportTable(HistoryTable, null, HistoryKey, TextKey))
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    /// <summary>The hash of a database as one consistent snapshot, on a connection of its own.</summary>
    public static async Task<ExportHashResult> OfDatabaseAsync(bool postgres, string connectionString, IReadOnlyList<ExportTable> tables, CancellationToken ct)
    {
        if (postgres)
        {
            await using var pg = new NpgsqlConnection(connectionString);
            await pg.OpenAsync(ct);
            await using var snapshot = await pg.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            return await ComputeAsync(pg, snapshot, tables, ct);
        }
        await using var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync(ct);
        // Deferred: a read snapshot without taking the write lock from the running app.
        await using var read = sqlite.BeginTransaction(deferred: true);
        return await ComputeAsync(sqlite, read, tables, ct);
    }

    /// <summary>The hash as seen by <paramref name="transaction"/> (one snapshot for every table).</summary>
    public static async Task<ExportHashResult> ComputeAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<ExportTable> tables, CancellationToken ct)
    {
        var postgres = connection is NpgsqlConnection;
        var existing = await ExistingTablesAsync(connection, transaction, postgres, ct);
        var results = new List<TableHash>();
        foreach (var table in tables)
        {
            results.Add(existing.Contains(table.Name)
                ? await HashTableAsync(connection, transaction, table, postgres, ct)
                : new TableHash(table.Name, -1, "absent"));
        }
        var summary = string.Join('\n', results.Select(r => $"{r.Table} {r.Rows} {r.Sha256}"));
        return new ExportHashResult(results, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(summary))));
    }

    private static async Task<HashSet<string>> ExistingTablesAsync(DbConnection connection, DbTransaction? transaction, bool postgres, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task<TableHash> HashTableAsync(DbConnection connection, DbTransaction? transaction, ExportTable table, bool postgres, CancellationToken ct)
    {
        // Byte order for text keys, so that the order (and the hash) does not depend on the server's locale.
        var order = string.Join(", ", table.Key.Select((column, i) => Quote(column) + (postgres && table.KeyIsText[i] ? " COLLATE \"C\"" : "")));
        var name = table.Schema is null ? Quote(table.Name) : Quote(table.Schema) + "." + Quote(table.Name);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = $"SELECT * FROM {name} ORDER BY {order}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        using var hasher = new RowHasher();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            hasher.Add(reader.GetName(i));
        }
        hasher.EndRow();
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                hasher.Add(reader.GetValue(i));
            }
            hasher.EndRow();
            rows++;
        }
        return new TableHash(table.Name, rows, hasher.Finish());
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Renders values canonically into a row and feeds finished rows to SHA-256.</summary>
    private sealed class RowHasher : IDisposable
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly StringBuilder _row = new();
        private byte[] _buffer = new byte[8192];

        public void Add(object value)
        {
            if (value is DBNull)
            {
                _row.Append('\0');
                return;
            }
            var text = Render(value);
            _row.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
        }

        public void EndRow()
        {
            _row.Append('\n');
            var text = _row.ToString();
            _row.Clear();
            var max = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_buffer.Length < max)
            {
                _buffer = new byte[max];
            }
            var length = Encoding.UTF8.GetBytes(text, _buffer);
            _sha.AppendData(_buffer, 0, length);
        }

        public string Finish() => Convert.ToHexStringLower(_sha.GetHashAndReset());

        public void Dispose() => _sha.Dispose();

        private static string Render(object value) => value switch
        {
            string s => s,
            byte[] bytes => Convert.ToBase64String(bytes),
            DateTime d => (d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d).ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset o => o.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            Array items => "[" + string.Join(",", items.Cast<object?>().Select(x => x is null or DBNull ? "\0" : Render(x))) + "]",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
