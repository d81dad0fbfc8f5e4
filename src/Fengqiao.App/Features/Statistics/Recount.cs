using System.Data;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.Open311;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Units;
using Fengqiao.Features.Visits;
using Fengqiao.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Which record type feeds which metrics: a metric with no records still has its stored rows checked.</summary>
    private static readonly (Type Type, Metric[] Metrics)[] Feeds =
    [
        (typeof(Dispute), [Metric.DisputesRegistered, Metric.DisputesResolved, Metric.DisputesOpenByDue]),
        (typeof(Danger), [Metric.DangersFound, Metric.DangersRemoved, Metric.DangersOpenByDue]),
        (typeof(SupervisionNotice), [Metric.SupervisionNotices, Metric.SupervisionUnacknowledged]),
        (typeof(Visit), [Metric.Visits, Metric.VisitsAntiFraud]),
        (typeof(Household), [Metric.Households]),
        (typeof(Resident), [Metric.Residents]),
        (typeof(Demand), [Metric.DemandsRaised, Metric.DemandsAnswered]),
        (typeof(Referral), [Metric.ReferralsAnswered, Metric.ReferralsAnsweredInTime, Metric.ReferralsOpenByDue]),
        (typeof(ServiceRecord), [Metric.ServicesHandled, Metric.ServicesInTime, Metric.ServicesOpenByDue]),
        (typeof(Ticket), [Metric.TicketsCalled, Metric.TicketWaitMinutes]),
        (typeof(Review), [Metric.Reviews, Metric.ReviewsGood, Metric.ReviewsBad]),
        (typeof(PatrolLog), [Metric.Patrols, Metric.PatrolParticipants]),
        (typeof(TeamMember), [Metric.Volunteers]),
        (typeof(Team), [Metric.CommunityPoliceTeams, Metric.VolunteerTeams]),
        (typeof(Post), [Metric.PoliceStation, Metric.PoliceCommunity, Metric.PoliceCounty, Metric.PoliceOrgan]),
        (typeof(Secondment), [Metric.Secondments]),
        (typeof(Unit), [Metric.Stations]),
        (typeof(Outlet), [Metric.ComprehensiveWindows]),
        (typeof(ResidentRequest), [Metric.ResidentRequests]),
    ];

    public static async Task<RecountReport> RunAsync(AppDb db, bool fix, Action<string>? progress, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await SnapshotAsync(db, fix, ct);
        var kinds = await db.Units.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Kind, ct);
        var lookups = new UnitKinds(kinds);
        var results = new List<RecountResult>();
        var examples = new List<RollupDifference>();
        long records = 0;
        foreach (var (type, daily) in Feeds)
        {
            var metrics = daily.SelectMany(Metrics.Stored).ToArray();
            var counted = new RollupDelta();
            var n = 0L;
            await foreach (var record in Records(db, type).WithCancellation(ct))
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

    private static IAsyncEnumerable<object> Records(AppDb db, Type type)
    {
        // The widest tables are read without their text columns: a contribution never looks at them.
        IAsyncEnumerable<object> Of<T>(IQueryable<T> q) where T : class => q.IgnoreQueryFilters().AsNoTracking().AsAsyncEnumerable();
        return type.Name switch
        {
            nameof(Dispute) => Of(db.Disputes.Select(d => new Dispute
            {
                Code = "", Title = "", Summary = "", Category = "", AreaPath = d.AreaPath, SearchText = "",
                MergedIntoId = d.MergedIntoId, RegisteredOn = d.RegisteredOn, ResolvedOn = d.ResolvedOn, Status = d.Status, DueDate = d.DueDate,
            })),
            nameof(Visit) => Of(db.Visits.Select(v => new Visit { AreaPath = v.AreaPath, Notes = "", VisitedAt = v.VisitedAt, AntiFraudGiven = v.AntiFraudGiven })),
            nameof(Household) => Of(db.Households.Select(h => new Household { Code = "", Address = "", AreaPath = h.AreaPath, CreatedAt = h.CreatedAt })),
            nameof(Resident) => Of(db.Residents.Select(r => new Resident { AreaPath = r.AreaPath, Name = "", IdCipher = "", IdHash = "", IdMasked = "" })),
            nameof(ServiceRecord) => Of(db.ServiceRecords.Select(s => new ServiceRecord
            {
                Code = "", AreaPath = s.AreaPath, ServiceCode = "", ResidentName = "", MaterialsChecked = "",
                Status = s.Status, FinishedOn = s.FinishedOn, DueDate = s.DueDate,
            })),
            nameof(Danger) => Of(db.Dangers),
            nameof(SupervisionNotice) => Of(db.SupervisionNotices),
            nameof(Demand) => Of(db.Demands),
            nameof(Referral) => Of(db.DemandReferrals),
            nameof(Ticket) => Of(db.Tickets),
            nameof(Review) => Of(db.Reviews),
            nameof(PatrolLog) => Of(db.PatrolLogs),
            nameof(TeamMember) => Of(db.TeamMembers),
            nameof(Team) => Of(db.Teams),
            nameof(Post) => Of(db.Posts),
            nameof(Secondment) => Of(db.Secondments),
            nameof(Unit) => Of(db.Units),
            nameof(Outlet) => Of(db.Outlets),
            nameof(ResidentRequest) => Of(db.ResidentRequests),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "Not a counted record type."),
        };
    }

    private sealed class UnitKinds(Dictionary<int, UnitKind> kinds) : IRollupLookups
    {
        public UnitKind? UnitKindOf(Post post) => kinds.TryGetValue(post.UnitId, out var k) ? k : null;
    }
}
