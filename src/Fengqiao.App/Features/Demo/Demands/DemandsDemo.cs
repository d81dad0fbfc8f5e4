using Fengqiao.Features.Areas;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Households;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo.Demands;

/// <summary>
/// Demo demands: about 150 over the demo stations' households (most in Chongqing Road, Xi'an
/// Square and Jilu), in every state — open, referred and not yet due, referred and overdue,
/// answered, closed with the resident's satisfaction — referred to community committees, street
/// offices and the province's co-building departments; and the "织心妈妈" knitting team of Fubei
/// Community with its members, orders and the employment demands it answered. Deterministic for a
/// given day; runs after the households are seeded, as the system; does nothing when demands exist.
/// </summary>
public static partial class DemandsDemo
{
    private const int GeneralCount = 140;
    private const int KnittingCount = 10;

    /// <summary>Streets that get a fixed share: Chongqing Road (demo.officer), Xi'an Square (demo.officer2), Jilu (demo.weidong).</summary>
    private static readonly (string Township, int Count)[] Focus = [("220104001", 30), ("220106001", 20), ("220421001", 20)];

    private enum Plan
    {
        Open,
        Referred,
        Overdue,
        Answered,
        ClosedOnTheSpot,
        ClosedAfterReferral,
    }

    /// <summary>The mix of states, repeated: every street with six or more demands has them all.</summary>
    private static readonly Plan[] Cycle =
    [
        Plan.Open, Plan.Referred, Plan.Overdue, Plan.Answered, Plan.ClosedOnTheSpot, Plan.ClosedAfterReferral,
        Plan.Referred, Plan.ClosedAfterReferral, Plan.Answered, Plan.Open,
    ];

    private sealed record Place(int? HouseholdId, int AreaId, string AreaPath, HouseholdTags Tags);

    private sealed record UnitRow(int Id, UnitKind Kind, string AreaPath, string NameZh, string NameEn);

    public static async Task SeedAsync(AppDb db, LocalClock clock, CancellationToken ct)
    {
        if (await db.Demands.AnyAsync(ct))
        {
            return;
        }
        var places = await LoadPlacesAsync(db, ct);
        if (places.Count == 0)
        {
            return;
        }
        var calendar = WorkingCalendar.From(await db.Set<CalendarDay>().AsNoTracking().ToListAsync(ct));
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.CommunityCommittee || u.Kind == UnitKind.TownshipOffice || u.Kind == UnitKind.CoBuildingDepartment)
            .OrderBy(u => u.Code)
            .Select(u => new UnitRow(u.Id, u.Kind, u.AreaPath, u.NameZh, u.NameEn))
            .ToListAsync(ct);
        var police = (await db.Posts.AsNoTracking().Where(p => p.Role == PostRole.CommunityPolice).OrderBy(p => p.PersonId).ThenBy(p => p.Id)
            .Select(p => new { p.PersonId, p.AreaPath }).ToListAsync(ct))
            .ToLookup(p => DemandCommands.Township(p.AreaPath), p => p.PersonId, StringComparer.Ordinal);

        var rng = new Random(20240524);
        var builder = new Builder(rng, clock.Today, calendar, units, police);
        var demands = new List<Demand>();
        var n = 0;
        foreach (var place in PickPlaces(places, rng))
        {
            demands.Add(builder.NewDemand(place, Cycle[n++ % Cycle.Length]));
        }

        var fubei = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community && a.NameZh.Contains("安顺"))
                .OrderBy(a => a.Code).Select(a => new { a.Id, a.Path }).FirstOrDefaultAsync(ct)
            ?? await db.Areas.AsNoTracking().Where(a => a.Code == "220204001").Select(a => new { a.Id, a.Path }).FirstOrDefaultAsync(ct);
        if (fubei is not null)
        {
            var project = builder.KnittingProject(fubei.Id, fubei.Path);
            db.CommunityProjects.Add(project);
            var homes = places.Where(p => p.AreaPath.StartsWith(fubei.Path, StringComparison.Ordinal)).ToList();
            if (homes.Count == 0)
            {
                homes.Add(new Place(null, fubei.Id, fubei.Path, HouseholdTags.None));
            }
            var first = rng.Next(homes.Count);
            for (var k = 0; k < KnittingCount; k++)
            {
                demands.Add(builder.Knitting(homes[(first + k) % homes.Count], project, k));
            }
        }

        // Codes in the order the demands were raised, street by street and year by year, as CaseCodes would have given them.
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in demands.OrderBy(d => d.RaisedOn).ThenBy(d => d.AreaPath, StringComparer.Ordinal))
        {
            var township = DemandCommands.Township(d.AreaPath);
            var series = FormattableString.Invariant($"Q-{township}-{d.RaisedOn.Year}");
            var number = counters.GetValueOrDefault(series) + 1;
            counters[series] = number;
            d.Code = FormattableString.Invariant($"Q{township}-{d.RaisedOn.Year}-{number:00000}");
        }
        db.Demands.AddRange(demands);
        db.Set<CodeCounter>().AddRange(counters.Select(c => new CodeCounter { Series = c.Key, Last = c.Value }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The households (or, when there are none, the communities) demands can come from.</summary>
    private static async Task<List<Place>> LoadPlacesAsync(AppDb db, CancellationToken ct)
    {
        var homes = await db.Households.AsNoTracking().OrderBy(h => h.Id)
            .Select(h => new Place(h.Id, h.AreaId, h.AreaPath, h.Tags)).ToListAsync(ct);
        if (homes.Count > 0)
        {
            return homes;
        }
        return await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community).OrderBy(a => a.Code)
            .Select(a => new Place(null, a.Id, a.Path, HouseholdTags.None)).ToListAsync(ct);
    }

    /// <summary>The fixed shares of the focus streets first, then the other streets in turn.</summary>
    private static List<Place> PickPlaces(List<Place> places, Random rng)
    {
        var byTownship = places.GroupBy(p => DemandCommands.Township(p.AreaPath))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var plan = new List<string>();
        foreach (var (township, count) in Focus)
        {
            if (byTownship.ContainsKey(township))
            {
                plan.AddRange(Enumerable.Repeat(township, count));
            }
        }
        var others = byTownship.Keys.Where(k => !Array.Exists(Focus, f => f.Township == k)).Order(StringComparer.Ordinal).ToList();
        List<string> pool = others.Count > 0 ? others : [.. byTownship.Keys.Order(StringComparer.Ordinal)];
        for (var i = 0; plan.Count < GeneralCount; i++)
        {
            plan.Add(pool[i % pool.Count]);
        }
        var picked = new List<Place>();
        foreach (var township in plan)
        {
            var homes = byTownship[township];
            picked.Add(homes[rng.Next(homes.Count)]);
        }
        return picked;
    }
}
