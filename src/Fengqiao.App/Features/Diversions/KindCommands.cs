using System.Text.RegularExpressions;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Diversions;

/// <summary>A catalogue row as the administrators' form and the API send it. <see cref="ContactEmail"/> sets the fixed department's contact.</summary>
public sealed record KindInput(
    string? Code, string? NameZh, string? NameEn, int? UnitId, UnitKind? LocalUnitKind, string? LegalBasis, int? TimeLimitWorkingDays, bool Active,
    string? ContactEmail, long? Version);

public sealed record KindRow(
    int Id, string Code, string NameZh, string NameEn, int? UnitId, string? UnitNameZh, string? UnitNameEn, UnitKind? LocalUnitKind, string LegalBasis,
    int TimeLimitWorkingDays, bool Active, string? ContactMasked, long Version);

public sealed record UnitOption(int Id, string NameZh, string NameEn, UnitKind Kind);

/// <summary>Reading and keeping the diversion catalogue (administrators only).</summary>
public static partial class KindCommands
{
    /// <summary>Units a kind may name as its one department: the city's departments and utilities, and the co-building provincial departments.</summary>
    public static readonly UnitKind[] FixedKinds = [UnitKind.PublicDepartment, UnitKind.CoBuildingDepartment];

    /// <summary>Kinds of unit found near the call instead (the caller's community committee, the street office).</summary>
    public static readonly UnitKind[] LocalKinds = [UnitKind.CommunityCommittee, UnitKind.TownshipOffice];

    public const int MaxWorkingDays = 60;

    public static async Task<List<KindRow>> ListAsync(AppDb db, FieldProtector protector, CancellationToken ct)
    {
        var rows = await db.Set<DiversionKind>().IgnoreQueryFilters().AsNoTracking().OrderBy(k => k.Code)
            .Select(k => new { k, UnitZh = k.Unit != null ? k.Unit.NameZh : null, UnitEn = k.Unit != null ? k.Unit.NameEn : null, Contact = k.Unit != null ? k.Unit.ContactEmailMasked : null })
            .ToListAsync(ct);
        return [.. rows.Select(r => new KindRow(r.k.Id, r.k.Code, r.k.NameZh, r.k.NameEn, r.k.UnitId, r.UnitZh, r.UnitEn, r.k.LocalUnitKind, r.k.LegalBasis,
            r.k.TimeLimitWorkingDays, r.k.Active, r.Contact, r.k.Version))];
    }

    public static Task<List<UnitOption>> UnitOptionsAsync(AppDb db, CancellationToken ct) =>
        db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => FixedKinds.Contains(u.Kind)).OrderBy(u => u.Kind).ThenBy(u => u.Code)
            .Select(u => new UnitOption(u.Id, u.NameZh, u.NameEn, u.Kind)).ToListAsync(ct);

    /// <summary>Adds (<paramref name="id"/> null) or edits a kind; null with the errors in <paramref name="c"/>, or false on a concurrent edit.</summary>
    public static async Task<(DiversionKind? Kind, bool Conflict)> SaveAsync(AppDb db, Checks c, FieldProtector protector, int? id, KindInput i, CancellationToken ct)
    {
        var kinds = db.Set<DiversionKind>();
        var existing = id is null ? null : await kinds.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (id is not null && existing is null)
        {
            c.Add("", "There is no such kind in the diversion catalogue.");
            return (null, false);
        }
        var code = i.Code?.Trim();
        c.Required("code", code, 40)
            .When(code is not null && !CodePattern().IsMatch(code), "code", "A code has lower-case letters, digits and hyphens only.")
            .Required("nameZh", i.NameZh, 100).Required("nameEn", i.NameEn, 150).Required("legalBasis", i.LegalBasis, 1000)
            .When(i.TimeLimitWorkingDays is null or < 1 or > MaxWorkingDays, "timeLimitWorkingDays", "The time limit is from 1 to {0} working days.", MaxWorkingDays)
            .When(i.UnitId is null == (i.LocalUnitKind is null), "unitId", "Choose either one department or the kind of local unit nearest the call.")
            .When(i.LocalUnitKind is { } lk && !LocalKinds.Contains(lk), "localUnitKind", "Choose a community committee or a street office.")
            .When(id is not null && i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (code is not null && await kinds.AnyAsync(k => k.Code == code && k.Id != (id ?? 0), ct))
        {
            c.Add("code", "Another kind already has this code.");
        }
        var unit = i.UnitId is null ? null : await db.Units.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == i.UnitId && FixedKinds.Contains(u.Kind), ct);
        c.When(i.UnitId is not null && unit is null, "unitId", "Choose a government department, utility or co-building department.");
        var email = i.ContactEmail?.Trim();
        c.When(!string.IsNullOrEmpty(email) && (email.Length > 200 || !EmailPattern().IsMatch(email)), "contactEmail", "Enter a valid e-mail address.")
            .When(!string.IsNullOrEmpty(email) && unit is null, "contactEmail", "A contact address belongs to one department; local units keep their own.");
        if (!c.Ok)
        {
            return (null, false);
        }
        var kind = existing ?? new DiversionKind { Code = code!, NameZh = "", NameEn = "", LegalBasis = "" };
        (kind.Code, kind.NameZh, kind.NameEn, kind.LegalBasis) = (code!, i.NameZh!.Trim(), i.NameEn!.Trim(), i.LegalBasis!.Trim());
        (kind.UnitId, kind.LocalUnitKind, kind.TimeLimitWorkingDays, kind.Active) = (unit?.Id, i.LocalUnitKind, i.TimeLimitWorkingDays!.Value, i.Active);
        if (unit is not null && !string.IsNullOrEmpty(email))
        {
            (unit.ContactEmail, unit.ContactEmailMasked) = (protector.Protect(email.ToLowerInvariant()), Mask.Email(email.ToLowerInvariant()));
        }
        if (existing is null)
        {
            kinds.Add(kind);
            await db.SaveChangesAsync(ct);
            return (kind, false);
        }
        return await db.SaveVersionedAsync(kind, i.Version!.Value, ct) ? (kind, false) : (null, true);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
