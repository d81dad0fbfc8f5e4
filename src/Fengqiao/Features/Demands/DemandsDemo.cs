using Fengqiao.Features.Areas;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Households;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Features.Demands;

/// <summary>
/// Demo demands: about 150 over the demo stations' households (most in Chongqing Road, Xi'an
/// Square and Jilu), in every state — open, referred and not yet due, referred and overdue,
/// answered, closed with the resident's satisfaction — referred to community committees, street
/// offices and the province's co-building departments; and the "织心妈妈" knitting team of Fubei
/// Community with its members, orders and the employment demands it answered. Deterministic for a
/// given day; runs after the households are seeded, as the system; does nothing when demands exist.
/// </summary>
public static class DemandsDemo
{
    private const int GeneralCount = 140;
    private const int KnittingCount = 10;

    /// <summary>Streets that get a fixed share: Chongqing Road (demo.officer), Xi'an Square (demo.officer2), Jilu (demo.weidong).</summary>
    private static readonly (string Township, int Count)[] Focus = [("220104001", 30), ("220106001", 20), ("220421001", 20)];

    private enum Plan
    {
        Open,
        Referred,
        Overdue,
        Answered,
        ClosedOnTheSpot,
        ClosedAfterReferral,
    }

    /// <summary>The mix of states, repeated: every street with six or more demands has them all.</summary>
    private static readonly Plan[] Cycle =
    [
        Plan.Open, Plan.Referred, Plan.Overdue, Plan.Answered, Plan.ClosedOnTheSpot, Plan.ClosedAfterReferral,
        Plan.Referred, Plan.ClosedAfterReferral, Plan.Answered, Plan.Open,
    ];

    private sealed record Place(int? HouseholdId, int AreaId, string AreaPath, HouseholdTags Tags);

    private sealed record UnitRow(int Id, UnitKind Kind, string AreaPath, string NameZh, string NameEn);

    public static async Task SeedAsync(AppDb db, LocalClock clock, CancellationToken ct)
    {
        if (await db.Demands.AnyAsync(ct))
        {
            return;
        }
        var places = await LoadPlacesAsync(db, ct);
        if (places.Count == 0)
        {
            return;
        }
        var calendar = WorkingCalendar.From(await db.Set<CalendarDay>().AsNoTracking().ToListAsync(ct));
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.CommunityCommittee || u.Kind == UnitKind.TownshipOffice || u.Kind == UnitKind.CoBuildingDepartment)
            .OrderBy(u => u.Code)
            .Select(u => new UnitRow(u.Id, u.Kind, u.AreaPath, u.NameZh, u.NameEn))
            .ToListAsync(ct);
        var police = (await db.Posts.AsNoTracking().Where(p => p.Role == PostRole.CommunityPolice).OrderBy(p => p.PersonId).ThenBy(p => p.Id)
            .Select(p => new { p.PersonId, p.AreaPath }).ToListAsync(ct))
            .ToLookup(p => DemandCommands.Township(p.AreaPath), p => p.PersonId, StringComparer.Ordinal);

        var rng = new Random(20240524);
        var builder = new Builder(rng, clock.Today, calendar, units, police);
        var demands = new List<Demand>();
        var n = 0;
        foreach (var place in PickPlaces(places, rng))
        {
            demands.Add(builder.NewDemand(place, Cycle[n++ % Cycle.Length]));
        }

