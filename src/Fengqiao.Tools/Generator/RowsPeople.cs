using Fengqiao.Features.People;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Units;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// People and their posts, in the proportions of the article: one community officer per community, who are 49.4% of the
/// stations' police; the stations' police are 49.5% of the county level (branches and stations); 1,771 officers of the
/// provincial department and city bureaus (20% of those organs' police) are seconded to stations, each with a mentor.
/// Around them: auxiliary police, community cadres, a grid officer per grid and two window clerks per station.
/// </summary>
internal sealed class RowsPeople(World w, IReadOnlyList<Unit> units)
{
    public const double CommunityShareOfStation = 0.494;
    public const double StationShareOfCounty = 0.495;
    public const double SecondedShareOfOrgans = 0.20;

    private readonly Random _rng = w.Options.Stream("People");
    private int _badge;

    public List<Person> People { get; } = [];
    public List<Post> Posts { get; } = [];
    public List<Secondment> Secondments { get; } = [];

    public void Build()
    {
        var s = w.Shape;
        var communityPolice = s.Communities.Length;
        var stationPolice = Math.Max(communityPolice + s.Townships.Length, (int)Math.Round(communityPolice / CommunityShareOfStation));
        var countyPolice = Math.Max(stationPolice + s.Counties.Length, (int)Math.Round(stationPolice / StationShareOfCounty));
        var seconded = w.Options.Count(1771);
        var organPolice = Math.Max(seconded + 1 + s.Cities.Length, (int)Math.Round(seconded / SecondedShareOfOrgans));

        // Organs: the department keeps about 30%, the city bureaus share the rest by population.
        var sendable = new List<(Person Person, int Unit, int City)>();
        var departmentPolice = Math.Max(1, (int)Math.Round(organPolice * 0.3));
        var cityPolice = ProvinceShape.Apportion(organPolice - departmentPolice, [.. s.Cities.Select((_, i) => JilinPlaces.CityPopulation[i])], null);
        Staff(w.DepartmentUnit, departmentPolice, "厅领导", p => sendable.Add((p, w.DepartmentUnit, -1)));
        for (var c = 0; c < s.Cities.Length; c++)
        {
            var city = c;
            Staff(w.CityBureau[c], cityPolice[c], "局领导", p => sendable.Add((p, w.CityBureau[city], city)));
        }

        // County level: branch headquarters, then the stations (director, community officers, other officers).
        var stationOthers = ProvinceShape.Apportion(stationPolice - communityPolice,
            [.. s.Townships.Select((_, t) => (double)s.Communities.Count(c => c.Parent == t))], null);
        var branchPolice = ProvinceShape.Apportion(countyPolice - stationPolice, [.. s.Counties.Select(_ => 1.0)], null);
        for (var k = 0; k < s.Counties.Length; k++)
        {
            Staff(w.CountyBranch[k], branchPolice[k], "分局领导", null);
        }
        w.StationDirector = new int[s.Townships.Length];
        w.StationClerk = new int[s.Townships.Length];
        w.CommunityOfficer = new int[s.Communities.Length];
        w.CommunityOfficerName = new string[s.Communities.Length];
        w.GridOfficer = new int[s.Grids.Length];
        var communitiesOf = s.Communities.Select((c, i) => (c, i)).GroupBy(x => x.c.Parent).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        var gridsOf = s.Grids.Select((g, i) => (g, i)).GroupBy(x => x.g.Parent).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        for (var t = 0; t < s.Townships.Length; t++)
        {
            var station = units[w.Station[t] - 1];
            var director = NewPerson(PersonKind.PoliceOfficer, station, 1988, 2008);
            w.StationDirector[t] = director.Id;
            AddPost(director, station, PostRole.StationDirector, "所长");
            AddPost(director, units[w.TownshipOffice[t] - 1], PostRole.TownshipTeamMember, "党（工）委委员", partTime: true);
            for (var i = 1; i < stationOthers[t]; i++)
            {
                AddPost(NewPerson(PersonKind.PoliceOfficer, station, 1990, 2023), station, PostRole.PoliceOfficer, null);
            }
            for (var i = 0; i < 2; i++)
            {
                var clerk = NewPerson(PersonKind.CivilianStaff, station, 2005, 2023);
                w.StationClerk[t] = i == 0 ? clerk.Id : w.StationClerk[t];
                AddPost(clerk, station, PostRole.ServiceClerk, "综合窗口");
            }
            foreach (var c in communitiesOf.GetValueOrDefault(t, []))
            {
                var community = s.Communities[c];
                var committee = units[w.Committee[c] - 1];
                var officer = NewPerson(PersonKind.PoliceOfficer, station, 1990, 2020);
                w.CommunityOfficer[c] = officer.Id;
                w.CommunityOfficerName[c] = officer.NameZh;
                AddPost(officer, station, PostRole.CommunityPolice, Truncate("社区民警 · " + community.NameZh, 100));
                if (_rng.NextDouble() < 0.5)
                {
                    AddPost(officer, committee, PostRole.CommitteeDeputyDirector, "兼职副主任", partTime: true);
                }
                var auxiliary = NewPerson(PersonKind.AuxiliaryPolice, station, 2012, 2024);
                AddPost(auxiliary, station, PostRole.AuxiliaryPolice, null);
                if (_rng.NextDouble() < 0.3)
                {
                    AddPost(auxiliary, committee, PostRole.GridOfficer, "兼职网格员", partTime: true);
                }
                AddPost(NewPerson(PersonKind.CommunityCadre, committee, 2000, 2022), committee, PostRole.CommunitySecretary, "书记、主任");
                AddPost(NewPerson(PersonKind.CommunityCadre, committee, 2005, 2024), committee, PostRole.CommitteeMember, "委员");
                foreach (var g in gridsOf.GetValueOrDefault(c, []))
                {
                    var gridOfficer = NewPerson(PersonKind.GridOfficer, committee, 2015, 2024);
                    w.GridOfficer[g] = gridOfficer.Id;
                    AddPost(gridOfficer, committee, PostRole.GridOfficer, Truncate(s.Grids[g].NameZh + "网格员", 100));
                }
            }
        }
        Second(sendable, seconded, communitiesOf);
    }

