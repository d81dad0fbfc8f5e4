using Fengqiao.Features.People;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo;

/// <summary>The front line: stations, hospital police office, communities and grids, and the officers sent down to them.</summary>
internal sealed partial class DemoStaff
{
    private const int CommunityPolicePerStation = 2;
    private const int AuxiliariesPerStation = 2;

    /// <summary>
    /// A director (also on the street's leadership team), two community police (the first also on
    /// a community's "two committees"), two auxiliaries (the first also a part-time grid officer)
    /// and a service clerk; then the street's communities.
    /// </summary>
    private void StaffStreet(DemoStreet street)
    {
        var station = street.Station;
        var key = street.Named?.Key;
        var named = Array.FindAll(DemoPlaces.StationOfficers, o => o.StreetKey == key);

        var namedDirector = Array.Find(named, o => o.Director);
        var director = namedDirector is null
            ? Filler(PersonKind.PoliceOfficer, station, 1994, 2008)
            : NamedPerson(namedDirector.Name, PersonKind.PoliceOfficer, station, namedDirector.Since);
        AddPost(director, station, PostRole.StationDirector, StartFor(director), "所长");
        AddPost(director, street.Office, PostRole.TownshipTeamMember, IntegrationStart(), street.IsTown ? "镇党委委员" : "街道党工委委员");

        var police = new List<Person>();
        foreach (var officer in named)
        {
            if (!officer.Director)
            {
                police.Add(NamedPerson(officer.Name, PersonKind.PoliceOfficer, station, officer.Since));
            }
        }
        while (police.Count < CommunityPolicePerStation)
        {
            police.Add(Filler(PersonKind.PoliceOfficer, station, 1994, 2018));
        }
        for (var i = 0; i < police.Count; i++)
        {
            // Each community officer looks after two of the street's four communities.
            var covered = street.Communities.Skip(2 * i).Take(2).Select(c => c.Area.NameZh).ToList();
            AddPost(police[i], station, PostRole.CommunityPolice, StartFor(police[i]), covered.Count == 0 ? null : string.Join('、', covered));
        }
        _communityPolice[street] = police;

        var first = street.Communities[0];
        if (key == DemoPlaces.Jilu)
        {
            // Wei Dong, elected deputy director of the Fubei neighbourhood committee.
            AddPost(police[0], first.Committee, PostRole.CommitteeDeputyDirector, IntegrationStart(), "居委会副主任");
        }
        else
        {
            AddPost(police[0], first.Committee, PostRole.CommitteeMember, IntegrationStart(), first.IsVillage ? "村“两委”委员" : "社区“两委”委员");
        }

        for (var i = 0; i < AuxiliariesPerStation; i++)
        {
            var auxiliary = Filler(PersonKind.AuxiliaryPolice, station, 2010, 2022);
            AddPost(auxiliary, station, PostRole.AuxiliaryPolice, StartFor(auxiliary));
            if (i == 0)
            {
                var community = street.Communities[_rng.Next(street.Communities.Count)];
                var grid = _rng.Next(1, community.Grids.Count + 1);
                AddPost(auxiliary, community.Committee, PostRole.GridOfficer, IntegrationStart(),
                    FormattableString.Invariant($"第{grid}网格（兼职网格员）"), partTime: true);
            }
        }

        var clerk = Filler(PersonKind.CivilianStaff, station, 2005, 2022);
        AddPost(clerk, station, PostRole.ServiceClerk, StartFor(clerk), "综合服务窗口");

        if (street.HospitalOffice is { } hospital)
        {
            StaffHospital(hospital);
        }
        foreach (var community in street.Communities)
        {
            StaffCommunity(street, community);
        }
    }

    /// <summary>Huadian People's Hospital police office, opened in April 2024 with a "one window" service desk.</summary>
    private void StaffHospital(Unit hospital)
    {
        var opened = new DateOnly(2024, 4, 1);
        var chen = NamedPerson(DemoPlaces.ChenJing, PersonKind.PoliceOfficer, hospital, 2010);
        AddPost(chen, hospital, PostRole.ServiceClerk, opened, "“一窗通办”窗口");
        var auxiliary = Filler(PersonKind.AuxiliaryPolice, hospital, 2015, 2022);
        AddPost(auxiliary, hospital, PostRole.AuxiliaryPolice, opened);
    }

