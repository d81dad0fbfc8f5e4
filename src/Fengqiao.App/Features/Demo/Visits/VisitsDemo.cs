using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;
using Fengqiao.Features.People;
using Fengqiao.Features.Visits;

namespace Fengqiao.Features.Demo.Visits;

/// <summary>
/// Demo campaigns and visits: the province's "百日大走访保平安" (100-day home visit to ensure
/// safety), 40 days in, in Chongqing Road Street and Jilu Sub-district — about 40% of their
/// households visited so far, by the officers with posts there, with the notepad filled in — and a
/// finished winter safety visit of Chongqing Road's vulnerable households. Deterministic for a given
/// day; runs as the system after the demo households; does nothing when campaigns exist.
/// </summary>
public static class VisitsDemo
{
    public const string ChongqingRoad = "220104001";
    public const string Jilu = "220421001";
    public const string HundredDaysName = "百日大走访保平安";

    private const int HundredDays = 100;
    private const int DaysIn = 40;
    private const double CurrentShare = 0.4;
    private const double WinterShare = 0.85;
    private const double FollowUpShare = 0.1;
    private const double CompanionShare = 0.6;
    private const double AntiFraudShare = 0.55;

    private static readonly PostRole[] Police =
        [PostRole.CommunityPolice, PostRole.AuxiliaryPolice, PostRole.SecondedOfficer, PostRole.PoliceOfficer, PostRole.StationDirector];

    private static readonly PostRole[] Community =
        [PostRole.GridOfficer, PostRole.CommunitySecretary, PostRole.CommitteeMember, PostRole.CommitteeDeputyDirector];

    private sealed record Target(int Id, string AreaPath, HouseholdTags Tags);

    private sealed record Staff(int PersonId, string NameZh, string AreaPath, PostRole Role);

