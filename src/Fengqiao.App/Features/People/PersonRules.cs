using Fengqiao.Features.Units;

namespace Fengqiao.Features.People;

public static class PersonRules
{
    public static async Task<bool> ApplyAsync(AppDb db, Checks c, Person person, PersonInput input, TimeProvider clock, CancellationToken ct)
    {
        var year = clock.GetUtcNow().Year;
        c.Required("nameZh", input.NameZh, 50).Required("nameEn", input.NameEn, 100).Optional("badgeNumber", input.BadgeNumber, 20)
            .When(input.Kind is null || !Enum.IsDefined(input.Kind.Value), "kind", "Choose what kind of staff this person is.")
            .When(input.ServiceSinceYear is { } y && (y < 1950 || y > year), "serviceSinceYear", "Give a year between 1950 and {0}.", year)
            .When(!string.IsNullOrWhiteSpace(input.BadgeNumber) && input.Kind != PersonKind.PoliceOfficer, "badgeNumber", "Only police officers have a badge number.");
        var unit = input.HomeUnitId is null ? null : await db.Units.FirstOrDefaultAsync(u => u.Id == input.HomeUnitId, ct);
        c.When(unit is null || !db.Jurisdiction.Covers(unit.AreaPath), "homeUnitId", "Choose a unit in your jurisdiction.");
        var badge = string.IsNullOrWhiteSpace(input.BadgeNumber) ? null : input.BadgeNumber.Trim();
        if (c.Ok && badge is not null && await db.People.IgnoreQueryFilters().AnyAsync(p => p.BadgeNumber == badge && p.Id != person.Id, ct))
        {
            c.Add("badgeNumber", "The badge number {0} is already used.", badge);
        }
        if (!c.Ok)
        {
            return false;
        }
        person.NameZh = input.NameZh!.Trim();
        person.NameEn = input.NameEn!.Trim();
        person.Kind = input.Kind!.Value;
        person.BadgeNumber = badge;
        person.ServiceSinceYear = input.ServiceSinceYear;
        person.HomeUnitId = unit!.Id;
        person.HomeAreaPath = unit.AreaPath;
        return true;
    }
}
