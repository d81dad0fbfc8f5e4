using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Visits;

/// <summary>
/// Campaign reads shared by the pages and the API, with their coverage totals. A campaign run by
/// a higher level is visible to the stations whose areas it covers, but the area that runs it may
/// not be: area names are therefore looked up separately and may be missing (the code is in the path).
/// </summary>
public static class CampaignQueries
{
    public static IQueryable<Campaign> Filter(AppDb db, string? q, CampaignPhase? phase, DateOnly today)
    {
        var query = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(c => EF.Functions.Like(c.Name, like, "\\") || (c.Description != null && EF.Functions.Like(c.Description, like, "\\")));
        }
        query = phase switch
        {
            CampaignPhase.Current => query.Where(c => c.StartsOn <= today && c.EndsOn >= today),
            CampaignPhase.Upcoming => query.Where(c => c.StartsOn > today),
            CampaignPhase.Finished => query.Where(c => c.EndsOn < today),
            _ => query,
        };
        return query.OrderByDescending(c => c.EndsOn >= today).ThenByDescending(c => c.StartsOn).ThenByDescending(c => c.Id);
    }

    /// <summary>A page of campaigns, each with its targets and visited households as the caller sees them.</summary>
    public static async Task<Page<CampaignListItem>> ListAsync(AppDb db, string? q, CampaignPhase? phase, DateOnly today, int? page, int? pageSize, CancellationToken ct)
    {
        var rows = await Filter(db, q, phase, today)
            .Select(c => new { c.Id, c.Name, c.StartsOn, c.EndsOn, c.AreaId, c.AreaPath, c.TargetTags })
            .ToPageAsync(page, pageSize, ct);
        var ids = rows.Items.Select(r => r.Id).ToList();
        var paths = await db.Set<CampaignArea>().AsNoTracking().Where(a => ids.Contains(a.CampaignId))
            .Select(a => new { a.CampaignId, a.AreaPath }).ToListAsync(ct);
        var names = await AreaNamesAsync(db, [.. rows.Items.Select(r => r.AreaId)], ct);
        var items = new List<CampaignListItem>(rows.Items.Count);
        foreach (var r in rows.Items)
        {
            var scope = new CampaignScope(r.Id, r.TargetTags, [.. paths.Where(p => p.CampaignId == r.Id).Select(p => p.AreaPath)]);
            var (targets, visited) = await CampaignCoverage.TotalsAsync(db, scope, ct);
            var owner = names.GetValueOrDefault(r.AreaId);
            items.Add(new CampaignListItem(r.Id, r.Name, r.StartsOn, r.EndsOn, owner?.Code ?? CodeOf(r.AreaPath), owner?.NameZh, owner?.NameEn,
                r.TargetTags, targets, visited));
        }
        return new Page<CampaignListItem>(items, rows.PageNumber, rows.PageSize, rows.Total);
    }

    public static async Task<CampaignDto?> GetAsync(AppDb db, int id, CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.Description, x.StartsOn, x.EndsOn, x.AreaId, x.AreaPath, x.TargetTags, x.Version })
            .FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }
        var covered = await db.Set<CampaignArea>().AsNoTracking().Where(a => a.CampaignId == id).OrderBy(a => a.AreaPath)
            .Select(a => new { a.AreaId, a.AreaPath }).ToListAsync(ct);
        var names = await AreaNamesAsync(db, [c.AreaId, .. covered.Select(a => a.AreaId)], ct);
        var areas = covered.Select(a => names.GetValueOrDefault(a.AreaId) is { } n
                ? new CampaignAreaDto(a.AreaId, n.Code, n.NameZh, n.NameEn, n.Level)
                : new CampaignAreaDto(a.AreaId, CodeOf(a.AreaPath), null, null, null))
            .ToList();
        var scope = new CampaignScope(c.Id, c.TargetTags, [.. covered.Select(a => a.AreaPath)]);
        var (targets, visited) = await CampaignCoverage.TotalsAsync(db, scope, ct);
        var owner = names.GetValueOrDefault(c.AreaId);
        return new CampaignDto(c.Id, c.Name, c.Description, c.StartsOn, c.EndsOn, owner?.Code ?? CodeOf(c.AreaPath), owner?.NameZh, owner?.NameEn,
            c.TargetTags, areas, targets, visited, c.Version, await CampaignResults.ForAsync(db, c.Id, c.EndsOn, ct));
    }

    /// <summary>"/22/2201/220104/220104001/" → "220104001".</summary>
    public static string CodeOf(string path) => path.TrimEnd('/').Split('/')[^1];

    /// <summary>The names of those areas the caller may see.</summary>
    private static async Task<Dictionary<int, AreaName>> AreaNamesAsync(AppDb db, List<int> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        return await db.Areas.AsNoTracking().Where(a => distinct.Contains(a.Id))
            .Select(a => new AreaName(a.Id, a.Code, a.NameZh, a.NameEn, a.Level))
            .ToDictionaryAsync(a => a.Id, ct);
    }

    private sealed record AreaName(int Id, string Code, string NameZh, string NameEn, AreaLevel Level);
}
