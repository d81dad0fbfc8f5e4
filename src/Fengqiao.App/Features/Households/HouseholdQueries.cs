using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Households;

/// <summary>Household and resident reads, shared by the pages and the API. Every query is scoped by the context.</summary>
public static class HouseholdQueries
{
    public static IQueryable<HouseholdRow> Rows(IQueryable<Household> q) =>
        q.Select(h => new HouseholdRow(h.Id, h.Code, h.Address, h.Area!.Code, h.Area.NameZh, h.Area.NameEn, h.Tags, h.PhoneMasked, h.MemberCount, h.Version));

    public static IQueryable<ResidentDto> Residents(IQueryable<Resident> q) =>
        q.Select(r => new ResidentDto(r.Id, r.HouseholdId, r.Household!.Code, r.Name, r.IdMasked, r.BirthDate, r.Gender, r.Relation, r.Tags, r.PhoneMasked, r.Version));

    /// <summary>
    /// Households by area, tag and a search that understands what was typed: an ID number or a
    /// mobile number is looked up by its keyed hash (exact), a code exactly, anything else as part
    /// of the address or a member's exact name.
    /// </summary>
    public static IQueryable<Household> Filter(AppDb db, FieldProtector protector, string? area, HouseholdTags? tag, string? q, string? sort)
    {
        var query = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area);
            query = query.UnderPath(h => h.AreaPath, prefix);
        }
        if (tag is { } t && t != HouseholdTags.None)
        {
            query = query.Where(h => (h.Tags & t) != 0);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            if (ChineseIdNumber.Check(term, out _) == IdNumberProblem.None)
            {
                var hash = protector.Hash(ChineseIdNumber.Normalise(term));
                query = query.Where(h => h.Members.Any(r => r.IdHash == hash));
            }
            else if (ChineseMobile.IsValid(term))
            {
                var hash = protector.Hash(ChineseMobile.Normalise(term));
                query = query.Where(h => h.PhoneHash == hash || h.Members.Any(r => r.PhoneHash == hash));
            }
            else
            {
                var like = Paging.LikeContains(term);
                query = query.Where(h => h.Code == term || EF.Functions.Like(h.Address, like, "\\") || h.Members.Any(r => r.Name == term));
            }
        }
        return sort switch
        {
            "address" => query.OrderBy(h => h.Address).ThenBy(h => h.Id),
            "-address" => query.OrderByDescending(h => h.Address).ThenBy(h => h.Id),
            "members" => query.OrderBy(h => h.MemberCount).ThenBy(h => h.Id),
            "-members" => query.OrderByDescending(h => h.MemberCount).ThenBy(h => h.Id),
            "-code" => query.OrderByDescending(h => h.Code),
            "-created" => query.OrderByDescending(h => h.Id),
            _ => query.OrderBy(h => h.Code),
        };
    }

    /// <summary>Exact look-up of residents by ID number, mobile number or name.</summary>
    public static IQueryable<Resident> Lookup(AppDb db, FieldProtector protector, string? idNumber, string? phone, string? name)
    {
        var query = db.Residents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var hash = protector.Hash(ChineseIdNumber.Normalise(idNumber));
            query = query.Where(r => r.IdHash == hash);
        }
        if (!string.IsNullOrWhiteSpace(phone))
        {
            var hash = protector.Hash(ChineseMobile.Normalise(phone));
            query = query.Where(r => r.PhoneHash == hash);
        }
        if (!string.IsNullOrWhiteSpace(name))
        {
            var n = name.Trim();
            query = query.Where(r => r.Name == n);
        }
        // In the order of the (Name, AreaPath) index, so a page is read from the index even when a common name has
        // thousands of namesakes in the province: namesakes come grouped by where they live.
        return query.OrderBy(r => r.Name).ThenBy(r => r.AreaPath).ThenBy(r => r.Id);
    }

    public static async Task<HouseholdDto?> GetAsync(AppDb db, int id, CancellationToken ct)
    {
        var row = await Rows(db.Households.AsNoTracking().Where(h => h.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var members = await Residents(db.Residents.AsNoTracking().Where(r => r.HouseholdId == id).OrderBy(r => r.Relation).ThenBy(r => r.BirthDate)).ToListAsync(ct);
        return new HouseholdDto(row, members);
    }
}