    private void Staff(int unitId, int count, string leaderTitle, Action<Person>? sendable)
    {
        var unit = units[unitId - 1];
        for (var i = 0; i < count; i++)
        {
            var person = NewPerson(PersonKind.PoliceOfficer, unit, 1988, 2023);
            AddPost(person, unit, i == 0 ? PostRole.Leader : PostRole.PoliceOfficer, i == 0 ? leaderTitle : null);
            if (i > 0)
            {
                sendable?.Invoke(person);
            }
        }
    }

    /// <summary>Secondments of the last year: to a station of the organ's city (any city for the department), mentored by its community officer.</summary>
    private void Second(List<(Person Person, int Unit, int City)> sendable, int count, Dictionary<int, int[]> communitiesOf)
    {
        var s = w.Shape;
        var order = Enumerable.Range(0, sendable.Count).OrderBy(_ => _rng.Next()).Take(count).Order().ToList();
        foreach (var i in order)
        {
            var (person, fromUnit, city) = sendable[i];
            int township;
            do
            {
                township = _rng.Next(s.Townships.Length);
            }
            while (city >= 0 && s.Counties[s.Townships[township].Parent].Parent != city && s.Townships.Any(t => s.Counties[t.Parent].Parent == city));
            var station = units[w.Station[township] - 1];
            var from = units[fromUnit - 1];
            var communities = communitiesOf[township];
            var start = w.End.AddDays(-_rng.Next(30, 331));
            var secondment = new Secondment
            {
                Id = Secondments.Count + 1, PersonId = person.Id, FromUnitId = from.Id, FromAreaPath = from.AreaPath, ToUnitId = station.Id,
                ToAreaPath = station.AreaPath, MentorId = w.CommunityOfficer[communities[_rng.Next(communities.Length)]], StartDate = start,
                EndDate = start.AddYears(1).AddDays(-1), Notes = "警力下沉，一对一师带徒", ConfirmedOn = start, Version = 1,
            };
            Secondments.Add(secondment);
            AddPost(person, station, PostRole.SecondedOfficer, "下沉民警", start: start, end: secondment.EndDate, secondment: secondment.Id);
        }
    }

    private Person NewPerson(PersonKind kind, Unit home, int fromYear, int toYear)
    {
        var name = World.BilingualName(_rng);
        var person = new Person
        {
            Id = People.Count + 1, NameZh = name.Zh, NameEn = name.En, Kind = kind,
            BadgeNumber = kind == PersonKind.PoliceOfficer ? $"{w.Options.Province}{++_badge:D6}" : null,
            ServiceSinceYear = _rng.Next(fromYear, toYear + 1), HomeUnitId = home.Id, HomeAreaPath = home.AreaPath, Version = 1,
        };
        People.Add(person);
        return person;
    }

    private void AddPost(Person person, Unit unit, PostRole role, string? title, bool partTime = false, DateOnly? start = null, DateOnly? end = null,
        int? secondment = null)
    {
        var since = new DateOnly(Math.Max(person.ServiceSinceYear ?? 2010, 2000), 1, 1);
        var latest = w.Start.AddDays(-30);
        var first = since < latest ? since.AddDays(_rng.Next(latest.DayNumber - since.DayNumber)) : latest;
        Posts.Add(new Post
        {
            Id = Posts.Count + 1, PersonId = person.Id, UnitId = unit.Id, AreaPath = unit.AreaPath, Role = role, Title = title, PartTime = partTime,
            StartDate = start ?? first, EndDate = end, SecondmentId = secondment, Version = 1,
        });
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}
