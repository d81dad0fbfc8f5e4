using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Visits;

namespace Fengqiao.Features.Demo.Visits;

/// <summary>
/// What the demo's visits turned up: the cases and dangers recorded in a campaign's streets while it ran are put on a
/// visit of that campaign made there on or before the day they were found, so the campaign's "disputes found, resolved"
/// reads from its own records as the article's 100-day action does.
/// </summary>
internal static class VisitsDemoFindings
{
    public static async Task LinkAsync(AppDb db, LocalClock clock, List<Visit> visits, Campaign campaign, string[] streetPaths, CancellationToken ct)
    {
        var mine = visits.Where(v => v.CampaignId == campaign.Id || ReferenceEquals(v.Campaign, campaign)).OrderBy(v => v.VisitedAt).ToList();
        if (mine.Count == 0)
        {
            return;
        }
        var disputes = await db.Disputes.AsNoTracking()
            .Where(d => d.RegisteredOn >= campaign.StartsOn && d.RegisteredOn <= campaign.EndsOn)
            .Select(d => new { d.Id, d.AreaPath, Day = d.RegisteredOn }).OrderBy(d => d.Day).ThenBy(d => d.Id).ToListAsync(ct);
        var dangers = await db.Dangers.AsNoTracking()
            .Where(d => d.FoundOn >= campaign.StartsOn && d.FoundOn <= campaign.EndsOn)
            .Select(d => new { d.Id, d.AreaPath, Day = d.FoundOn }).OrderBy(d => d.Day).ThenBy(d => d.Id).ToListAsync(ct);
        foreach (var d in disputes.Where(d => streetPaths.Any(s => d.AreaPath.StartsWith(s, StringComparison.Ordinal))))
        {
            if (Pick(clock, mine, d.AreaPath, d.Day, v => v.DisputeId is null) is { } visit)
            {
                visit.DisputeId = d.Id;
            }
        }
        foreach (var d in dangers.Where(d => streetPaths.Any(s => d.AreaPath.StartsWith(s, StringComparison.Ordinal))))
        {
            if (Pick(clock, mine, d.AreaPath, d.Day, v => v.DangerId is null) is { } visit)
            {
                visit.DangerId = d.Id;
            }
        }
    }

    /// <summary>The latest free visit in the same grid (else the same community) on or before the day.</summary>
    private static Visit? Pick(LocalClock clock, List<Visit> visits, string path, DateOnly day, Func<Visit, bool> free)
    {
        var community = path.TrimEnd('/');
        community = community[..(community.LastIndexOf('/') + 1)];
        return visits.LastOrDefault(v => free(v) && v.AreaPath == path && clock.DayOf(v.VisitedAt) <= day)
            ?? visits.LastOrDefault(v => free(v) && v.AreaPath.StartsWith(community, StringComparison.Ordinal) && clock.DayOf(v.VisitedAt) <= day);
    }
}