        var fubei = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community && a.NameZh.Contains("安顺"))
                .OrderBy(a => a.Code).Select(a => new { a.Id, a.Path }).FirstOrDefaultAsync(ct)
            ?? await db.Areas.AsNoTracking().Where(a => a.Code == "220204001").Select(a => new { a.Id, a.Path }).FirstOrDefaultAsync(ct);
        if (fubei is not null)
        {
            var project = builder.KnittingProject(fubei.Id, fubei.Path);
            db.CommunityProjects.Add(project);
            var homes = places.Where(p => p.AreaPath.StartsWith(fubei.Path, StringComparison.Ordinal)).ToList();
            if (homes.Count == 0)
            {
                homes.Add(new Place(null, fubei.Id, fubei.Path, HouseholdTags.None));
            }
            var first = rng.Next(homes.Count);
            for (var k = 0; k < KnittingCount; k++)
            {
                demands.Add(builder.Knitting(homes[(first + k) % homes.Count], project, k));
            }
        }

        // Codes in the order the demands were raised, street by street and year by year, as CaseCodes would have given them.
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in demands.OrderBy(d => d.RaisedOn).ThenBy(d => d.AreaPath, StringComparer.Ordinal))
        {
            var township = DemandCommands.Township(d.AreaPath);
            var series = FormattableString.Invariant($"Q-{township}-{d.RaisedOn.Year}");
            var number = counters.GetValueOrDefault(series) + 1;
            counters[series] = number;
            d.Code = FormattableString.Invariant($"Q{township}-{d.RaisedOn.Year}-{number:00000}");
        }
        db.Demands.AddRange(demands);
        db.Set<CodeCounter>().AddRange(counters.Select(c => new CodeCounter { Series = c.Key, Last = c.Value }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The households (or, when there are none, the communities) demands can come from.</summary>
    private static async Task<List<Place>> LoadPlacesAsync(AppDb db, CancellationToken ct)
    {
        var homes = await db.Households.AsNoTracking().OrderBy(h => h.Id)
            .Select(h => new Place(h.Id, h.AreaId, h.AreaPath, h.Tags)).ToListAsync(ct);
        if (homes.Count > 0)
        {
            return homes;
        }
        return await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community).OrderBy(a => a.Code)
            .Select(a => new Place(null, a.Id, a.Path, HouseholdTags.None)).ToListAsync(ct);
    }

    /// <summary>The fixed shares of the focus streets first, then the other streets in turn.</summary>
    private static List<Place> PickPlaces(List<Place> places, Random rng)
    {
        var byTownship = places.GroupBy(p => DemandCommands.Township(p.AreaPath))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var plan = new List<string>();
        foreach (var (township, count) in Focus)
        {
            if (byTownship.ContainsKey(township))
            {
                plan.AddRange(Enumerable.Repeat(township, count));
            }
        }
        var others = byTownship.Keys.Where(k => !Array.Exists(Focus, f => f.Township == k)).Order(StringComparer.Ordinal).ToList();
        List<string> pool = others.Count > 0 ? others : [.. byTownship.Keys.Order(StringComparer.Ordinal)];
        for (var i = 0; plan.Count < GeneralCount; i++)
        {
            plan.Add(pool[i % pool.Count]);
        }
        var picked = new List<Place>();
        foreach (var township in plan)
        {
            var homes = byTownship[township];
            picked.Add(homes[rng.Next(homes.Count)]);
        }
        return picked;
    }

    private sealed class Builder(Random rng, DateOnly today, WorkingCalendar calendar, List<UnitRow> units, ILookup<string, int> police)
    {
        public Demand NewDemand(Place place, Plan plan)
        {
            var category = PickCategory(place.Tags);
            var texts = DemandsDemoTexts.For(category);
            var officers = police[DemandCommands.Township(place.AreaPath)].ToList();
            int? officer = officers.Count == 0 ? null : officers[rng.Next(officers.Count)];
            var d = new Demand
            {
                Code = "", Category = category, Source = PickSource(), Description = texts.Descriptions[rng.Next(texts.Descriptions.Length)],
                AreaId = place.AreaId, AreaPath = place.AreaPath, HouseholdId = place.HouseholdId, Status = DemandStatus.Open,
                RaisedOn = today, RaisedById = officer,
            };
            var answer = texts.Answers[rng.Next(texts.Answers.Length)];
            // A few demands were answered once without being met, and referred again.
            var again = (plan is Plan.Referred or Plan.Answered or Plan.ClosedAfterReferral) && rng.Next(100) < 20;
            switch (plan)
            {
                case Plan.Referred:
                {
                    var referred = today.AddDays(-rng.Next(0, 8));
                    d.RaisedOn = referred.AddDays(-rng.Next(0, 4));
                    if (again)
                    {
                        d.RaisedOn = Earlier(d, place, category, referred, officer);
                    }
                    Refer(d, place, category, referred, calendar.AddWorkingDays(referred, DemandCommands.DefaultReferralWorkingDays), officer, higher: again);
                    break;
                }
                case Plan.Overdue:
                {
                    var referred = today.AddDays(-rng.Next(25, 70));
                    d.RaisedOn = referred.AddDays(-rng.Next(0, 4));
                    var due = calendar.AddWorkingDays(referred, DemandCommands.DefaultReferralWorkingDays);
                    Refer(d, place, category, referred, due < today ? due : today.AddDays(-1), officer, higher: rng.Next(100) < 40);
                    break;
                }
                case Plan.Answered:
                {
                    var referred = today.AddDays(-rng.Next(5, 60));
                    d.RaisedOn = referred.AddDays(-rng.Next(0, 4));
                    if (again)
                    {
                        d.RaisedOn = Earlier(d, place, category, referred, officer);
                    }
                    var referral = Refer(d, place, category, referred, calendar.AddWorkingDays(referred, DemandCommands.DefaultReferralWorkingDays), officer, higher: again);
                    Answer(d, referral, answer, Min(referred.AddDays(rng.Next(1, 12)), today));
                    break;
                }
                case Plan.ClosedOnTheSpot:
                {
                    d.RaisedOn = today.AddDays(-rng.Next(1, 160));
                    (d.Status, d.Answer, d.AnsweredOn, d.CloseNote, d.ClosedOn, d.Satisfaction) =
                        (DemandStatus.Closed, texts.OnTheSpot, d.RaisedOn, texts.OnTheSpot, d.RaisedOn, Satisfaction());
                    break;
                }
                case Plan.ClosedAfterReferral:
                {
                    var referred = today.AddDays(-rng.Next(15, 160));
                    d.RaisedOn = referred.AddDays(-rng.Next(0, 4));
                    if (again)
                    {
                        d.RaisedOn = Earlier(d, place, category, referred, officer);
                    }
                    var referral = Refer(d, place, category, referred, calendar.AddWorkingDays(referred, DemandCommands.DefaultReferralWorkingDays), officer, higher: again);
                    var answered = Min(referred.AddDays(rng.Next(1, 12)), today);
                    Answer(d, referral, answer, answered);
                    (d.Status, d.ClosedOn, d.Satisfaction) = (DemandStatus.Closed, Min(answered.AddDays(rng.Next(0, 8)), today), Satisfaction());
                    break;
                }
                default:
                    d.RaisedOn = today.AddDays(-rng.Next(0, 21));
                    break;
            }
            if (d.Referrals.Count == 0 && d.Status is DemandStatus.Referred or DemandStatus.Answered)
            {
                // No unit to refer to (not in the demo): it stays open.
                d.Status = DemandStatus.Open;
                d.Answer = null;
                d.AnsweredOn = null;
            }
            return d;
        }

        /// <summary>The first referral, answered without meeting the demand, about three weeks before <paramref name="referredAgain"/>; returns the day the demand was raised.</summary>
        private DateOnly Earlier(Demand d, Place place, DemandCategory category, DateOnly referredAgain, int? officer)
        {
            var first = referredAgain.AddDays(-rng.Next(15, 30));
            var referral = Refer(d, place, category, first, calendar.AddWorkingDays(first, DemandCommands.DefaultReferralWorkingDays), officer, higher: false, committeeOnly: true);
            Answer(d, referral, DemandsDemoTexts.Unsatisfactory[rng.Next(DemandsDemoTexts.Unsatisfactory.Length)], first.AddDays(rng.Next(2, 10)));
            return first.AddDays(-rng.Next(0, 3));
        }

        private Referral? Refer(Demand d, Place place, DemandCategory category, DateOnly on, DateOnly due, int? officer, bool higher, bool committeeOnly = false)
        {
            var unit = PickUnit(place, category, higher, committeeOnly);
            if (unit is null)
            {
                return null;
            }
            var referral = new Referral
            {
                AreaPath = d.AreaPath, UnitId = unit.Id, UnitNameZh = unit.NameZh, UnitNameEn = unit.NameEn, UnitKind = unit.Kind,
                ReferredOn = on, DueOn = due, ReferredById = officer,
                Note = rng.Next(3) == 0 ? null : DemandsDemoTexts.ReferralNotes[rng.Next(DemandsDemoTexts.ReferralNotes.Length)],
            };
            d.Referrals.Add(referral);
            d.Status = DemandStatus.Referred;
            return referral;
        }

        private void Answer(Demand d, Referral? referral, string answer, DateOnly on)
        {
            if (referral is null)
            {
                return;
            }
            var by = referral.UnitKind switch
            {
                UnitKind.CommunityCommittee => DemandsDemoTexts.CommitteeAnswerers[rng.Next(DemandsDemoTexts.CommitteeAnswerers.Length)],
                UnitKind.TownshipOffice => DemandsDemoTexts.OfficeAnswerers[rng.Next(DemandsDemoTexts.OfficeAnswerers.Length)],
                _ => referral.UnitNameZh + " 对口联络人",
            };
            (referral.Answer, referral.AnsweredOn, referral.AnsweredByName) = (answer, on, by);
            (d.Status, d.Answer, d.AnsweredOn) = (DemandStatus.Answered, answer, on);
        }

        /// <summary>Mostly the community committee, then the street office, now and then the co-building department for the category.</summary>
        private UnitRow? PickUnit(Place place, DemandCategory category, bool higher, bool committeeOnly)
        {
            var communityPath = Prefix(place.AreaPath, 5);
            var townshipPath = Prefix(place.AreaPath, 4);
            var committee = units.Find(u => u.Kind == UnitKind.CommunityCommittee && u.AreaPath == communityPath);
            var office = units.Find(u => u.Kind == UnitKind.TownshipOffice && u.AreaPath == townshipPath);
            var keyword = DemandsDemoTexts.For(category).CoBuildingKeyword;
            var department = units.Find(u => u.Kind == UnitKind.CoBuildingDepartment && u.NameZh.Contains(keyword, StringComparison.Ordinal));
            var roll = rng.Next(100);
            var pick = committeeOnly ? committee
                : higher ? (roll < 50 ? office : department)
                : roll < 60 ? committee : roll < 88 ? office : department;
            return pick ?? committee ?? office ?? department;
        }

        public CommunityProject KnittingProject(int areaId, string areaPath)
        {
            var started = today.AddDays(-320);
            var project = new CommunityProject
            {
                Name = DemandsDemoTexts.KnittingName, Description = DemandsDemoTexts.KnittingDescription, AreaId = areaId, AreaPath = areaPath,
                Sponsor = DemandsDemoTexts.KnittingSponsor, StartedOn = started,
            };
            for (var i = 0; i < DemandsDemoTexts.KnittingMembers.Length; i++)
            {
                var (name, role) = DemandsDemoTexts.KnittingMembers[i];
                project.Members.Add(new ProjectMember { Name = name, Role = role, JoinedOn = i < 3 ? started : started.AddDays(rng.Next(0, 280)) });
            }
            foreach (var (daysAgo, customer, item, quantity, amount) in DemandsDemoTexts.KnittingOrders)
            {
                project.Orders.Add(new ProjectOrder { OrderedOn = today.AddDays(-daysAgo), Customer = customer, Item = item, Quantity = quantity, AmountYuan = amount });
            }
            return project;
        }

        /// <summary>An employment wish heard on a visit and answered by the knitting team; the last three closed, very satisfied.</summary>
        public Demand Knitting(Place place, CommunityProject project, int k)
        {
            var raised = Min(project.StartedOn.AddDays(-30 + (k * 28) + rng.Next(0, 10)), today);
            var answered = Min(Max(raised, project.StartedOn).AddDays(rng.Next(1, 10)), today);
            var officers = police[DemandCommands.Township(place.AreaPath)].ToList();
            int? officer = officers.Count == 0 ? null : officers[rng.Next(officers.Count)];
            var d = new Demand
            {
                Code = "", Category = DemandCategory.Employment, Source = k % 3 == 0 ? DemandSource.CommunityMeeting : DemandSource.HomeVisit,
                Description = DemandsDemoTexts.KnittingWishes[k % DemandsDemoTexts.KnittingWishes.Length],
                AreaId = place.AreaId, AreaPath = place.AreaPath, HouseholdId = place.HouseholdId, Project = project,
                Status = DemandStatus.Answered, RaisedOn = raised, RaisedById = officer,
                Answer = DemandsDemoTexts.KnittingAnswer, AnsweredOn = answered,
            };
            if (k % 3 == 1)
            {
                var unit = PickUnit(place, DemandCategory.Employment, higher: false, committeeOnly: true);
                if (unit is not null)
                {
                    d.Referrals.Add(new Referral
                    {
                        AreaPath = d.AreaPath, UnitId = unit.Id, UnitNameZh = unit.NameZh, UnitNameEn = unit.NameEn, UnitKind = unit.Kind,
                        ReferredOn = raised, DueOn = calendar.AddWorkingDays(raised, DemandCommands.DefaultReferralWorkingDays), ReferredById = officer,
                        Answer = DemandsDemoTexts.KnittingAnswer, AnsweredOn = answered, AnsweredByName = project.Sponsor,
                    });
                }
            }
            if (k >= KnittingCount - 3)
            {
                (d.Status, d.Satisfaction, d.ClosedOn) = (DemandStatus.Closed, 5, Min(answered.AddDays(rng.Next(3, 20)), today));
            }
            return d;
        }

        private DemandCategory PickCategory(HouseholdTags tags)
        {
            if (tags.HasFlag(HouseholdTags.ElderlyAlone) && rng.Next(2) == 0)
            {
                return DemandCategory.ElderlyCare;
            }
            if (tags.HasFlag(HouseholdTags.LeftBehindChild) && rng.Next(2) == 0)
            {
                return DemandCategory.Childcare;
            }
            if ((tags.HasFlag(HouseholdTags.LowIncome) || tags.HasFlag(HouseholdTags.Disability)) && rng.Next(2) == 0)
            {
                return rng.Next(3) == 0 ? DemandCategory.Housing : DemandCategory.Employment;
            }
            var roll = rng.Next(100);
            return roll switch
            {
                < 22 => DemandCategory.Employment,
                < 40 => DemandCategory.ElderlyCare,
                < 50 => DemandCategory.Childcare,
                < 62 => DemandCategory.LegalAid,
                < 72 => DemandCategory.Housing,
                < 82 => DemandCategory.Security,
                < 95 => DemandCategory.Infrastructure,
                _ => DemandCategory.Other,
            };
        }

        private DemandSource PickSource() => rng.Next(100) switch
        {
            < 55 => DemandSource.HomeVisit,
            < 70 => DemandSource.CommunityMeeting,
            < 85 => DemandSource.Resident,
            < 95 => DemandSource.Patrol,
            _ => DemandSource.Other,
        };

        private int Satisfaction() => rng.Next(100) switch
        {
            < 52 => 5,
            < 82 => 4,
            < 93 => 3,
            < 98 => 2,
            _ => 1,
        };

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        /// <summary>The first <paramref name="segments"/> codes of a path: 4 is the street, 5 the community.</summary>
        private static string Prefix(string path, int segments)
        {
            var parts = path.Trim('/').Split('/');
            return parts.Length < segments ? path : "/" + string.Join('/', parts.Take(segments)) + "/";
        }
    }
}
