using System.Collections.Concurrent;
using System.Data.Common;
using Fengqiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// Writes rows of the app's own entity classes through the data layer's <see cref="BulkWriter{T}"/> (ids as drawn), in big
/// transactions on SQLite and one COPY per table on PostgreSQL. The rows are produced on another thread while the database
/// writes, so both cores work.
/// </summary>
internal sealed class TableWriter(AppDb db, Progress progress)
{
    private const int Batch = 2048;
    private const long CommitEvery = 500_000;

    /// <summary>FENGQIAO_GENERATE_ONLY=1: draw every row but write none, to tell the generator's time from the database's.</summary>
    private static readonly bool GenerateOnly = Environment.GetEnvironmentVariable("FENGQIAO_GENERATE_ONLY") == "1";

    public Dictionary<string, long> Written { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every row written is counted for the statistics rollups as it is drawn.</summary>
    public RollupTally? Tally { get; set; }

    public static TableWriter For(AppDb db, Progress progress) => new(db, progress);

    /// <summary>Writes every row of the sequence; <paramref name="expected"/> is only for the progress line.</summary>
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, long expected, CancellationToken ct) where T : class
    {
        var table = BulkWriter.Map<T>(db).Table;
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
        // SQLite commits every half a million rows (one transaction per row would be far too slow, one for all too big);
        // PostgreSQL's COPY is one statement, atomic by itself.
        var sqlite = !db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        var tx = sqlite ? await db.Database.GetDbConnection().BeginTransactionAsync(ct) : null;
        try
        {
            await using (var writer = await BulkWriter.OpenAsync<T>(db, BulkKeys.FromRows, ct))
            {
                long lastCommit = 0;
                foreach (var chunk in queue.GetConsumingEnumerable(ct))
                {
                    if (!GenerateOnly)
                    {
                        foreach (var row in chunk)
                        {
                            writer.Add(row);
                        }
                    }
                    count += chunk.Length;
                    progress.Report(count);
                    if (tx is not null && count - lastCommit >= CommitEvery)
                    {
                        lastCommit = count;
                        tx = await CommitAndBeginAsync(tx, ct);
                    }
                }
                await producer;
                await writer.CompleteAsync(ct);
            }
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            if (tx is not null)
            {
                await tx.DisposeAsync();
            }
        }
        progress.End(count);
        Written[table] = Written.GetValueOrDefault(table) + count;
        return count;
    }

    private async Task<DbTransaction> CommitAndBeginAsync(DbTransaction tx, CancellationToken ct)
    {
        await tx.CommitAsync(ct);
        await tx.DisposeAsync();
        return await db.Database.GetDbConnection().BeginTransactionAsync(ct);
    }
}
