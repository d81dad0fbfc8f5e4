using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Units;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Demo.Teams;

/// <summary>
/// Demo teams: a community police team for every community, five volunteer patrol teams (Xing
/// Yun's at Xiangyang Community among them, and the Chongqing Road Street team in which the demo
/// volunteer 王淑芬 is a building leader), two months of patrols, about forty tips, outreach
/// (rule-of-law vice principals, anti-fraud talks, help at ploughing time) and eight weeks of
/// meetings in two communities. Every date counts back from today and every draw comes from one
/// seeded <see cref="Random"/>. Does nothing when teams exist. Runs as the system.
/// </summary>
public static partial class TeamsDemo
{
    public const string VolunteerUserName = "demo.volunteer";
    public const string VolunteerName = "王淑芬";
    public const string VolunteerPhone = "13943100524";
    /// <summary>The street of the demo volunteer's team (Chongqing Road Street, Wu Hui's station).</summary>
    public const string VolunteerStreetCode = "220104001";

    private static readonly DateOnly TeamsFounded = new(2023, 3, 1);
    private static readonly PostRole[] TeamRoles = [PostRole.CommunityPolice, PostRole.AuxiliaryPolice, PostRole.CommunitySecretary, PostRole.GridOfficer];

    private sealed record DemoArea(int Id, string Code, string NameZh, string Path, AreaLevel Level, int? ParentId);

    private sealed record DemoPost(int PersonId, string Name, PostRole Role, int UnitId, int AreaId, string? Title, DateOnly StartDate);

    private sealed record DemoStation(int Id, int AreaId, string AreaPath);

    /// <summary>A team being built, with the names the rest of the demo draws on.</summary>
    private sealed class Built(Team team, string officerName)
    {
        public Team Team { get; } = team;
        public string OfficerName { get; } = officerName;
        public List<TeamMember> Volunteers { get; } = [];
    }

    public static async Task SeedAsync(AppDb db, UserManager<AppUser> users, FieldProtector protector, LocalClock clock, TimeProvider time, CancellationToken ct)
    {
        if (await db.Teams.AnyAsync(ct))
        {
            return;
        }
        // First, while nothing else is tracked: the identity store saves the context.
        var volunteerId = await VolunteerAccountAsync(users);

        var rng = new Random(DemoSeeder.RandomSeed);
        var names = new DemoNames(rng);
        var today = clock.Today;
        var now = time.GetUtcNow();

        var areas = await db.Areas.AsNoTracking()
            .Where(a => a.Level == AreaLevel.Township || a.Level == AreaLevel.Community)
            .OrderBy(a => a.Code)
            .Select(a => new DemoArea(a.Id, a.Code, a.NameZh, a.Path, a.Level, a.ParentId))
            .ToListAsync(ct);
        var stations = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation)
            .OrderBy(u => u.Id)
            .Select(u => new DemoStation(u.Id, u.AreaId, u.AreaPath))
            .ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => TeamRoles.Contains(p.Role) && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
            .OrderBy(p => p.Id)
            .Select(p => new DemoPost(p.PersonId, p.Person!.NameZh, p.Role, p.UnitId, p.Unit!.AreaId, p.Title, p.StartDate))
            .ToListAsync(ct);

        var stationOfStreet = new Dictionary<int, DemoStation>();
        foreach (var s in stations)
        {
            stationOfStreet.TryAdd(s.AreaId, s);
        }
        var postsByUnit = posts.ToLookup(p => p.UnitId);
        var postsByArea = posts.ToLookup(p => p.AreaId);

        // Community police teams: one for every community, with its officer, an auxiliary, the secretary and the grid officers.
        var communityTeams = new Dictionary<int, Built>();
        var streets = areas.Where(a => a.Level == AreaLevel.Township).ToDictionary(a => a.Id);
        foreach (var community in areas.Where(a => a.Level == AreaLevel.Community))
        {
            if (community.ParentId is not { } streetId || !stationOfStreet.TryGetValue(streetId, out var station))
            {
                continue;
            }
            var built = CommunityTeam(community, station, postsByUnit[station.Id].ToList(), postsByArea[community.Id].ToList(), communityTeams.Count);
            communityTeams[community.Id] = built;
        }

