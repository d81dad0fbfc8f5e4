using Fengqiao.Features.Dangers;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo;

/// <summary>
/// Fills the demo province with dispute cases in every state — about ten per police station over
/// the last 540 days, with their parties, co-handlers, sessions, agreements, return visits and
/// timelines — and about 120 hidden dangers, so that worklists and statistics mean something on
/// first start. Dates count back from today, and the draws come from one seeded
/// <see cref="Random"/>, so the same day gives the same data. Runs after <see cref="DemoSeeder"/>,
/// as the system (unrestricted jurisdiction); everything is saved in one transaction.
/// </summary>
public sealed class DemoCaseSeeder(AppDb db, CalendarService calendar, IOptions<DeadlineOptions> deadlines, DisputeCategories categories, LocalClock clock)
{
    private static readonly PostRole[] StaffRoles =
    [
        PostRole.CommunityPolice, PostRole.StationDirector, PostRole.AuxiliaryPolice, PostRole.SecondedOfficer,
        PostRole.GridOfficer, PostRole.CommunitySecretary, PostRole.CommitteeMember, PostRole.CommitteeDeputyDirector,
    ];

    /// <summary>The hidden dangers the last <see cref="SeedAsync"/> created.</summary>
    public int DangerCount { get; private set; }

    /// <summary>Creates the cases and dangers; returns the number of cases.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var stations = await LoadAsync(ct);
        var builder = new DemoCaseBuilder(stations, calendar.Current, deadlines.Value, [.. categories.All], clock, new Random(DemoSeeder.RandomSeed + 1));
        var set = builder.Build();
        await SaveAsync(set, ct);
        DangerCount = set.Dangers.Count;
        return set.Cases.Count;
    }

    /// <summary>The stations with their grids, and the people who handle cases there.</summary>
    private async Task<List<CaseStation>> LoadAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation || u.Kind == UnitKind.CommunityCommittee)
            .OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Kind, u.NameZh, u.AreaPath })
            .ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking()
            .Where(a => a.Level >= AreaLevel.County)
            .OrderBy(a => a.Path)
            .Select(a => new { a.Id, a.Level, a.Path, a.NameZh, a.CentreLat, a.CentreLng })
            .ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => StaffRoles.Contains(p.Role))
            .OrderBy(p => p.Id)
            .Select(p => new CaseStaff(p.PersonId, p.UnitId, p.Role, p.Title ?? "", p.StartDate, p.EndDate, p.Person!.NameZh))
            .ToListAsync(ct);

        var byUnit = posts.ToLookup(p => p.UnitId);
        var names = areas.Where(a => a.Level != AreaLevel.Grid).ToDictionary(a => a.Path, a => a.NameZh, StringComparer.Ordinal);
        var committees = units.Where(u => u.Kind == UnitKind.CommunityCommittee).DistinctBy(u => u.AreaPath)
            .ToDictionary(u => u.AreaPath, StringComparer.Ordinal);
        var stations = units.Where(u => u.Kind is UnitKind.PoliceStation or UnitKind.BorderPoliceStation)
            .Select(u => new CaseStation { Id = u.Id, NameZh = u.NameZh, AreaPath = u.AreaPath })
            .ToList();
        foreach (var station in stations)
        {
            foreach (var post in byUnit[station.Id])
            {
                if (post.Role == PostRole.CommunityPolice)
                {
                    station.Police.Add(post);
                }
                if (post.Role is PostRole.AuxiliaryPolice or PostRole.SecondedOfficer)
                {
                    station.CoHandlers.Add(post);
                }
                if (post.Role is PostRole.CommunityPolice or PostRole.StationDirector)
                {
                    station.Verifiers.Add(post);
                }
            }
        }

        foreach (var grid in areas.Where(a => a.Level == AreaLevel.Grid))
        {
            // The station that answers for the grid: the nearest one above it.
            var station = stations.Where(s => grid.Path.StartsWith(s.AreaPath, StringComparison.Ordinal)).MaxBy(s => s.AreaPath.Length);
            if (station is null)
            {
                continue;
            }
            var community = Parent(grid.Path);
            var township = Parent(community);
            var communityName = names.GetValueOrDefault(community, "");
            List<CaseStaff> people = [];
            var committeeName = communityName;
            if (committees.TryGetValue(community, out var committee))
            {
                committeeName = committee.NameZh;
                people.AddRange(byUnit[committee.Id].Where(p => p.Role is PostRole.GridOfficer or PostRole.CommunitySecretary
                    or PostRole.CommitteeMember or PostRole.CommitteeDeputyDirector));
            }
            var segments = grid.Path.Trim('/').Split('/');
            station.Grids.Add(new CaseGrid(
                grid.Id, grid.Path, grid.NameZh, grid.CentreLat, grid.CentreLng, segments.Length > 3 ? segments[3] : segments[^1],
                names.GetValueOrDefault(township, ""), names.GetValueOrDefault(Parent(township), ""), communityName, committeeName,
                communityName.EndsWith('村'), people));
        }
        return stations;
    }

    /// <summary>"/22/2201/220104/220104001/" → "/22/2201/220104/".</summary>
    private static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        return cut < 0 ? "/" : trimmed[..(cut + 1)];
    }

    /// <summary>One insert of everything in one transaction, then each row's version set to what its history says.</summary>
    private async Task SaveAsync(DemoCaseSet set, CancellationToken ct)
    {
        await DemoBatch.WriteAsync(db, async (save, _) =>
        {
            db.Disputes.AddRange(set.Cases.Select(c => c.Dispute));
            db.DisputeEvents.AddRange(set.Events);
            db.MediationSessions.AddRange(set.Sessions);
            db.MediationAgreements.AddRange(set.Agreements);
            db.FollowUpVisits.AddRange(set.Visits);
            db.Dangers.AddRange(set.Dangers.Select(x => x.Danger));
            db.DangerEvents.AddRange(set.DangerEvents);
            db.Set<CodeCounter>().AddRange(set.Counters);
            await save();
        }, async token =>
        {
            // Saving stamps every new row version 1; a case is at the version of its last timeline event.
            foreach (var group in set.Cases.Where(c => c.Version > 1).GroupBy(c => c.Version))
            {
                var ids = group.Select(c => c.Dispute.Id).ToList();
                var version = group.Key;
                await db.Disputes.IgnoreQueryFilters().Where(d => ids.Contains(d.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, version), token);
            }
            // A danger was opened (1), rectified (2) and verified (3).
            foreach (var group in set.Dangers.GroupBy(x => (long)x.Danger.Status).Where(g => g.Key > 1))
            {
                var ids = group.Select(x => x.Danger.Id).ToList();
                var version = group.Key;
                await db.Dangers.IgnoreQueryFilters().Where(d => ids.Contains(d.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, version), token);
            }
        }, ct);
        // Thousands of tracked rows would only slow the next user of this context down.
        db.ChangeTracker.Clear();
    }
}
