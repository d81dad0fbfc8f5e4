using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demands;

/// <summary>The list filters of the API and the page.</summary>
public sealed record DemandFilter(DemandStatus? Status, DemandCategory? Category, bool? Overdue, string? Area, string? Q);

/// <summary>Reading demands: lists, the demand page, counts, and the units a demand can be referred to.</summary>
public static class DemandQueries
{
    public static IQueryable<Demand> Filter(AppDb db, DemandFilter f, DateOnly today)
    {
        var query = db.Demands.AsNoTracking();
        if (f.Status is not null)
        {
            query = query.Where(d => d.Status == f.Status);
        }
        if (f.Category is not null)
        {
            query = query.Where(d => d.Category == f.Category);
        }
        if (f.Overdue == true)
        {
            query = query.Where(d => d.Status == DemandStatus.Referred && d.Referrals.Any(r => r.AnsweredOn == null && r.ReturnedOn == null && r.DueOn < today));
        }
        if (!string.IsNullOrWhiteSpace(f.Area))
        {
            var prefix = db.SubtreePrefix(f.Area);
            query = query.UnderPath(d => d.AreaPath, prefix);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var like = Paging.LikeContains(f.Q);
            var code = f.Q.Trim();
            query = query.Where(d => EF.Functions.Like(d.Description, like, "\\") || d.Code == code
                || (d.Household != null && (d.Household.Code == code || EF.Functions.Like(d.Household.Address, like, "\\"))));
        }
        return query.OrderBy(d => d.Status).ThenByDescending(d => d.RaisedOn).ThenByDescending(d => d.Id);
    }

    public static IQueryable<DemandDto> ToDto(IQueryable<Demand> q) =>
        q.Select(d => new DemandDto(
            d.Id, d.Code, d.Category, d.Source, d.Description,
            d.Area!.Code, d.Area.NameZh, d.Area.NameEn,
            d.HouseholdId, d.Household != null ? d.Household.Code : null, d.Household != null ? d.Household.Address : null,
            d.VisitId, d.ProjectId, d.Project != null ? d.Project.Name : null,
            d.Status, d.RaisedOn, d.RaisedBy != null ? d.RaisedBy.NameZh : null, d.RaisedBy != null ? d.RaisedBy.NameEn : null,
            d.Answer, d.AnsweredOn, d.Satisfaction, d.ClosedOn, d.CloseNote,
            d.Referrals.OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.Id).Select(r => r.UnitNameZh).FirstOrDefault(),
            d.Referrals.OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.Id).Select(r => r.UnitNameEn).FirstOrDefault(),
            d.Referrals.Where(r => r.AnsweredOn == null && r.ReturnedOn == null).OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.Id).Select(r => (DateOnly?)r.DueOn).FirstOrDefault(),
            d.Version));

    public static async Task<DemandDetail?> DetailAsync(AppDb db, int id, DateOnly today, CancellationToken ct)
    {
        var demand = await ToDto(db.Demands.AsNoTracking().Where(d => d.Id == id)).FirstOrDefaultAsync(ct);
        if (demand is null)
        {
            return null;
        }
        var referrals = await db.DemandReferrals.AsNoTracking().Where(r => r.DemandId == id).OrderBy(r => r.ReferredOn).ThenBy(r => r.Id)
            .Select(r => new DemandReferralDto(r.Id, r.UnitId, r.UnitNameZh, r.UnitNameEn, r.UnitKind, r.ReferredOn, r.DueOn,
                r.ReferredBy != null ? r.ReferredBy.NameZh : null, r.ReferredBy != null ? r.ReferredBy.NameEn : null,
                r.Note, r.Answer, r.AnsweredOn, r.AnsweredByName, r.AnsweredOn == null && r.ReturnedOn == null && r.DueOn < today, r.Version,
                r.AnsweredByUnit, r.AcceptedOn, r.AcceptedByName, r.ReturnedOn, r.ReturnReason, r.ReturnedByName))
            .ToListAsync(ct);
        return new DemandDetail(demand, referrals, DemandCommands.AllowedIn(demand.Status));
    }

    /// <summary>Counts per state in the caller's jurisdiction (or an area of it), and the demands whose referral is overdue.</summary>
    public static async Task<DemandCounts> CountsAsync(AppDb db, string? area, DateOnly today, CancellationToken ct)
    {
        var query = db.Demands.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area);
            query = query.UnderPath(d => d.AreaPath, prefix);
        }
        var byStatus = await query.GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await query.CountAsync(d => d.Status == DemandStatus.Referred && d.Referrals.Any(r => r.AnsweredOn == null && r.ReturnedOn == null && r.DueOn < today), ct);
        int Of(DemandStatus s) => byStatus.Where(x => x.Status == s).Sum(x => x.Count);
        return new DemandCounts(Of(DemandStatus.Open), Of(DemandStatus.Referred), Of(DemandStatus.Answered), Of(DemandStatus.Closed), overdue);
    }

    /// <summary>
    /// Every unit whose area holds the demand's area (its community committee, the street office,
    /// the county and city, the province's co-building departments) or lies inside it. The
    /// provincial departments sit above an officer's jurisdiction, so this one query — the
    /// referral picker and the check of the chosen unit — reads units without the scope filter.
    /// </summary>
    public static IQueryable<Unit> ReferralUnits(AppDb db, string areaPath)
    {
        var above = PathRange.Ancestors(areaPath);
        return db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => above.Contains(u.AreaPath) || u.AreaPath.StartsWith(areaPath));
    }

    /// <summary>The picker's order: the community committee first, then the street office, co-building departments, the rest; nearest first.</summary>
    public static async Task<List<DemandUnitOption>> ReferralOptionsAsync(AppDb db, string areaPath, CancellationToken ct)
    {
        var units = await ReferralUnits(db, areaPath).Select(u => new { u.Id, u.Code, u.NameZh, u.NameEn, u.Kind, u.AreaPath }).ToListAsync(ct);
        return [.. units.OrderBy(u => Rank(u.Kind)).ThenByDescending(u => u.AreaPath.Length).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new DemandUnitOption(u.Id, u.Code, u.NameZh, u.NameEn, u.Kind))];
    }

    private static int Rank(UnitKind kind) => kind switch
    {
        UnitKind.CommunityCommittee => 0,
        UnitKind.TownshipOffice => 1,
        UnitKind.CoBuildingDepartment => 2,
        _ => 3,
    };
}
