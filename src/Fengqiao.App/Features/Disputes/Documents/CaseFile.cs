using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;
using Fengqiao.Features.People;

namespace Fengqiao.Features.Disputes.Documents;

/// <summary>A party as printed: the masked ID number when the party is a registered resident the caller may see.</summary>
public sealed record FileParty(PartyRole Role, string Name, string? Address, string? IdMasked);

/// <summary>Everything the documents of one case print, read once through the jurisdiction filter.</summary>
public sealed record CaseFile(
    Dispute Case, string AreaName, string CommitteeName, string CourtName, string? OfficerName, IReadOnlyList<FileParty> Parties,
    IReadOnlyList<string> CoHandlers, IReadOnlyList<MediationSession> Sessions, MediationAgreement? Agreement)
{
    /// <summary>Who mediated: the people named in the sessions, else the responsible officer.</summary>
    public string Mediators => Sessions.Select(s => s.Mediators).Distinct().ToList() is { Count: > 0 } named
        ? string.Join("；", named)
        : OfficerName ?? "";

    /// <summary>Null when the case is not in the caller's scope (or does not exist).</summary>
    public static async Task<CaseFile?> LoadAsync(AppDb db, int id, CancellationToken ct)
    {
        var d = await db.Disputes.AsNoTracking().Include(x => x.Parties).Include(x => x.ResponsibleOfficer)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return null;
        }
        // Ancestors' names only: the case is in scope, the street and county above it are its letterhead.
        var codes = d.AreaPath.Trim('/').Split('/');
        var wanted = new[] { codes.ElementAtOrDefault(2), codes.ElementAtOrDefault(3), codes[^1] }.OfType<string>().ToList();
        var areas = await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => wanted.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, a => LocalizationSetup.Pick(a.NameZh, a.NameEn), ct);
        string Name(string? code) => code is not null && areas.TryGetValue(code, out var n) ? n : code ?? "";

        var residentIds = d.Parties.Where(p => p.ResidentId is not null).Select(p => p.ResidentId!.Value).ToList();
        // The stored masked copy, never the cipher: printing what the screens show needs no reveal and no audit entry.
        var masked = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.IdMasked, ct);
        var parties = d.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new FileParty(p.Role, p.Name, p.Address, p.ResidentId is { } r && masked.TryGetValue(r, out var m) ? m : null)).ToList();
        var handlers = await db.Set<DisputeHandler>().AsNoTracking().Where(h => h.DisputeId == id)
            .Select(h => new { h.Person!.NameZh, h.Person.NameEn }).ToListAsync(ct);
        var sessions = await db.MediationSessions.AsNoTracking().Where(s => s.DisputeId == id).OrderBy(s => s.HeldAt).ToListAsync(ct);
        var agreement = await db.MediationAgreements.AsNoTracking().Where(a => a.DisputeId == id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return new CaseFile(d, Name(codes[^1]), Name(codes.ElementAtOrDefault(3)), Name(codes.ElementAtOrDefault(2)),
            d.ResponsibleOfficer is { } o ? Pick(o) : null, parties, handlers.Select(h => LocalizationSetup.Pick(h.NameZh, h.NameEn)).ToList(), sessions, agreement);
    }

    private static string Pick(Person p) => LocalizationSetup.Pick(p.NameZh, p.NameEn);
}
