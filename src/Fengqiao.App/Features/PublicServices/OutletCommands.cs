using System.Text.RegularExpressions;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.PublicServices;

public sealed record OutletInput(
    int? UnitId, OutletKind? Kind, string? NameZh, string? NameEn, string? Address, string? OpeningHours, int? SlotMinutes,
    IReadOnlyList<string>? ServiceCodes, IReadOnlyList<string>? Counters, IReadOnlyList<Facilities>? Facilities = null);

/// <summary>Setting up an outlet: which unit runs it, when it opens, what it offers, its counters.</summary>
public static partial class OutletCommands
{
    [GeneratedRegex(@"^\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*$")]
    private static partial Regex HoursShape();

    public static async Task<Outlet?> CreateAsync(AppDb db, Checks c, OutletInput i, CancellationToken ct)
    {
        c.Required("nameZh", i.NameZh, 100).Required("nameEn", i.NameEn, 150).Optional("address", i.Address, 200)
            .When(i.Kind is null || !Enum.IsDefined(i.Kind.Value), "kind", "Choose the kind of outlet.")
            .When(i.OpeningHours is null || !HoursShape().IsMatch(i.OpeningHours) || !PeriodsRunForward(i.OpeningHours), "openingHours",
                "Give opening hours like 08:30-11:30,13:30-17:00.")
            .When(i.SlotMinutes is not null and (< 5 or > 240), "slotMinutes", "A slot lasts 5 to 240 minutes.")
            .When(i.ServiceCodes is null || i.ServiceCodes.Count == 0, "serviceCodes", "Choose the services offered.")
            .When(i.Facilities?.Any(f => f == Facilities.None || !Enum.IsDefined(f)) == true, "facilities", "There is no such facility.")
            .When(i.Counters is null || i.Counters.Count == 0 || i.Counters.Any(n => string.IsNullOrWhiteSpace(n) || n.Length > 50), "counters", "Name at least one counter.");
        var unit = i.UnitId is null ? null : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == i.UnitId, ct);
        c.When(unit is null || !db.Jurisdiction.Covers(unit.AreaPath), "unitId", "Choose a unit in your jurisdiction.")
            .When(unit is not null && i.Kind is not null && !Fits(i.Kind.Value, unit.Kind), "kind", "This unit cannot run that kind of outlet.");
        var codes = i.ServiceCodes?.Select(s => s.Trim()).Distinct().ToList() ?? [];
        var known = await db.PublicServices.Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct);
        c.When(codes.Except(known).Any(), "serviceCodes", "There is no such service.");
        if (!c.Ok)
        {
            return null;
        }
        var outlet = new Outlet
        {
            NameZh = i.NameZh!.Trim(), NameEn = i.NameEn!.Trim(), Kind = i.Kind!.Value, UnitId = unit!.Id, AreaPath = unit.AreaPath,
            Address = i.Address?.Trim() ?? unit.Address, OpeningHours = i.OpeningHours!, SlotMinutes = i.SlotMinutes ?? 30,
            ServiceCodes = string.Join(',', codes), Counters = [.. i.Counters!.Select(n => new Counter { Name = n.Trim() })],
            Facilities = (i.Facilities ?? []).Aggregate(Facilities.None, (all, f) => all | f),
        };
        db.Outlets.Add(outlet);
        await db.SaveChangesAsync(ct);
        return outlet;
    }

    private static bool PeriodsRunForward(string hours) =>
        hours.Split(',').Select(p => p.Split('-')).All(p =>
            TimeOnly.TryParse(p[0], System.Globalization.CultureInfo.InvariantCulture, out var from)
            && TimeOnly.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out var to) && from < to);

    /// <summary>Whether a unit kind runs outlets of this kind (a hospital office is not a station window).</summary>
    public static bool Fits(OutletKind kind, UnitKind unit) => kind switch
    {
        OutletKind.HospitalPoliceOffice => unit == UnitKind.HospitalPoliceOffice,
        OutletKind.StationWindow or OutletKind.ExpresswayStation => unit.IsStation(),
        _ => true,
    };
}
