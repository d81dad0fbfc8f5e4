using System.Data.Common;
using System.Globalization;
using Fengqiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Fengqiao.Features.Households.Import;

/// <summary>
/// Writes many households and residents inside the caller's open transaction, by the fastest
/// way each database offers: PostgreSQL's binary COPY, SQLite's prepared insert reused per row.
/// Values are exactly what EF would store (enums as integers, SQLite dates as ISO text).
/// </summary>
public abstract class BulkInsert : IAsyncDisposable
{
    protected static readonly string[] HouseholdColumns =
        ["Code", "Address", "AreaId", "AreaPath", "Tags", "PhoneCipher", "PhoneHash", "PhoneMasked", "MemberCount", "CreatedAt", "Version"];
    protected static readonly string[] ResidentColumns =
        ["HouseholdId", "AreaPath", "Name", "IdCipher", "IdHash", "IdMasked", "BirthDate", "Gender", "Relation", "Tags", "PhoneCipher", "PhoneHash", "PhoneMasked", "Version"];

    public static BulkInsert For(AppDb db) =>
        db.Database.IsNpgsql() ? new PostgresBulkInsert(db) : new SqliteBulkInsert(db);

    public abstract Task AddHouseholdAsync(Household h, CancellationToken ct);
    public abstract Task AddResidentAsync(Resident r, CancellationToken ct);
    /// <summary>Ends the households (before their ids are read back) or the residents.</summary>
    public abstract Task FlushAsync(CancellationToken ct);
    public abstract ValueTask DisposeAsync();

    protected static string Quote(string name) => "\"" + name + "\"";

    private sealed class SqliteBulkInsert(AppDb db) : BulkInsert
    {
        private DbCommand? _households;
        private DbCommand? _residents;
        private bool _cacheRaised;

        private DbCommand Prepare(string table, string[] columns)
        {
            var connection = db.Database.GetDbConnection();
            if (!_cacheRaised)
            {
                // The look-up hashes are random keys: their index pages are touched all over. A 512 MB page cache for this
                // connection keeps them in memory instead of re-reading them for every row (set back when done).
                using var pragma = connection.CreateCommand();
                pragma.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                pragma.CommandText = "PRAGMA cache_size = -524288";
                pragma.ExecuteNonQuery();
                _cacheRaised = true;
            }
            var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(',', columns.Select(Quote))}) VALUES ({string.Join(',', columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < columns.Length; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = "$p" + i;
                command.Parameters.Add(p);
            }
            command.Prepare();
            return command;
        }

        private static Task RunAsync(DbCommand command, object?[] values, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            // SQLite has no asynchronous I/O: the synchronous call saves a task per row.
            command.ExecuteNonQuery();
            return Task.CompletedTask;
        }

        public override Task AddHouseholdAsync(Household h, CancellationToken ct) =>
            RunAsync(_households ??= Prepare("Households", HouseholdColumns),
                [h.Code, h.Address, h.AreaId, h.AreaPath, (int)h.Tags, h.PhoneCipher, h.PhoneHash, h.PhoneMasked, h.MemberCount,
                 h.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), 1L], ct);

        public override Task AddResidentAsync(Resident r, CancellationToken ct) =>
            RunAsync(_residents ??= Prepare("Residents", ResidentColumns),
                [r.HouseholdId, r.AreaPath, r.Name, r.IdCipher, r.IdHash, r.IdMasked, r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                 (int)r.Gender, (int)r.Relation, (int)r.Tags, r.PhoneCipher, r.PhoneHash, r.PhoneMasked, 1L], ct);

        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

        public override async ValueTask DisposeAsync()
        {
            if (_cacheRaised)
            {
                await using var pragma = db.Database.GetDbConnection().CreateCommand();
                pragma.CommandText = "PRAGMA cache_size = -2000";
                await pragma.ExecuteNonQueryAsync();
            }
            if (_households is not null)
            {
                await _households.DisposeAsync();
            }
            if (_residents is not null)
            {
                await _residents.DisposeAsync();
            }
        }
    }

    private sealed class PostgresBulkInsert(AppDb db) : BulkInsert
    {
        private NpgsqlBinaryImporter? _copy;

        private async Task<NpgsqlBinaryImporter> OpenAsync(string table, string[] columns, CancellationToken ct)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            return _copy ??= await connection.BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({string.Join(',', columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)", ct);
        }

        public override async Task AddHouseholdAsync(Household h, CancellationToken ct)
        {
            var w = await OpenAsync("Households", HouseholdColumns, ct);
            await w.StartRowAsync(ct);
            await w.WriteAsync(h.Code, NpgsqlDbType.Text, ct);
            await w.WriteAsync(h.Address, NpgsqlDbType.Text, ct);
            await w.WriteAsync(h.AreaId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(h.AreaPath, NpgsqlDbType.Text, ct);
            await w.WriteAsync((int)h.Tags, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(w, h.PhoneCipher, ct);
            await WriteTextAsync(w, h.PhoneHash, ct);
            await WriteTextAsync(w, h.PhoneMasked, ct);
            await w.WriteAsync(h.MemberCount, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(h.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
        }

        public override async Task AddResidentAsync(Resident r, CancellationToken ct)
        {
            var w = await OpenAsync("Residents", ResidentColumns, ct);
            await w.StartRowAsync(ct);
            await w.WriteAsync(r.HouseholdId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.AreaPath, NpgsqlDbType.Text, ct);
            await w.WriteAsync(r.Name, NpgsqlDbType.Text, ct);
            await w.WriteAsync(r.IdCipher, NpgsqlDbType.Text, ct);
            await w.WriteAsync(r.IdHash, NpgsqlDbType.Text, ct);
            await w.WriteAsync(r.IdMasked, NpgsqlDbType.Text, ct);
            await w.WriteAsync(r.BirthDate, NpgsqlDbType.Date, ct);
            await w.WriteAsync((int)r.Gender, NpgsqlDbType.Integer, ct);
            await w.WriteAsync((int)r.Relation, NpgsqlDbType.Integer, ct);
            await w.WriteAsync((int)r.Tags, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(w, r.PhoneCipher, ct);
            await WriteTextAsync(w, r.PhoneHash, ct);
            await WriteTextAsync(w, r.PhoneMasked, ct);
            await w.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
        }

        private static Task WriteTextAsync(NpgsqlBinaryImporter w, string? value, CancellationToken ct) =>
            value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, NpgsqlDbType.Text, ct);

        public override async Task FlushAsync(CancellationToken ct)
        {
            if (_copy is not null)
            {
                await _copy.CompleteAsync(ct);
                await _copy.DisposeAsync();
                _copy = null;
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (_copy is not null)
            {
                await _copy.DisposeAsync();
            }
        }
    }
}
