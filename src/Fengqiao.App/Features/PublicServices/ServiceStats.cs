using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.PublicServices;

public sealed record ServiceCount(string Key, int Handled);

/// <summary>Review counts of one outlet or clerk: the good/bad rates are Good/Reviews and Bad/Reviews.</summary>
public sealed record ReviewRow(string Key, int Reviews, int Good, int Bad);

public sealed record ServiceNumbers(
    DateOnly From, DateOnly To, int Handled, int CompletedWithinLimit, double? WithinLimitRate, int OverdueOpen,
    double? AverageWaitMinutes, int Reviews, double? GoodRate, double? BadRate, int StationsWithComprehensiveWindow, int Stations,
    IReadOnlyList<ServiceCount> ByService, IReadOnlyList<ServiceCount> ByOutlet,
    IReadOnlyList<ReviewRow> ReviewsByOutlet, IReadOnlyList<ReviewRow> ReviewsByClerk);

/// <summary>The one-window numbers for an area subtree and period, all through the jurisdiction filter.</summary>
public static class ServiceStats
{
    /// <summary>A station window counts as comprehensive when it handles services of at least this many categories.</summary>
    public const int ComprehensiveCategories = 3;

    public static async Task<ServiceNumbers> ComputeAsync(AppDb db, string prefix, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var records = db.ServiceRecords.AsNoTracking().Where(r => r.AreaPath.StartsWith(prefix));
        var done = records.Where(r => r.Status == RecordStatus.Completed && r.FinishedOn >= from && r.FinishedOn <= to);
        var handled = await done.CountAsync(ct);
        var inTime = await done.CountAsync(r => r.FinishedOn <= r.DueDate, ct);
        var overdue = await records.CountAsync(r => (r.Status == RecordStatus.Received || r.Status == RecordStatus.InProgress) && r.DueDate < today, ct);
        var waits = await db.Tickets.AsNoTracking()
            .Where(t => t.AreaPath.StartsWith(prefix) && t.Day >= from && t.Day <= to && t.CalledAt != null)
            .Select(t => new { t.IssuedAt, t.CalledAt }).ToListAsync(ct);
        var counted = await db.Reviews.AsNoTracking()
            .Where(r => r.AreaPath.StartsWith(prefix) && r.Day >= from && r.Day <= to && r.Appeal != AppealStatus.Upheld)
            .Select(r => new { r.Overall, Outlet = r.ServiceRecord!.Outlet!.NameZh, r.ClerkPersonId }).ToListAsync(ct);
        var reviews = counted.Select(r => r.Overall).ToList();
        var clerkIds = counted.Select(r => r.ClerkPersonId).OfType<int>().Distinct().ToList();
        var clerks = await db.People.IgnoreQueryFilters().Where(p => clerkIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.NameZh, ct);
        static List<ReviewRow> Rows<T>(IEnumerable<T> items, Func<T, string?> key, Func<T, int> overall) =>
            [.. items.Where(i => key(i) is not null).GroupBy(i => key(i)!)
                .Select(g => new ReviewRow(g.Key, g.Count(), g.Count(i => overall(i) >= 4), g.Count(i => overall(i) <= 2)))
                .OrderByDescending(r => r.Reviews)];
        var byService = await done.GroupBy(r => r.ServiceCode).Select(g => new ServiceCount(g.Key, g.Count())).ToListAsync(ct);
        var byOutlet = await done.GroupBy(r => r.Outlet!.NameZh).Select(g => new ServiceCount(g.Key, g.Count())).ToListAsync(ct);
        var (comprehensive, stations) = await ComprehensiveWindowsAsync(db, prefix, ct);
        return new ServiceNumbers(from, to, handled, inTime, handled == 0 ? null : Math.Round((double)inTime / handled, 4), overdue,
            waits.Count == 0 ? null : Math.Round(waits.Average(w => (w.CalledAt!.Value - w.IssuedAt).TotalMinutes), 1),
            reviews.Count, reviews.Count == 0 ? null : Math.Round(reviews.Count(o => o >= 4) / (double)reviews.Count, 4),
            reviews.Count == 0 ? null : Math.Round(reviews.Count(o => o <= 2) / (double)reviews.Count, 4),
            comprehensive, stations,
            [.. byService.OrderByDescending(s => s.Handled)], [.. byOutlet.OrderByDescending(s => s.Handled)],
            Rows(counted, r => r.Outlet, r => r.Overall),
            Rows(counted, r => r.ClerkPersonId is { } id ? clerks.GetValueOrDefault(id) : null, r => r.Overall));
    }

    /// <summary>The rule of a comprehensive window: its services (comma-separated codes) span at least <see cref="ComprehensiveCategories"/> categories.</summary>
    public static bool IsComprehensive(string serviceCodes, IReadOnlyDictionary<string, ServiceCategory> categories) =>
        serviceCodes.Split(',').Select(c => categories.GetValueOrDefault(c.Trim())).Where(c => c != 0).Distinct().Count() >= ComprehensiveCategories;

    /// <summary>Stations (of the subtree) with a window whose services span several categories — the article's 964.</summary>
    public static async Task<(int Comprehensive, int Stations)> ComprehensiveWindowsAsync(AppDb db, string prefix, CancellationToken ct)
    {
        var stations = await db.Units.AsNoTracking()
            .CountAsync(u => (u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation) && u.AreaPath.StartsWith(prefix), ct);
        var categories = await db.PublicServices.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Category, ct);
        var windows = await db.Outlets.AsNoTracking()
            .Where(o => o.Kind == OutletKind.StationWindow && o.AreaPath.StartsWith(prefix))
            .Select(o => new { o.UnitId, o.ServiceCodes }).ToListAsync(ct);
        var comprehensive = windows.Where(w => IsComprehensive(w.ServiceCodes, categories)).Select(w => w.UnitId).Distinct().Count();
        return (comprehensive, stations);
    }
}
