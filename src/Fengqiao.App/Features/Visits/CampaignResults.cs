using Fengqiao.Features.Disputes;
using Fengqiao.Features.Dangers;

namespace Fengqiao.Features.Visits;

/// <summary>
/// What a campaign's home visits turned up and what became of it — the 100-day action's "61,700 disputes found, 59,400
/// resolved" as figures of the campaign itself: cases and dangers recorded on its visits, how many were resolved (or
/// removed) within its period and after it, and the demands residents raised. As far as the caller can see.
/// </summary>
public sealed record CampaignResultsDto(
    int Visits, int DisputesFound, int DisputesResolved, int ResolvedInPeriod, int ResolvedAfter,
    int DangersFound, int DangersRemoved, int RemovedInPeriod, int RemovedAfter, int DemandsRaised)
{
    public double ResolutionRate => DisputesFound == 0 ? 0 : Math.Round(100.0 * DisputesResolved / DisputesFound, 1);
}

/// <summary>A campaign as the dashboard and the export list it: its period and what its visits in the area produced.</summary>
public sealed record CampaignSummary(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, CampaignResultsDto Results);

public static class CampaignResults
{
    /// <summary>The results of one campaign, from its visits in the subtree <paramref name="prefix"/> (all the caller sees when null).</summary>
    public static async Task<CampaignResultsDto> ForAsync(AppDb db, int campaignId, DateOnly endsOn, CancellationToken ct, string? prefix = null)
    {
        var visits = db.Visits.AsNoTracking().Where(v => v.CampaignId == campaignId);
        if (prefix is not null)
        {
            visits = visits.UnderPath(v => v.AreaPath, prefix);
        }
        var visitCount = await visits.CountAsync(ct);
        var disputes = await db.Disputes.AsNoTracking()
            .Where(d => visits.Any(v => v.DisputeId == d.Id))
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Found = g.Count(),
                InPeriod = g.Count(d => d.ResolvedOn != null && d.ResolvedOn <= endsOn),
                After = g.Count(d => d.ResolvedOn != null && d.ResolvedOn > endsOn),
            })
            .FirstOrDefaultAsync(ct);
        var dangers = await db.Dangers.AsNoTracking()
            .Where(d => visits.Any(v => v.DangerId == d.Id))
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Found = g.Count(),
                InPeriod = g.Count(d => d.Status == DangerStatus.Verified && d.VerifiedOn <= endsOn),
                After = g.Count(d => d.Status == DangerStatus.Verified && d.VerifiedOn > endsOn),
            })
            .FirstOrDefaultAsync(ct);
        var demands = await visits.Where(v => v.DemandId != null).Select(v => v.DemandId).Distinct().CountAsync(ct);
        return new CampaignResultsDto(visitCount,
            disputes?.Found ?? 0, (disputes?.InPeriod ?? 0) + (disputes?.After ?? 0), disputes?.InPeriod ?? 0, disputes?.After ?? 0,
            dangers?.Found ?? 0, (dangers?.InPeriod ?? 0) + (dangers?.After ?? 0), dangers?.InPeriod ?? 0, dangers?.After ?? 0, demands);
    }

    /// <summary>The campaigns that ran in the period and reached the area (run there, above it or below it), newest first.</summary>
    public static async Task<List<CampaignSummary>> InAreaAsync(AppDb db, string areaPath, DateOnly from, DateOnly to, int max, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.StartsOn <= to && c.EndsOn >= from
                && c.Areas.Any(a => a.AreaPath.StartsWith(areaPath) || areaPath.StartsWith(a.AreaPath)))
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Take(max)
            .Select(c => new { c.Id, c.Name, c.StartsOn, c.EndsOn }).ToListAsync(ct);
        var result = new List<CampaignSummary>(campaigns.Count);
        foreach (var c in campaigns)
        {
            result.Add(new CampaignSummary(c.Id, c.Name, c.StartsOn, c.EndsOn, await ForAsync(db, c.Id, c.EndsOn, ct, areaPath)));
        }
        return result;
    }
}