        // Volunteer patrol teams in the article's places.
        var volunteerTeams = new List<Built>();
        foreach (var spec in VolunteerTeams)
        {
            var area = Place(areas, spec);
            var streetId = area is null ? null : area.Level == AreaLevel.Township ? area.Id : area.ParentId;
            if (area is null || streetId is null || !stationOfStreet.TryGetValue(streetId.Value, out var station))
            {
                continue;
            }
            var officer = posts.Find(p => p.Name == spec.Officer && p.Role == PostRole.CommunityPolice);
            volunteerTeams.Add(VolunteerTeam(spec, area, station, officer, names, rng, today, spec.WithDemoVolunteer ? volunteerId : null));
        }

        var tracker = db.ChangeTracker;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Teams.AddRange(communityTeams.Values.Select(b => b.Team));
            db.Teams.AddRange(volunteerTeams.Select(b => b.Team));
            tracker.DetectChanges();
            await db.SaveChangesAsync(ct);

            // Patrols, then tips (their codes come from the counter, which saves on its own), outreach and meetings.
            var patrolled = communityTeams.Values
                .Where(b => b.Team.AreaPath.StartsWith(StreetPath(areas, VolunteerStreetCode), StringComparison.Ordinal)
                    || volunteerTeams.Exists(v => v.Team.AreaPath == b.Team.AreaPath))
                .ToList();
            db.PatrolLogs.AddRange(Patrols(volunteerTeams, patrolled, clock, rng, today, volunteerId));
            tracker.DetectChanges();
            await db.SaveChangesAsync(ct);

