using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo;

/// <summary>
/// Staffs the demo map: leaders and officers of the organs, the people of every station and
/// community, the article's people in their places, and the officers sent down to stations.
/// Everything random comes from one seeded <see cref="Random"/> drawn in a fixed order, and every
/// date is fixed, so the same people appear on every run.
/// </summary>
internal sealed partial class DemoStaff
{
    /// <summary>The article's officers had been sent down for "nearly a year" by May 2024.</summary>
    public static readonly DateOnly SecondmentStart = new(2026, 6, 1);
    public static readonly DateOnly SecondmentEnd = new(2027, 5, 31);
    private const int LatestYear = 2023;
    private const int OrganStaffCount = 10;
    private const int BranchOfficerCount = 3;

    private readonly DemoWorld _world;
    private readonly Random _rng;
    private readonly DemoNames _names;
    /// <summary>Filler staff of each organ who may still be sent down, in order.</summary>
    private readonly Dictionary<Unit, Queue<Person>> _sendable = new();
    /// <summary>Each station's community police, named ones first; the first one mentors.</summary>
    private readonly Dictionary<DemoStreet, List<Person>> _communityPolice = new();
    private int _badge = 1000;

    private DemoStaff(DemoWorld world, Random rng)
    {
        _world = world;
        _rng = rng;
        _names = new DemoNames(rng);
    }

    public List<Person> People { get; } = [];
    /// <summary>Every post except the seconded ones, which come with <see cref="Secondments"/>.</summary>
    public List<Post> Posts { get; } = [];
    public List<DemoSecondment> Secondments { get; } = [];
    /// <summary>The article's people and the demo accounts' people, by Chinese name.</summary>
    public Dictionary<string, Person> Named { get; } = new();

    public static DemoStaff Build(DemoWorld world, Random rng)
    {
        var staff = new DemoStaff(world, rng);
        staff.StaffProvince();
        staff.StaffCities();
        staff.StaffCounties();
        foreach (var street in world.Streets)
        {
            staff.StaffStreet(street);
        }
        staff.SecondNamed();
        staff.SecondFiller();
        return staff;
    }

    private void StaffProvince()
    {
        var department = _world.Department;
        var he = NamedPerson(DemoPlaces.HeZhiliang, PersonKind.PoliceOfficer, department, 1988);
        AddPost(he, department, PostRole.Leader, new DateOnly(2021, 3, 1), "副省长、公安厅厅长");
        var yu = NamedPerson(DemoPlaces.YuHaibo, PersonKind.PoliceOfficer, department, 1990);
        AddPost(yu, department, PostRole.Leader, new DateOnly(2020, 9, 1), "政治部主任");
        var wu = NamedPerson(DemoPlaces.WuJinyu, PersonKind.CivilianStaff, department, 2005);
        AddPost(wu, department, PostRole.CivilianStaff, new DateOnly(2005, 7, 1), "办公室");
        OrganStaff(department, OrganStaffCount - 1, DemoPlaces.ProvinceSections);

        for (var i = 0; i < _world.CoBuilding.Count; i++)
        {
            var unit = _world.CoBuilding[i];
            if (i == DemoPlaces.SocialWorkIndex)
            {
                var chu = NamedPerson(DemoPlaces.ChuXiaodong, PersonKind.CivilianStaff, unit, 1992);
                AddPost(chu, unit, PostRole.Leader, new DateOnly(2023, 3, 1), "省委社会工作部部长");
            }
            else
            {
                var liaison = Filler(PersonKind.CivilianStaff, unit, 2000, 2018);
                AddPost(liaison, unit, PostRole.CivilianStaff, IntegrationStart(), "警地共建联络员");
            }
        }
    }

