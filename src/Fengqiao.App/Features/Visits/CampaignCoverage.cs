using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;
using Fengqiao.Features.People;

namespace Fengqiao.Features.Visits;

/// <summary>What a campaign covers, as the caller may see it: its id, target tags and the paths of its areas.</summary>
public sealed record CampaignScope(int Id, HouseholdTags Tags, string[] Paths);

/// <summary>
/// How far a campaign has got: target households, the distinct ones visited in the campaign, per
/// grid and per officer, and the households still to visit. Everything is counted by grouped SQL
/// (households are never loaded to count them), and every query is confined to the caller's
/// jurisdiction by the context's filters, so a station sees its own part of a province-wide campaign.
/// </summary>
public static class CampaignCoverage
{
    /// <summary>Posts whose holders knock on doors: their areas decide their share of the targets.</summary>
    private static readonly PostRole[] FieldRoles =
    [
        PostRole.StationDirector, PostRole.CommunityPolice, PostRole.PoliceOfficer, PostRole.AuxiliaryPolice, PostRole.SecondedOfficer,
        PostRole.CommitteeMember, PostRole.CommitteeDeputyDirector, PostRole.CommunitySecretary, PostRole.GridOfficer,
    ];

    /// <summary>Depth of a street's path ("/22/2201/220104/220104001/"): posts higher up are not counted as the campaign's officers.</summary>
    private const int TownshipDepth = 4;

