using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Units;
using Fengqiao.Features.Visits;
using Fengqiao.Infrastructure.Data;

namespace Fengqiao.Tests.Features.Statistics;

/// <summary>
/// A small city of its own, written through the DbContext like every feature writes, whose figures for
/// 2025 are counted by hand in the comments. City code "29" + <c>n</c> keeps fixtures apart.
/// </summary>
public sealed class StatisticsFixture(AppDb db, string city)
{
    public string City => city;
    public string County => city + "01";
    public string TownshipA => city + "01001";
    public string TownshipB => city + "01002";
    public string CommunityA => city + "01001001";

    private readonly Dictionary<string, Area> _areas = [];

    public async Task BuildAsync()
    {
        var province = db.Areas.Single(a => a.Code == "22");
        var c = Area(province, city, AreaLevel.City);
        var county = Area(c, County, AreaLevel.County);
        var a = Area(county, TownshipA, AreaLevel.Township);
        var b = Area(county, TownshipB, AreaLevel.Township);
        var community = Area(a, CommunityA, AreaLevel.Community);
        var grid = Area(community, CommunityA + "001", AreaLevel.Grid);
        await db.SaveChangesAsync();

        var bureau = Unit(c, UnitKind.CityBureau, "bureau");
        var branch = Unit(county, UnitKind.CountyBranch, "branch");
        var stationA = Unit(a, UnitKind.PoliceStation, "station-a");
        var stationB = Unit(b, UnitKind.PoliceStation, "station-b");
        await db.SaveChangesAsync();

        var since = new DateOnly(2020, 1, 1);
        // Station A: director, 2 community police, 1 officer. Station B: community police, officer, an auxiliary (not sworn),
        // a community officer from March 2025 and one who left in June 2024.
        // → station police 4 + 3 = 7 (2024: 6), community police 2 + 2 = 4 (2024: 3).
        Posts(stationA, PostRole.StationDirector, 1, since);
        Posts(stationA, PostRole.CommunityPolice, 2, since);
        Posts(stationA, PostRole.PoliceOfficer, 1, since);
        Posts(stationB, PostRole.CommunityPolice, 1, since);
        Posts(stationB, PostRole.PoliceOfficer, 1, since);
        Posts(stationB, PostRole.AuxiliaryPolice, 1, since);
        Posts(stationB, PostRole.CommunityPolice, 1, new DateOnly(2025, 3, 1));
        Posts(stationB, PostRole.CommunityPolice, 1, since, new DateOnly(2024, 6, 30));
        // County branch: 5 officers → county-level police 7 + 5 = 12 (2024: 11). City bureau: 10 officers.
        Posts(branch, PostRole.PoliceOfficer, 5, since);
        var organ = Posts(bureau, PostRole.PoliceOfficer, 10, since);
        await db.SaveChangesAsync();
        // Two of the bureau's officers sent down to station A for 2025, mentored by its director → 2, 20% of 10.
        var mentor = db.Posts.Local.First(p => p.UnitId == stationA.Id && p.Role == PostRole.StationDirector).PersonId;
        foreach (var p in organ.Take(2))
        {
            db.Secondments.Add(new Secondment
            {
                PersonId = p.PersonId, FromUnitId = bureau.Id, FromAreaPath = bureau.AreaPath, ToUnitId = stationA.Id, ToAreaPath = stationA.AreaPath,
                MentorId = mentor, StartDate = new DateOnly(2025, 2, 1), EndDate = new DateOnly(2025, 12, 31), ConfirmedOn = new DateOnly(2025, 1, 20),
            });
        }
        // A third the station proposed and the bureau has not confirmed: no one is sent down by it.
        db.Secondments.Add(new Secondment
        {
            PersonId = organ[2].PersonId, FromUnitId = bureau.Id, FromAreaPath = bureau.AreaPath, ToUnitId = stationA.Id, ToAreaPath = stationA.AreaPath,
            MentorId = mentor, StartDate = new DateOnly(2025, 3, 1), EndDate = new DateOnly(2025, 12, 31),
        });

        // Windows: station A handles ID cards, household registration and exit–entry (comprehensive); station B ID cards only.
        var windowA = Outlet(stationA, "HR-CERT,ID-RENEW,EE-PASSPORT");
        Outlet(stationB, "ID-RENEW");
        // Community police teams: 2 at A, 1 at B; a volunteer patrol team at A.
        var volunteers = new Team { Name = "patrol", Kind = TeamKind.VolunteerPatrol, AreaId = a.Id, AreaPath = community.Path, StationUnitId = stationA.Id };
        db.Teams.AddRange(
            new Team { Name = "t1", Kind = TeamKind.CommunityPolice, AreaId = a.Id, AreaPath = a.Path, StationUnitId = stationA.Id },
            new Team { Name = "t2", Kind = TeamKind.CommunityPolice, AreaId = a.Id, AreaPath = a.Path, StationUnitId = stationA.Id },
            new Team { Name = "t3", Kind = TeamKind.CommunityPolice, AreaId = b.Id, AreaPath = b.Path, StationUnitId = stationB.Id },
            volunteers);
        await db.SaveChangesAsync();

        // Disputes in community A. Registered in 2025: d1..d4 = 4 (the duplicate merged into d4 does not count; 2024: d0).
        // Resolved in 2025: d0, d1, d2 = 3 → rate 75%. Overdue now: d4.
        Dispute(community, new(2024, 12, 1), DisputeStatus.Closed, new(2025, 1, 10));
        Dispute(community, new(2025, 2, 1), DisputeStatus.Closed, new(2025, 2, 20));
        Dispute(community, new(2025, 3, 1), DisputeStatus.FollowedUp, new(2025, 3, 5));
        Dispute(community, new(2025, 4, 1), DisputeStatus.NotResolvable, null);
        var d4 = Dispute(community, new(2025, 5, 1), DisputeStatus.Mediating, null, due: new(2025, 6, 1));
        await db.SaveChangesAsync();
        var duplicate = Dispute(community, new(2025, 5, 2), DisputeStatus.Closed, new(2025, 5, 3));
        duplicate.MergedIntoId = d4.Id;

        // Services at window A: 3 completed in 2025 (2 within the limit), one in 2024, one still in progress → 3, 66.7%.
        ServiceRecord[] records =
        [
            Record(windowA, RecordStatus.Completed, new(2025, 3, 1), new(2025, 3, 1)),
            Record(windowA, RecordStatus.Completed, new(2025, 3, 2), new(2025, 3, 10)),
            Record(windowA, RecordStatus.Completed, new(2025, 3, 20), new(2025, 3, 10)),
            Record(windowA, RecordStatus.Completed, new(2024, 3, 1), new(2024, 3, 1)),
            Record(windowA, RecordStatus.InProgress, null, new(2025, 12, 1)),
        ];
        await db.SaveChangesAsync();
        // Reviews: 5, 4 and 1 stars count; a 2 found mistaken on appeal does not → good 2/3, bad 1/3.
        foreach (var (stars, appeal, record) in new[] { (5, AppealStatus.None, 0), (4, AppealStatus.None, 1), (1, AppealStatus.None, 2), (2, AppealStatus.Upheld, 3) })
        {
            db.Reviews.Add(new Review
            {
                ServiceRecordId = records[record].Id, OutletId = windowA.Id, AreaPath = windowA.AreaPath, Overall = stars, Efficiency = stars, Attitude = stars,
                ServiceLevel = stars, At = At(2025, 3, 1), Day = new(2025, 3, 1), Appeal = appeal,
            });
        }
        // Two tickets called after 10 and 20 minutes → 15 minutes on average.
        foreach (var minutes in new[] { 10, 20 })
        {
            db.Tickets.Add(new Ticket
            {
                OutletId = windowA.Id, AreaPath = windowA.AreaPath, Day = new(2025, 4, 1), Number = minutes, Label = "A" + minutes, ServiceCode = "ID-RENEW",
                IssuedAt = At(2025, 4, 1), CalledAt = At(2025, 4, 1).AddMinutes(minutes), Status = TicketStatus.Done,
            });
        }

        // Two households (registered in 2024), five visits in 2025 → 250 visits per 100 households.
        var officer = db.Posts.Local.First(p => p.UnitId == stationA.Id && p.Role == PostRole.CommunityPolice).PersonId;
        var homes = Enumerable.Range(1, 2).Select(i => new Household
        {
            Code = $"{grid.Code}-F{i}", Address = $"Building {i}", AreaId = grid.Id, AreaPath = grid.Path, CreatedAt = new DateTime(2024, 5, 1, 2, 0, 0, DateTimeKind.Utc),
        }).ToList();
        db.Households.AddRange(homes);
        await db.SaveChangesAsync();
        for (var i = 0; i < 5; i++)
        {
            db.Visits.Add(new Visit
            {
                HouseholdId = homes[i % 2].Id, AreaPath = grid.Path, VisitedAt = new DateTime(2025, 6, 1 + i, 2, 0, 0, DateTimeKind.Utc), OfficerId = officer,
                Notes = "fixture", AntiFraudGiven = i < 3,
            });
        }
        // Volunteers: 3 active building leaders and couriers; an inactive one and an officer member do not count. Two patrols of 3 and 4.
        foreach (var (role, active) in new[] { (MemberRole.BuildingLeader, true), (MemberRole.Courier, true), (MemberRole.Resident, true), (MemberRole.Resident, false), (MemberRole.Officer, true) })
        {
            db.TeamMembers.Add(new TeamMember { TeamId = volunteers.Id, AreaPath = volunteers.AreaPath, Name = role.ToString(), Role = role, JoinedOn = new(2024, 1, 1), Active = active });
        }
        foreach (var people in new[] { 3, 4 })
        {
            db.PatrolLogs.Add(new PatrolLog
            {
                TeamId = volunteers.Id, AreaPath = volunteers.AreaPath, StartedAt = At(2025, 7, people), EndedAt = At(2025, 7, people).AddHours(1),
                Route = "route", Participants = people, LoggedByName = "fixture",
            });
        }
        await db.SaveChangesAsync();
    }

