using Fengqiao.Features.Demands.Notices;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo.Demands;

/// <summary>
/// Who hears of referrals in the demo: every community committee, street office and co-building department has a
/// contact address (<c>dept.{code}@example.gov.cn</c>), the demo staff accounts an address of their own
/// (<c>{user}@police.example.gov.cn</c>), and the station director reads one daily digest. Runs after the demo's cases,
/// escalations and demands, so that seeding itself sends nothing.
/// </summary>
public static class DepartmentsDemo
{
    private static readonly UnitKind[] Answering = [UnitKind.CommunityCommittee, UnitKind.TownshipOffice, UnitKind.CoBuildingDepartment];

    public static async Task SeedAsync(AppDb db, FieldProtector protector, CancellationToken ct)
    {
        var units = await db.Units.IgnoreQueryFilters().Where(u => Answering.Contains(u.Kind) && u.ContactEmail == null).ToListAsync(ct);
        foreach (var unit in units)
        {
            var email = $"dept.{unit.Code}@example.gov.cn".ToLowerInvariant();
            (unit.ContactEmail, unit.ContactEmailMasked) = (protector.Protect(email), Mask.Email(email));
        }
        var staff = DemoAccounts.All.Where(a => a.PersonNameZh.Length > 0).Select(a => a.UserName).ToList();
        var users = await db.Users.Where(u => staff.Contains(u.UserName!) && u.Email == null).ToListAsync(ct);
        foreach (var user in users)
        {
            user.Email = $"{user.UserName}@police.example.gov.cn";
            user.NormalizedEmail = user.Email.ToUpperInvariant();
        }
        if (users.FirstOrDefault(u => u.UserName == "demo.director") is { } director)
        {
            db.Add(new NoticePreference { UserId = director.Id, Digest = true });
        }
        await db.SaveChangesAsync(ct);
    }
}
