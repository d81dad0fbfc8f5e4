using Fengqiao.Features.People;
using Fengqiao.Features.Teams;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// Community police teams (9,833 at scale 1: the community officer, an auxiliary officer, the community secretary and the
/// grid officers), a volunteer patrol team per community (building leaders, couriers, property staff, residents) and
/// the volunteers' patrol logs (about 1,000,000 in five years).
/// </summary>
internal static class RowsTeams
{
    private static readonly MemberRole[] VolunteerRoles = [MemberRole.BuildingLeader, MemberRole.Courier, MemberRole.PropertyStaff, MemberRole.Resident];

    private static readonly string[] Observations =
    [
        "巡逻中未发现异常。", "提醒商户关好门窗、注意防火。", "发现楼道堆放杂物，已告知物业清理。", "劝离小区内可疑推销人员一名。",
        "路灯损坏一处，已报社区。", "协助走失老人回家。", "提醒居民电动车不要进楼充电。", "发放反诈宣传单二十份。",
    ];

    public static (List<Team> Teams, List<TeamMember> Members) Build(World w, IReadOnlyList<Person> people, IReadOnlyList<Post> posts)
    {
        var s = w.Shape;
        var rng = w.Options.Stream("Teams");
        var teams = new List<Team>();
        var members = new List<TeamMember>();
        var policeTeams = Math.Min(s.Communities.Length, w.Options.Count(9833));
        var without = Enumerable.Range(0, s.Communities.Length).OrderBy(_ => rng.Next()).Take(s.Communities.Length - policeTeams).ToHashSet();
        var byUnitRole = posts.Where(p => p.Role is PostRole.AuxiliaryPolice or PostRole.CommunitySecretary)
            .GroupBy(p => (p.UnitId, p.Role)).ToDictionary(g => g.Key, g => g.Select(p => p.PersonId).ToList());
        var gridsOf = s.Grids.Select((g, i) => (g, i)).GroupBy(x => x.g.Parent).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        var auxiliaryNext = new Dictionary<int, int>();
        w.VolunteerTeam = new int[s.Communities.Length];

        void Member(Team team, string name, MemberRole role, int? person, DateOnly joined) => members.Add(new TeamMember
        {
            Id = members.Count + 1, TeamId = team.Id, AreaPath = team.AreaPath, Name = name, Role = role, PersonId = person, JoinedOn = joined, Active = true,
        });

        for (var c = 0; c < s.Communities.Length; c++)
        {
            var community = s.Communities[c];
            var station = w.Station[community.Parent];
            var founded = w.Start.AddDays(-rng.Next(30, 900));
            if (!without.Contains(c))
            {
                var team = new Team
                {
                    Id = teams.Count + 1, Name = community.NameZh + "警务团队", Kind = TeamKind.CommunityPolice, AreaId = community.Id, AreaPath = community.Path,
                    StationUnitId = station, Description = "社区民警牵头，辅警、社区干部、网格员共同参与的社区警务团队", Version = 1,
                };
                teams.Add(team);
                Member(team, w.CommunityOfficerName[c], MemberRole.Officer, w.CommunityOfficer[c], founded);
                // The station's auxiliary officers are hired one per community: give each team the next one.
                if (byUnitRole.TryGetValue((station, PostRole.AuxiliaryPolice), out var auxiliaries))
                {
                    var next = auxiliaryNext.GetValueOrDefault(station);
                    auxiliaryNext[station] = next + 1;
                    var id = auxiliaries[next % auxiliaries.Count];
                    Member(team, people[id - 1].NameZh, MemberRole.AuxiliaryPolice, id, founded);
                }
                if (byUnitRole.TryGetValue((w.Committee[c], PostRole.CommunitySecretary), out var secretaries))
                {
                    Member(team, people[secretaries[0] - 1].NameZh, MemberRole.CommunityCadre, secretaries[0], founded);
                }
                foreach (var g in gridsOf.GetValueOrDefault(c, []))
                {
                    Member(team, people[w.GridOfficer[g] - 1].NameZh, MemberRole.GridOfficer, w.GridOfficer[g], founded.AddDays(rng.Next(0, 60)));
                }
            }
            var patrol = new Team
            {
                Id = teams.Count + 1, Name = community.NameZh + "平安志愿巡逻队", Kind = TeamKind.VolunteerPatrol, AreaId = community.Id, AreaPath = community.Path,
                StationUnitId = station, Description = "楼栋长、快递员、物业人员和居民组成的义务巡逻队", Version = 1,
            };
            teams.Add(patrol);
            w.VolunteerTeam[c] = patrol.Id;
            var size = rng.Next(6, 13);
            for (var i = 0; i < size; i++)
            {
                Member(patrol, World.NameOf(rng), i == 0 ? MemberRole.BuildingLeader : World.Pick(rng, VolunteerRoles), null,
                    founded.AddDays(rng.Next(0, 400)));
            }
        }
        return (teams, members);
    }

    public static IEnumerable<PatrolLog> PatrolLogs(World w, int count)
    {
        var s = w.Shape;
        var rng = w.Options.Stream("PatrolLogs");
        for (var i = 0; i < count; i++)
        {
            var c = rng.Next(s.Communities.Length);
            var day = w.DayFor(i, count);
            var started = World.At(day, rng.Next(18, 21), rng.Next(60));
            yield return new PatrolLog
            {
                Id = i + 1, TeamId = w.VolunteerTeam[c], AreaPath = s.Communities[c].Path, StartedAt = started,
                EndedAt = started.AddMinutes(rng.Next(45, 150)),
                Route = $"{World.Pick(rng, JilinPlaces.Roads)} — {World.Pick(rng, JilinPlaces.Roads)} — 小区内部道路",
                Observations = World.Pick(rng, Observations), Participants = rng.Next(3, 11), LoggedByName = World.NameOf(rng),
            };
        }
    }
}