    private static DateTimeOffset At(int y, int m, int d) => new DateTimeOffset(y, m, d, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private Area Area(Area parent, string code, AreaLevel level)
    {
        var area = new Area { Code = code, NameZh = "测试" + code, NameEn = "Fixture " + code, Level = level, ParentId = parent.Id, Parent = parent, Path = Fengqiao.Features.Areas.Area.ChildPath(parent.Path, code) };
        db.Areas.Add(area);
        _areas[code] = area;
        return area;
    }

    private Unit Unit(Area area, UnitKind kind, string name)
    {
        var unit = new Unit { Code = $"U{area.Code}-{name}", NameZh = name, NameEn = name, Kind = kind, Area = area, AreaPath = area.Path };
        db.Units.Add(unit);
        return unit;
    }

    private List<Post> Posts(Unit unit, PostRole role, int count, DateOnly start, DateOnly? end = null)
    {
        var posts = new List<Post>();
        for (var i = 0; i < count; i++)
        {
            var person = new Person { NameZh = $"{unit.NameZh}{role}{i}", NameEn = $"{unit.NameEn} {role} {i}", Kind = PersonKind.PoliceOfficer, HomeUnit = unit, HomeAreaPath = unit.AreaPath };
            var post = new Post { Person = person, Unit = unit, AreaPath = unit.AreaPath, Role = role, StartDate = start, EndDate = end };
            db.Posts.Add(post);
            posts.Add(post);
        }
        return posts;
    }

    private Outlet Outlet(Unit station, string codes)
    {
        var outlet = new Outlet { NameZh = station.NameZh + "窗口", NameEn = station.NameEn + " window", Kind = OutletKind.StationWindow, Unit = station, AreaPath = station.AreaPath, OpeningHours = "08:30-17:00", ServiceCodes = codes };
        db.Outlets.Add(outlet);
        return outlet;
    }

    private int _disputes;

    private Dispute Dispute(Area area, DateOnly registered, DisputeStatus status, DateOnly? resolved, DateOnly? due = null)
    {
        var d = new Dispute
        {
            Code = $"FX-{area.Code}-{++_disputes}", Title = "fixture", Summary = "fixture", Category = "neighbour", AreaId = area.Id, AreaPath = area.Path,
            Status = status, RegisteredOn = registered, RegisteredAt = new DateTimeOffset(registered.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime(),
            ResolvedOn = resolved, DueDate = due, SearchText = "fixture",
        };
        db.Disputes.Add(d);
        return d;
    }

    private int _records;

    private ServiceRecord Record(Outlet outlet, RecordStatus status, DateOnly? finished, DateOnly due)
    {
        var r = new ServiceRecord
        {
            Code = $"FX-{city}-{++_records}", Outlet = outlet, AreaPath = outlet.AreaPath, ServiceCode = "ID-RENEW", ResidentName = "fixture",
            Status = status, ReceivedAt = new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ReceivedOn = due, DueDate = due, FinishedOn = finished,
            MaterialsChecked = "1",
        };
        db.ServiceRecords.Add(r);
        return r;
    }
}