            var tips = await TipsAsync(db, protector, clock, rng, names, volunteerTeams, stations, today, now, volunteerId, ct);
            db.Tips.AddRange(tips);
            db.OutreachActivities.AddRange(Outreach(areas, streets, stationOfStreet, postsByUnit, rng, today));
            foreach (var (code, name) in MeetingCommunities)
            {
                var community = code is not null ? areas.Find(a => a.Code == code) : areas.Find(a => a.NameZh == name && a.Level == AreaLevel.Community);
                if (community is not null && communityTeams.TryGetValue(community.Id, out var team))
                {
                    db.Meetings.AddRange(Meetings(community, team, postsByArea[community.Id].ToList(), names, rng, today));
                }
            }
            tracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>王淑芬's resident account. Made here when DemoAccounts has not already made it; either way it gets her name and phone.</summary>
    private static async Task<string> VolunteerAccountAsync(UserManager<AppUser> users)
    {
        var user = await users.FindByNameAsync(VolunteerUserName);
        IdentityResult result;
        if (user is null)
        {
            user = new AppUser { UserName = VolunteerUserName, DisplayName = VolunteerName, PhoneNumber = VolunteerPhone, EmailConfirmed = true };
            result = await users.CreateAsync(user, DemoAccounts.Password);
        }
        else
        {
            user.DisplayName ??= VolunteerName;
            user.PhoneNumber ??= VolunteerPhone;
            result = await users.UpdateAsync(user);
        }
        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Resident))
        {
            result = await users.AddToRoleAsync(user, Roles.Resident);
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create demo account " + VolunteerUserName + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return user.Id;
    }

    /// <summary>A volunteer team's area: by code, by community name, or the first community of a named street.</summary>
    private static DemoArea? Place(List<DemoArea> areas, VolunteerSpec spec)
    {
        if (spec.AreaCode is not null)
        {
            return areas.Find(a => a.Code == spec.AreaCode);
        }
        if (spec.StreetOf is not null)
        {
            var street = areas.Find(a => a.NameZh == spec.StreetOf && a.Level == AreaLevel.Township);
            return street is null ? null : areas.Where(a => a.ParentId == street.Id).MinBy(a => a.Code, StringComparer.Ordinal);
        }
        return areas.Find(a => a.NameZh == spec.AreaName && a.Level == AreaLevel.Community);
    }

    private static string StreetPath(List<DemoArea> areas, string code) => areas.Find(a => a.Code == code)?.Path ?? AppDb.NoArea;

    private static Built CommunityTeam(DemoArea community, DemoStation station, List<DemoPost> stationPosts, List<DemoPost> communityPosts, int index)
    {
        var team = new Team
        {
            Name = community.NameZh + "警务团队",
            Kind = TeamKind.CommunityPolice,
            Description = CommunityTeamDescription,
            AreaId = community.Id,
            AreaPath = community.Path,
            StationUnitId = station.Id,
        };
        var seen = new HashSet<int>();
        void Add(DemoPost post, MemberRole role)
        {
            if (seen.Add(post.PersonId))
            {
                team.Members.Add(new TeamMember
                {
                    AreaPath = community.Path, Name = post.Name, Role = role, PersonId = post.PersonId,
                    JoinedOn = post.StartDate > TeamsFounded ? post.StartDate : TeamsFounded, Active = true,
                });
            }
        }
        var officers = stationPosts.Where(p => p.Role == PostRole.CommunityPolice && p.Title is not null && p.Title.Split('、').Contains(community.NameZh)).ToList();
        officers.ForEach(p => Add(p, MemberRole.Officer));
        var auxiliaries = stationPosts.Where(p => p.Role == PostRole.AuxiliaryPolice).ToList();
        if (auxiliaries.Count > 0)
        {
            Add(auxiliaries[index % auxiliaries.Count], MemberRole.AuxiliaryPolice);
        }
        communityPosts.Where(p => p.Role == PostRole.CommunitySecretary).ToList().ForEach(p => Add(p, MemberRole.CommunityCadre));
        communityPosts.Where(p => p.Role == PostRole.GridOfficer).ToList().ForEach(p => Add(p, MemberRole.GridOfficer));
        var lead = officers.Count > 0 ? officers[0] : null;
        return new Built(team, lead?.Name ?? "");
    }

    private static Built VolunteerTeam(VolunteerSpec spec, DemoArea area, DemoStation station, DemoPost? officer, DemoNames names, Random rng, DateOnly today, string? volunteerId)
    {
        var team = new Team
        {
            Name = spec.Name,
            Kind = TeamKind.VolunteerPatrol,
            Description = spec.Description,
            AreaId = area.Id,
            AreaPath = area.Path,
            StationUnitId = station.Id,
        };
        var built = new Built(team, officer?.Name ?? "");
        if (officer is not null)
        {
            team.Members.Add(new TeamMember
            {
                AreaPath = area.Path, Name = officer.Name, Role = MemberRole.Officer, PersonId = officer.PersonId,
                JoinedOn = today.AddDays(-rng.Next(400, 540)), Active = true,
            });
        }
        if (volunteerId is not null)
        {
            var wang = new TeamMember
            {
                AreaPath = area.Path, Name = VolunteerName, Role = MemberRole.BuildingLeader, UserId = volunteerId,
                JoinedOn = today.AddDays(-rng.Next(200, 380)), Active = true,
            };
            team.Members.Add(wang);
            built.Volunteers.Add(wang);
        }
        foreach (var (role, count) in VolunteerMix)
        {
            for (var i = 0; i < count; i++)
            {
                var member = new TeamMember
                {
                    AreaPath = area.Path, Name = names.Next().Zh, Role = role,
                    JoinedOn = today.AddDays(-rng.Next(20, 520)), Active = true,
                };
                team.Members.Add(member);
                built.Volunteers.Add(member);
            }
        }
        // Someone moved away: still on the list, no longer active.
        var leaver = built.Volunteers[^1];
        if (rng.Next(3) == 0)
        {
            leaver.Active = false;
            built.Volunteers.Remove(leaver);
        }
        return built;
    }
}
