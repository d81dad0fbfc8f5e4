using System.Data;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fengqiao.Features.Statistics;

public sealed record RollupDifference(Metric Metric, string Area, DateOnly Day, long Stored, long Counted);

public sealed record RecountResult(Metric Metric, long Rows, int Differences);

public sealed record RecountReport(IReadOnlyList<RecountResult> Metrics, IReadOnlyList<RollupDifference> Examples, long Records)
{
    public int Differences => Metrics.Sum(m => m.Differences);
}

/// <summary>
/// Counts every record again with the same <see cref="Contributions"/> the writer uses, and compares the
/// result with the stored rollups — in one snapshot, so a running system can be checked. With
/// <c>fix</c> it replaces the rows of every metric that differs (after the generator, all of them).
/// </summary>
public static class Recount
{
    private const int ExamplesKept = 20;

    public static async Task<RecountReport> RunAsync(AppDb db, bool fix, Action<string>? progress, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await SnapshotAsync(db, fix, ct);
        var kinds = await db.Units.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Kind, ct);
        var lookups = new UnitKinds(kinds);
        var results = new List<RecountResult>();
        var examples = new List<RollupDifference>();
        long records = 0;
        foreach (var (type, daily) in CountedRecords.Feeds)
        {
            var metrics = daily.SelectMany(Metrics.Stored).ToArray();
            var counted = new RollupDelta();
            var n = 0L;
            await foreach (var record in CountedRecords.Read(db, type).WithCancellation(ct))
            {
                foreach (var c in Contributions.Of(record, lookups))
                {
                    counted.Add(c, +1);
                }
                if (++n % 1_000_000 == 0)
                {
                    progress?.Invoke($"{type.Name}: {n:N0} records");
                }
            }
            records += n;
            var wrong = new HashSet<Metric>();
            var checkedRows = metrics.ToDictionary(m => m, _ => 0L);
            var differences = metrics.ToDictionary(m => m, _ => 0);
            var stored = db.Rollups.AsNoTracking().Where(r => metrics.Contains(r.Metric)).AsAsyncEnumerable();
            var seen = new HashSet<(Metric, string, DateOnly)>();
            await foreach (var row in stored.WithCancellation(ct))
            {
                var key = (row.Metric, row.Area, row.Day);
                seen.Add(key);
                checkedRows[row.Metric]++;
                var expected = counted.Rows.GetValueOrDefault(key);
                if (expected != row.Value)
                {
                    Note(row.Metric, row.Area, row.Day, row.Value, expected);
                }
            }
            foreach (var ((metric, area, day), value) in counted.Rows)
            {
                if (value != 0 && !seen.Contains((metric, area, day)))
                {
                    checkedRows[metric]++;
                    Note(metric, area, day, 0, value);
                }
            }
            results.AddRange(metrics.Select(m => new RecountResult(m, checkedRows[m], differences[m])));
            progress?.Invoke($"{type.Name}: {n:N0} records, {checkedRows.Values.Sum():N0} rollup rows, {differences.Values.Sum():N0} differences");
            if (fix && wrong.Count > 0)
            {
                var redo = wrong.ToList();
                await db.Rollups.Where(r => redo.Contains(r.Metric)).ExecuteDeleteAsync(ct);
                var fresh = new RollupDelta();
                foreach (var (key, value) in counted.Rows.Where(r => redo.Contains(r.Key.Metric)))
                {
                    fresh.Rows[key] = value;
                }
                await RollupWriter.ApplyAsync(db, fresh, ct);
            }

            void Note(Metric metric, string area, DateOnly day, long was, long should)
            {
                wrong.Add(metric);
                differences[metric]++;
                if (examples.Count < ExamplesKept)
                {
                    examples.Add(new RollupDifference(metric, area, day, was, should));
                }
            }
        }
        await tx.CommitAsync(ct);
        return new RecountReport(results, examples, records);
    }

    /// <summary>One consistent view of records and rollups. SQLite: a deferred transaction (a WAL snapshot that does not
    /// hold the write lock) unless fixing; PostgreSQL: repeatable read, a snapshot (serializable would keep a predicate
    /// lock for every row read, more than the server has room for at province scale).</summary>
    private static async Task<IDbContextTransaction> SnapshotAsync(AppDb db, bool fix, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        }
        if (fix)
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        return await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct)
            ?? throw new InvalidOperationException("No transaction.");
    }

    private sealed class UnitKinds(Dictionary<int, UnitKind> kinds) : IRollupLookups
    {
        public UnitKind? UnitKindOf(Post post) => kinds.TryGetValue(post.UnitId, out var k) ? k : null;
    }
}