    public static async Task<CampaignScope?> ScopeAsync(AppDb db, int id, CancellationToken ct)
    {
        var row = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.TargetTags, Paths = c.Areas.Select(a => a.AreaPath).ToList() })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new CampaignScope(row.Id, row.TargetTags, [.. row.Paths]);
    }

    /// <summary>The households a campaign targets: in one of its areas and, when it has target tags, with any of them.</summary>
    public static IQueryable<Household> Targets(AppDb db, CampaignScope s)
    {
        var paths = s.Paths;
        var tags = s.Tags;
        if (paths.Length == 0)
        {
            // None of the campaign's areas is the caller's to see.
            return db.Households.AsNoTracking().Where(h => false);
        }
        var q = db.Households.AsNoTracking().Where(h => paths.Any(p => h.AreaPath.StartsWith(p)));
        return tags == HouseholdTags.None ? q : q.Where(h => (h.Tags & tags) != HouseholdTags.None);
    }

    /// <summary>Whether a household (by path and tags) is a target of a campaign with these areas and tags.</summary>
    public static bool IsTarget(IEnumerable<string> campaignPaths, HouseholdTags campaignTags, string householdPath, HouseholdTags householdTags) =>
        campaignPaths.Any(p => householdPath.StartsWith(p, StringComparison.Ordinal))
        && (campaignTags == HouseholdTags.None || (campaignTags & householdTags) != HouseholdTags.None);

    /// <summary>
    /// The campaigns running on <paramref name="day"/> that target a household at this path with these tags,
    /// the most recently started first.
    /// </summary>
    public static IQueryable<Campaign> ActiveFor(AppDb db, string householdPath, HouseholdTags householdTags, DateOnly day) =>
        db.Campaigns.AsNoTracking()
            .Where(c => c.StartsOn <= day && c.EndsOn >= day
                && (c.TargetTags == HouseholdTags.None || (c.TargetTags & householdTags) != HouseholdTags.None)
                && c.Areas.Any(a => householdPath.StartsWith(a.AreaPath)))
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id);

    /// <summary>Target and visited households in all: two counts, for lists of campaigns.</summary>
    public static async Task<(int Targets, int Visited)> TotalsAsync(AppDb db, CampaignScope s, CancellationToken ct)
    {
        var id = s.Id;
        var targets = Targets(db, s);
        var total = await targets.CountAsync(ct);
        var visited = total == 0 ? 0 : await targets.CountAsync(h => db.Set<Visit>().Any(v => v.CampaignId == id && v.HouseholdId == h.Id), ct);
        return (total, visited);
    }

    public static async Task<CoverageDto> CoverageAsync(AppDb db, CampaignScope s, DateOnly today, CancellationToken ct)
    {
        var id = s.Id;
        var targets = Targets(db, s);
        var perArea = await targets.GroupBy(h => h.AreaPath).Select(g => new { Path = g.Key, Count = g.Count() }).ToListAsync(ct);
        var visitedPerArea = (await targets.Where(h => db.Set<Visit>().Any(v => v.CampaignId == id && v.HouseholdId == h.Id))
            .GroupBy(h => h.AreaPath).Select(g => new { Path = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Path, x => x.Count, StringComparer.Ordinal);

        var paths = perArea.Select(x => x.Path).ToList();
        var names = (await db.Areas.AsNoTracking().Where(a => paths.Contains(a.Path))
            .Select(a => new { a.Path, a.Code, a.NameZh, a.NameEn, ParentZh = a.Parent != null ? a.Parent.NameZh : null, ParentEn = a.Parent != null ? a.Parent.NameEn : null })
            .ToListAsync(ct))
            .ToDictionary(a => a.Path, StringComparer.Ordinal);
        var grids = perArea
            .OrderBy(x => x.Path, StringComparer.Ordinal)
            .Select(x => names.TryGetValue(x.Path, out var n)
                ? new GridCoverage(n.Code, n.NameZh, n.NameEn, n.ParentZh, n.ParentEn, x.Count, visitedPerArea.GetValueOrDefault(x.Path))
                : new GridCoverage(CampaignQueries.CodeOf(x.Path), CampaignQueries.CodeOf(x.Path), CampaignQueries.CodeOf(x.Path), null, null, x.Count,
                    visitedPerArea.GetValueOrDefault(x.Path)))
            .ToList();
        var targetsByPath = perArea.ToDictionary(x => x.Path, x => x.Count, StringComparer.Ordinal);

        // Distinct target households per officer, and their visits, in one grouped query.
        var byOfficer = await db.Visits.AsNoTracking()
            .Where(v => v.CampaignId == id && targets.Any(h => h.Id == v.HouseholdId))
            .GroupBy(v => v.OfficerId)
            .Select(g => new { OfficerId = g.Key, Households = g.Select(v => v.HouseholdId).Distinct().Count(), Visits = g.Count() })
            .ToListAsync(ct);
        var posts = await FieldPostsAsync(db, s.Paths, today, null, ct);
        var officerIds = posts.Select(p => p.PersonId).Concat(byOfficer.Select(o => o.OfficerId)).Distinct().ToList();
        var people = (await db.People.AsNoTracking().Where(p => officerIds.Contains(p.Id)).Select(p => new { p.Id, p.NameZh, p.NameEn }).ToListAsync(ct))
            .ToDictionary(p => p.Id);
        var officers = officerIds
            .Select(pid =>
            {
                var mine = posts.Where(p => p.PersonId == pid).Select(p => p.AreaPath).ToList();
                int? officerTargets = mine.Count == 0
                    ? null
                    : targetsByPath.Where(t => mine.Exists(p => t.Key.StartsWith(p, StringComparison.Ordinal))).Sum(t => t.Value);
                var visits = byOfficer.Find(o => o.OfficerId == pid);
                var person = people.GetValueOrDefault(pid);
                return new OfficerCoverage(pid, person?.NameZh, person?.NameEn, officerTargets, visits?.Households ?? 0, visits?.Visits ?? 0);
            })
            .OrderByDescending(o => o.Visited).ThenBy(o => o.NameZh, StringComparer.Ordinal)
            .ToList();

        return new CoverageDto(id, perArea.Sum(x => x.Count), visitedPerArea.Values.Sum(), grids, officers);
    }

    /// <summary>
    /// The area paths of an officer's (or every officer's, for null) active field posts that
    /// overlap the campaign's areas: posts inside them, or at a street or below that contains them.
    /// </summary>
    public static async Task<List<(int PersonId, string AreaPath)>> FieldPostsAsync(
        AppDb db, string[] campaignPaths, DateOnly today, int? personId, CancellationToken ct)
    {
        if (campaignPaths.Length == 0)
        {
            return [];
        }
        var query = db.Posts.AsNoTracking()
            .Where(p => FieldRoles.Contains(p.Role) && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today)
                && campaignPaths.Any(c => p.AreaPath.StartsWith(c) || c.StartsWith(p.AreaPath)));
        if (personId is not null)
        {
            query = query.Where(p => p.PersonId == personId);
        }
        var rows = await query.Select(p => new { p.PersonId, p.AreaPath }).ToListAsync(ct);
        return [.. rows
            .Where(p => Depth(p.AreaPath) >= TownshipDepth || Array.Exists(campaignPaths, c => p.AreaPath.StartsWith(c, StringComparison.Ordinal)))
            .Select(p => (p.PersonId, p.AreaPath))
            .Distinct()];
    }

    /// <summary>
    /// A campaign's target households, visited or not, in an area (a grid or community code) or in
    /// the areas of one officer's posts; by grid, then code.
    /// </summary>
    public static IQueryable<TargetHouseholdDto> Households(AppDb db, CampaignScope s, TargetShow show, string? area, string[]? officerPaths)
    {
        var id = s.Id;
        var q = Targets(db, s);
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area.Trim());
            q = q.UnderPath(h => h.AreaPath, prefix);
        }
        if (officerPaths is { Length: 0 })
        {
            q = q.Where(h => false);
        }
        else if (officerPaths is { } mine)
        {
            q = q.Where(h => mine.Any(p => h.AreaPath.StartsWith(p)));
        }
        q = show switch
        {
            TargetShow.Visited => q.Where(h => db.Set<Visit>().Any(v => v.CampaignId == id && v.HouseholdId == h.Id)),
            TargetShow.NotVisited => q.Where(h => !db.Set<Visit>().Any(v => v.CampaignId == id && v.HouseholdId == h.Id)),
            _ => q,
        };
        return q.OrderBy(h => h.AreaPath).ThenBy(h => h.Code)
            .Select(h => new TargetHouseholdDto(h.Id, h.Code, h.Address, h.Area!.Code, h.Area.NameZh, h.Area.NameEn, h.Tags, h.MemberCount,
                db.Set<Visit>().Where(v => v.CampaignId == id && v.HouseholdId == h.Id).Max(v => (DateTime?)v.VisitedAt)));
    }

    private static int Depth(string path) => path.Count(ch => ch == '/') - 1;
}
