using Fengqiao.Features.Calendar;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Households;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo.Demands;

/// <summary>Plays each demo demand through its states: referrals, answers, closings, and the knitting project.</summary>
public static partial class DemandsDemo
{
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