    public static async Task<int> SeedAsync(AppDb db, LocalClock clock, CancellationToken ct)
    {
        if (await db.Campaigns.AnyAsync(ct))
        {
            return 0;
        }
        var province = await db.Areas.AsNoTracking().Where(a => a.ParentId == null).OrderBy(a => a.Code).Select(a => new { a.Id, a.Path }).FirstOrDefaultAsync(ct);
        var streets = await db.Areas.AsNoTracking().Where(a => a.Code == ChongqingRoad || a.Code == Jilu).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Path }).ToListAsync(ct);
        if (province is null || streets.Count == 0)
        {
            return 0;
        }
        var chongqing = streets.Find(s => s.Code == ChongqingRoad);
        var today = clock.Today;

        var hundredDays = new Campaign
        {
            Name = HundredDaysName,
            Description = "全省公安机关“百日大走访保平安”行动：社区民警会同社区“两委”、网格员逐户走访，问需求、解民忧、化纠纷、除隐患，同步开展反诈宣传。",
            StartsOn = today.AddDays(-DaysIn),
            EndsOn = today.AddDays(HundredDays - DaysIn - 1),
            AreaId = province.Id,
            AreaPath = province.Path,
            TargetTags = HouseholdTags.None,
            Areas = [.. streets.Select(s => new CampaignArea { AreaId = s.Id, AreaPath = s.Path })],
        };
        db.Campaigns.Add(hundredDays);
        Campaign? winter = null;
        if (chongqing is not null)
        {
            winter = new Campaign
            {
                Name = "冬季防火安全入户走访",
                Description = "入冬前对独居老人、残疾人、低保户等重点家庭逐户走访，检查用电、用气、取暖安全，讲解冬季防火和防一氧化碳中毒。",
                StartsOn = today.AddDays(-150),
                EndsOn = today.AddDays(-91),
                AreaId = chongqing.Id,
                AreaPath = chongqing.Path,
                TargetTags = HouseholdTags.ElderlyAlone | HouseholdTags.Disability | HouseholdTags.SpecialCare | HouseholdTags.LowIncome,
                Areas = [new CampaignArea { AreaId = chongqing.Id, AreaPath = chongqing.Path }],
            };
            db.Campaigns.Add(winter);
        }
        await db.SaveChangesAsync(ct);

        var paths = streets.Select(s => s.Path).ToArray();
        var households = await db.Households.AsNoTracking().Where(h => paths.Any(p => h.AreaPath.StartsWith(p))).OrderBy(h => h.Id)
            .Select(h => new Target(h.Id, h.AreaPath, h.Tags)).ToListAsync(ct);
        var staff = await db.Posts.AsNoTracking()
            .Where(p => paths.Any(s => p.AreaPath.StartsWith(s)) && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
            .OrderBy(p => p.PersonId).ThenBy(p => p.Id)
            .Select(p => new Staff(p.PersonId, p.Person!.NameZh, p.AreaPath, p.Role))
            .ToListAsync(ct);
        if (staff.Count == 0)
        {
            return 0;
        }

        var rng = new Random(20240524);
        var visits = new List<Visit>();
        foreach (var h in households)
        {
            if (rng.NextDouble() >= CurrentShare)
            {
                continue;
            }
            var daysAgo = rng.Next(1, DaysIn + 1);
            visits.Add(NewVisit(clock, rng, staff, h, hundredDays, today.AddDays(-daysAgo), VisitsDemoNotes.Current));
            if (daysAgo > 1 && rng.NextDouble() < FollowUpShare)
            {
                visits.Add(NewVisit(clock, rng, staff, h, hundredDays, today.AddDays(-rng.Next(1, daysAgo)), VisitsDemoNotes.Current));
            }
        }
        if (winter is not null)
        {
            var length = winter.EndsOn.DayNumber - winter.StartsOn.DayNumber + 1;
            foreach (var h in households)
            {
                if (CampaignCoverage.IsTarget([winter.AreaPath], winter.TargetTags, h.AreaPath, h.Tags) && rng.NextDouble() < WinterShare)
                {
                    visits.Add(NewVisit(clock, rng, staff, h, winter, winter.StartsOn.AddDays(rng.Next(length)), VisitsDemoNotes.Winter));
                }
            }
        }
        if (visits.Count == 0)
        {
            return 0;
        }
        await VisitsDemoFindings.LinkAsync(db, clock, visits, hundredDays, paths, ct);
        if (winter is not null)
        {
            await VisitsDemoFindings.LinkAsync(db, clock, visits, winter, [winter.AreaPath], ct);
        }

        var tracker = db.ChangeTracker;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Visits.AddRange(visits);
            tracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
        db.ChangeTracker.Clear();
        return visits.Count;
    }

    /// <summary>
    /// A visit by one of the police with a post over the household (most often the community officer
    /// who looks after its community), now and then with the grid officer, at a working hour of that day.
    /// </summary>
    private static Visit NewVisit(LocalClock clock, Random rng, List<Staff> staff, Target h, Campaign campaign, DateOnly day, DemoNote[] notes)
    {
        var over = staff.FindAll(s => h.AreaPath.StartsWith(s.AreaPath, StringComparison.Ordinal));
        var police = over.FindAll(s => Array.IndexOf(Police, s.Role) >= 0);
        var community = over.FindAll(s => Array.IndexOf(Community, s.Role) >= 0);
        var pool = police.Count > 0 ? police : over.Count > 0 ? over : staff;
        var communityPolice = police.FindAll(s => s.Role == PostRole.CommunityPolice);
        var officer = communityPolice.Count > 0 && rng.NextDouble() < 0.65
            ? communityPolice[CommunityIndex(h.AreaPath) / 2 % communityPolice.Count]
            : pool[rng.Next(pool.Count)];

        var fitting = Array.FindAll(notes, n => n.For == HouseholdTags.None || (n.For & h.Tags) != HouseholdTags.None);
        var special = Array.FindAll(fitting, n => n.For != HouseholdTags.None);
        var note = special.Length > 0 && rng.NextDouble() < 0.6 ? special[rng.Next(special.Length)] : fitting[rng.Next(fitting.Length)];
        var companion = community.Count > 0 && rng.NextDouble() < CompanionShare ? community[rng.Next(community.Count)].NameZh : null;
        var at = day.ToDateTime(new TimeOnly(rng.Next(9, 18), rng.Next(0, 60)));
        return new Visit
        {
            HouseholdId = h.Id,
            AreaPath = h.AreaPath,
            CampaignId = campaign.Id,
            VisitedAt = clock.FromLocal(at).UtcDateTime,
            OfficerId = officer.PersonId,
            CompanionName = companion,
            Notes = note.Text,
            AntiFraudGiven = note.AntiFraud || rng.NextDouble() < AntiFraudShare,
        };
    }

    /// <summary>0 for the first community of a street ("…/220104001001/…"), 1 for the second, and so on.</summary>
    private static int CommunityIndex(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts.Length > 4 && parts[4].Length >= 3 && int.TryParse(parts[4].AsSpan(parts[4].Length - 3), out var n) ? Math.Max(0, n - 1) : 0;
    }
}
