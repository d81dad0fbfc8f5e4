using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;

namespace Fengqiao.Features.Demo.Households;

/// <summary>
/// Demo households: thirty per grid in the three streets of the article's stories (Chongqing Road,
/// Xi'an Avenue, Jilu) and three per grid elsewhere, with members whose ID numbers are valid and
/// encrypted like real ones. Deterministic.
/// </summary>
public static class HouseholdsDemo
{
    private static readonly string[] Streets = ["220104001", "220106001", "220421001"];
    private static readonly string[] Roads = ["人民大街", "重庆路", "西安大路", "解放大路", "同志街", "建设街", "吉鹿路", "阜康路", "长春路", "自由大路"];
    private static readonly string[] Estates = ["幸福小区", "阳光家园", "和平里", "翠湖花园", "光明小区", "春城小区", "福安里", "新华苑"];

    public static async Task<int> SeedAsync(AppDb db, FieldProtector protector, CancellationToken ct)
    {
        var rng = new Random(20240524);
        var names = new DemoNames(rng);
        var grids = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Grid).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Path }).ToListAsync(ct);
        var households = new List<Household>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grid in grids)
        {
            var count = Streets.Any(s => grid.Code.StartsWith(s, StringComparison.Ordinal)) ? 30 : 3;
            for (var n = 1; n <= count; n++)
            {
                var household = new Household
                {
                    Code = $"{grid.Code}-{n:0000}", AreaId = grid.Id, AreaPath = grid.Path, CreatedAt = DateTime.UtcNow,
                    Address = $"{Roads[rng.Next(Roads.Length)]}{rng.Next(1, 300)}号 {Estates[rng.Next(Estates.Length)]}{rng.Next(1, 12)}栋{rng.Next(1, 7)}单元{rng.Next(1, 7)}0{rng.Next(1, 4)}",
                };
                var kind = rng.Next(10);
                var region = grid.Code[..6];
                if (kind == 0)
                {
                    // An elderly person living alone.
                    household.Members.Add(Person(protector, names, rng, region, today.Year - rng.Next(70, 92), Relation.Head, used));
                    household.Tags = household.Members[0].Tags = HouseholdTags.ElderlyAlone;
                }
                else
                {
                    var headYear = today.Year - rng.Next(28, 66);
                    household.Members.Add(Person(protector, names, rng, region, headYear, Relation.Head, used));
                    household.Members.Add(Person(protector, names, rng, region, headYear + rng.Next(-3, 4), Relation.Spouse, used));
                    for (var c = rng.Next(0, 3); c > 0; c--)
                    {
                        household.Members.Add(Person(protector, names, rng, region, Math.Min(today.Year - 1, headYear + rng.Next(22, 34)), Relation.Child, used));
                    }
                    household.Tags = kind switch
                    {
                        1 => HouseholdTags.Rental,
                        2 => HouseholdTags.LeftBehindChild,
                        3 when rng.Next(2) == 0 => HouseholdTags.Disability,
                        4 when rng.Next(2) == 0 => HouseholdTags.LowIncome,
                        5 when rng.Next(3) == 0 => HouseholdTags.Veteran | HouseholdTags.SpecialCare,
                        _ => HouseholdTags.None,
                    };
                }
                foreach (var m in household.Members)
                {
                    m.AreaPath = grid.Path;
                }
                household.MemberCount = household.Members.Count;
                var head = household.Members[0];
                if (head.PhoneCipher is not null)
                {
                    (household.PhoneCipher, household.PhoneHash, household.PhoneMasked) = (head.PhoneCipher, head.PhoneHash, head.PhoneMasked);
                }
                households.Add(household);
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Households.AddRange(households);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            foreach (var g in households.GroupBy(h => h.Code[..h.Code.IndexOf('-', StringComparison.Ordinal)]))
            {
                db.Set<CodeCounter>().Add(new CodeCounter { Series = "HH-" + g.Key, Last = g.Count() });
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
        return households.Count;
    }

    private static Resident Person(FieldProtector protector, DemoNames names, Random rng, string region, int year, Relation relation, HashSet<string> used)
    {
        var birth = new DateOnly(year, rng.Next(1, 13), rng.Next(1, 29));
        string id;
        do
        {
            var first17 = $"{region}{birth:yyyyMMdd}{rng.Next(0, 500):000}";
            id = first17 + ChineseIdNumber.CheckChar(first17);
        }
        while (!used.Add(id));
        var r = new Resident
        {
            AreaPath = "", Name = names.Next().Zh, IdCipher = protector.Protect(id), IdHash = protector.Hash(id), IdMasked = Mask.IdNumber(id),
            BirthDate = birth, Gender = ResidentRules.GenderOf(id), Relation = relation,
        };
        if (relation is Relation.Head or Relation.Spouse && rng.Next(4) > 0)
        {
            var phone = $"1{"3578"[rng.Next(4)]}{rng.Next(0, 10)}{rng.Next(10000000, 100000000)}";
            (r.PhoneCipher, r.PhoneHash, r.PhoneMasked) = (protector.Protect(phone), protector.Hash(phone), Mask.Phone(phone));
        }
        return r;
    }
}
