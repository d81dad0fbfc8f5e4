using Fengqiao.Features.Areas;
using Fengqiao.Features.People;

namespace Fengqiao.Features.Visits;

/// <summary>The notepad (民情日志): visits by area, campaign, officer or household, and a search of what was written, newest first.</summary>
public static class VisitQueries
{
    public static IQueryable<Visit> Filter(AppDb db, string? area, string? q, int? campaign, int? officer, int? household)
    {
        var query = db.Visits.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area.Trim());
            query = query.UnderPath(v => v.AreaPath, prefix);
        }
        if (campaign is not null)
        {
            query = query.Where(v => v.CampaignId == campaign);
        }
        if (officer is not null)
        {
            query = query.Where(v => v.OfficerId == officer);
        }
        if (household is not null)
        {
            query = query.Where(v => v.HouseholdId == household);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            var term = q.Trim();
            query = query.Where(v => EF.Functions.Like(v.Notes, like, "\\")
                || (v.CompanionName != null && EF.Functions.Like(v.CompanionName, like, "\\"))
                || EF.Functions.Like(v.Household!.Address, like, "\\")
                || v.Household.Code == term);
        }
        return query.OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id);
    }

    /// <summary>
    /// The officer's name is looked up, not joined: a visit stays listed even when the officer who
    /// made it belongs to another station and is not visible to the reader.
    /// </summary>
    public static IQueryable<VisitDto> Project(AppDb db, IQueryable<Visit> q) =>
        q.Select(v => new VisitDto(
            v.Id, v.HouseholdId, v.Household!.Code, v.Household.Address, v.Household.Area!.Code, v.Household.Area.NameZh, v.Household.Area.NameEn,
            v.CampaignId, v.Campaign != null ? v.Campaign.Name : null, v.VisitedAt, v.OfficerId,
            db.Set<Person>().Where(p => p.Id == v.OfficerId).Select(p => p.NameZh).FirstOrDefault(),
            db.Set<Person>().Where(p => p.Id == v.OfficerId).Select(p => p.NameEn).FirstOrDefault(),
            v.CompanionName, v.Notes, v.AntiFraudGiven, v.DemandId, v.DisputeId, v.DangerId, v.Version));

    public static Task<VisitDto?> GetAsync(AppDb db, int id, CancellationToken ct) =>
        Project(db, db.Visits.AsNoTracking().Where(v => v.Id == id)).FirstOrDefaultAsync(ct);
}