    /// <summary>A secretary who also chairs the committee, and one grid officer per grid.</summary>
    private void StaffCommunity(DemoStreet street, DemoCommunity community)
    {
        var committee = community.Committee;
        var secretary = Filler(PersonKind.CommunityCadre, committee, 1995, 2018);
        AddPost(secretary, committee, PostRole.CommunitySecretary, StartFor(secretary),
            community.IsVillage ? "村党支部书记、村委会主任" : "社区党委书记、居委会主任");
        // Liu Xiaoyan (a demo account) has the first grid of the first community of Chongqing Road Street.
        var liuXiaoyansCommunity = street.Named?.Key == DemoPlaces.Chongqing && community == street.Communities[0];
        for (var g = 1; g <= community.Grids.Count; g++)
        {
            var isLiuXiaoyan = liuXiaoyansCommunity && g == 1;
            var officer = isLiuXiaoyan
                ? NamedPerson(DemoPlaces.LiuXiaoyan, PersonKind.GridOfficer, committee, 2019)
                : Filler(PersonKind.GridOfficer, committee, 2015, LatestYear);
            AddPost(officer, committee, PostRole.GridOfficer, StartFor(officer), FormattableString.Invariant($"第{g}网格"));
        }
    }

    /// <summary>The article's pairs: Wu Jinyu with Wu Hui, Wang Mingxue with Zhang Chunmin, and Xing Yun at Xiangyang.</summary>
    private void SecondNamed()
    {
        Second(Named[DemoPlaces.WuJinyu.Zh], _world.Department, Street(DemoPlaces.Chongqing));
        Second(Named[DemoPlaces.WangMingxue.Zh], City(DemoPlaces.Changchun).Bureau, Street(DemoPlaces.XianSquare));

        var xiangyang = Street(DemoPlaces.Xiangyang);
        var xing = Named[DemoPlaces.XingYun.Zh];
        AddPost(xing, xiangyang.Station, PostRole.CommunityPolice, SecondmentStart, xiangyang.Communities[0].Area.NameZh, end: SecondmentEnd);
        Second(xing, City(DemoPlaces.Liaoyuan).Bureau, xiangyang);
    }

    /// <summary>About one station in five receives an officer from its city bureau (every fourth from the province).</summary>
    private void SecondFiller()
    {
        var sent = 0;
        foreach (var street in _world.Streets)
        {
            if (street.Named?.Key is DemoPlaces.Chongqing or DemoPlaces.XianSquare or DemoPlaces.Xiangyang)
            {
                continue;
            }
            if (_rng.Next(5) != 0)
            {
                continue;
            }
            var from = sent % 4 == 3 ? _world.Department : street.County.City.Bureau;
            if (_sendable.TryGetValue(from, out var queue) && queue.Count > 0)
            {
                Second(queue.Dequeue(), from, street);
                sent++;
            }
        }
    }

    /// <summary>Sends <paramref name="person"/> down to the street's station for a year, mentored by its first community officer.</summary>
    private void Second(Person person, Unit from, DemoStreet to)
    {
        var station = to.Station;
        var mentor = _communityPolice[to][0];
        var secondment = new Secondment
        {
            Person = person,
            FromUnit = from,
            FromAreaPath = from.AreaPath,
            ToUnit = station,
            ToAreaPath = station.AreaPath,
            Mentor = mentor,
            StartDate = SecondmentStart,
            EndDate = SecondmentEnd,
            ConfirmedOn = SecondmentStart,
            ConfirmedBy = "demo.province",
            Notes = "与" + mentor.NameZh + "结对 / Paired with " + mentor.NameEn,
        };
        var post = new Post
        {
            Person = person,
            Unit = station,
            AreaPath = station.AreaPath,
            Role = PostRole.SecondedOfficer,
            Title = "下沉锻炼",
            StartDate = SecondmentStart,
            EndDate = SecondmentEnd,
        };
        Secondments.Add(new DemoSecondment(secondment, post));
    }

    private DemoStreet Street(string key) =>
        _world.Streets.FirstOrDefault(s => s.Named?.Key == key)
        ?? throw new InvalidOperationException("The demo map has no street " + key + ".");

    private DemoCity City(string code) =>
        _world.Cities.Find(c => c.Row.Code == code)
        ?? throw new InvalidOperationException("The demo map has no city " + code + ".");
}