    private void StaffCities()
    {
        foreach (var city in _world.Cities)
        {
            var bureau = city.Bureau;
            var liaoyuan = city.Row.Code == DemoPlaces.Liaoyuan;
            var leader = liaoyuan
                ? NamedPerson(DemoPlaces.LvYang, PersonKind.PoliceOfficer, bureau, 1995)
                : Filler(PersonKind.PoliceOfficer, bureau, 1988, 1998);
            AddPost(leader, bureau, PostRole.Leader, StartFor(leader), liaoyuan ? "副市长、市公安局局长" : "局长");

            var fillers = OrganStaffCount;
            if (city.Row.Code == DemoPlaces.Changchun)
            {
                var wang = NamedPerson(DemoPlaces.WangMingxue, PersonKind.PoliceOfficer, bureau, 2016);
                AddPost(wang, bureau, PostRole.PoliceOfficer, new DateOnly(2016, 8, 1), "督察审计支队");
                fillers--;
            }
            else if (liaoyuan)
            {
                var xing = NamedPerson(DemoPlaces.XingYun, PersonKind.PoliceOfficer, bureau, 2015);
                AddPost(xing, bureau, PostRole.PoliceOfficer, new DateOnly(2015, 8, 1), "办公室");
                fillers--;
            }
            OrganStaff(bureau, fillers, DemoPlaces.CitySections);
        }
    }

    private void StaffCounties()
    {
        foreach (var county in _world.Counties)
        {
            var branch = county.Branch;
            var leader = Filler(PersonKind.PoliceOfficer, branch, 1988, 2000);
            AddPost(leader, branch, PostRole.Leader, StartFor(leader), county.Row.Type == CountyType.District ? "分局局长" : "局长");
            for (var i = 0; i < BranchOfficerCount; i++)
            {
                var officer = Filler(PersonKind.PoliceOfficer, branch, 1994, 2020);
                AddPost(officer, branch, PostRole.PoliceOfficer, StartFor(officer), Pick(DemoPlaces.CountySections));
            }
        }
    }

    /// <summary>Police officers and civilian staff of a provincial or city organ, all of whom may be sent down.</summary>
    private void OrganStaff(Unit organ, int count, string[] sections)
    {
        var sendable = new Queue<Person>();
        for (var i = 0; i < count; i++)
        {
            var police = _rng.Next(10) < 7;
            var person = Filler(police ? PersonKind.PoliceOfficer : PersonKind.CivilianStaff, organ, 1994, 2020);
            AddPost(person, organ, police ? PostRole.PoliceOfficer : PostRole.CivilianStaff, StartFor(person), Pick(sections));
            sendable.Enqueue(person);
        }
        _sendable[organ] = sendable;
    }

    private Person NewPerson(Bilingual name, PersonKind kind, Unit home, int since)
    {
        var person = new Person
        {
            NameZh = name.Zh,
            NameEn = name.En,
            Kind = kind,
            BadgeNumber = kind == PersonKind.PoliceOfficer ? NextBadge() : null,
            ServiceSinceYear = since,
            HomeUnit = home,
            HomeAreaPath = home.AreaPath,
        };
        People.Add(person);
        return person;
    }

    private Person NamedPerson(Bilingual name, PersonKind kind, Unit home, int since)
    {
        var person = NewPerson(name, kind, home, since);
        Named.Add(name.Zh, person);
        return person;
    }

    private Person Filler(PersonKind kind, Unit home, int fromYear, int toYear)
    {
        var name = _names.Next();
        var since = _rng.Next(fromYear, toYear + 1);
        return NewPerson(name, kind, home, since);
    }

    private void AddPost(Person person, Unit unit, PostRole role, DateOnly start, string? title = null, bool partTime = false, DateOnly? end = null)
    {
        Posts.Add(new Post
        {
            Person = person,
            Unit = unit,
            AreaPath = unit.AreaPath,
            Role = role,
            Title = title,
            PartTime = partTime,
            StartDate = start,
            EndDate = end,
        });
    }

    /// <summary>"220" and four digits, rising by a small random step, so unique.</summary>
    private string NextBadge()
    {
        _badge += _rng.Next(1, 9);
        return FormattableString.Invariant($"220{_badge:D4}");
    }

    /// <summary>When the person took up their present post: a few years into service, and before June 2023.</summary>
    private DateOnly StartFor(Person person)
    {
        var since = person.ServiceSinceYear ?? LatestYear;
        var year = Math.Clamp(since + _rng.Next(0, 6), 1994, LatestYear);
        var month = year == LatestYear ? _rng.Next(1, 6) : _rng.Next(1, 13);
        return new DateOnly(year, month, 1);
    }

    /// <summary>Posts of the police–local integration, launched by the provincial party committee in spring 2023.</summary>
    private DateOnly IntegrationStart() => new(LatestYear, _rng.Next(3, 6), 1);

    private string Pick(string[] choices) => choices[_rng.Next(choices.Length)];
}
