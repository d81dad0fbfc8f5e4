using Fengqiao.Features.People;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Teams;

/// <summary>Teams and their members, and the patrols they log — shared by the API, the staff pages and the volunteer's portal.</summary>
public static class TeamCommands
{
    public const int MaxParticipants = 500;
    public static readonly TimeSpan LongestPatrol = TimeSpan.FromHours(24);

    public static async Task<Team?> CreateAsync(AppDb db, Checks c, TeamInput i, CancellationToken ct)
    {
        c.Required("name", i.Name, 100).Optional("description", i.Description, 500)
            .When(i.Kind is null || !Enum.IsDefined(i.Kind.Value), "kind", "Choose the kind of team.");
        var code = i.AreaCode?.Trim();
        var area = string.IsNullOrEmpty(code) ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        c.When(area is null || area.Level is not (AreaLevel.Township or AreaLevel.Community), "areaCode", "Give the community or street the team serves.");
        var station = area is null ? null : await StationForAsync(db, area.Path, ct);
        c.When(area is not null && station is null, "areaCode", "There is no police station for this area in your jurisdiction.");
        if (!c.Ok)
        {
            return null;
        }
        var team = new Team
        {
            Name = i.Name!.Trim(), Kind = i.Kind!.Value, Description = string.IsNullOrWhiteSpace(i.Description) ? null : i.Description.Trim(),
            AreaId = area!.Id, AreaPath = area.Path, StationUnitId = station!.Id,
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return team;
    }

    /// <summary>
    /// The station that receives a team's tips: the police station (or border police station) whose
    /// area is the nearest one containing <paramref name="areaPath"/>, among the stations the caller can see.
    /// </summary>
    public static async Task<Unit?> StationForAsync(AppDb db, string areaPath, CancellationToken ct)
    {
        var prefixes = PathRange.Ancestors(areaPath);
        var stations = await db.Units.AsNoTracking()
            .Where(u => (u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation) && prefixes.Contains(u.AreaPath))
            .ToListAsync(ct);
        return stations.OrderByDescending(u => u.AreaPath.Length).ThenBy(u => u.Id).FirstOrDefault();
    }

    public static async Task<(ChangeOutcome Outcome, TeamMember? Member)> AddMemberAsync(
        AppDb db, Checks c, UserManager<AppUser> users, LocalClock clock, int teamId, MemberInput i, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return (ChangeOutcome.NotFound, null);
        }
        var person = i.PersonId is null ? null : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == i.PersonId, ct);
        c.When(i.PersonId is not null && person is null, "personId", "There is no such person in your jurisdiction.");
        var name = string.IsNullOrWhiteSpace(i.Name) ? person?.NameZh : i.Name.Trim();
        c.Required("name", name, 50)
            .When(i.Role is null || !Enum.IsDefined(i.Role.Value), "role", "Choose the member's role.")
            .When(i.JoinedOn > clock.Today, "joinedOn", "A member cannot join in the future.");
        string? userId = null;
        if (!string.IsNullOrWhiteSpace(i.ResidentUserName))
        {
            var account = await users.FindByNameAsync(i.ResidentUserName.Trim());
            if (account is null || !await users.IsInRoleAsync(account, Roles.Resident))
            {
                c.Add("residentUserName", "There is no resident account with this user name.");
            }
            else
            {
                userId = account.Id;
                var already = await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId && m.Active, ct);
                c.When(already, "residentUserName", "This resident is already a member of the team.");
            }
        }
        if (!c.Ok)
        {
            return (ChangeOutcome.Invalid, null);
        }
        var member = new TeamMember
        {
            TeamId = team.Id, AreaPath = team.AreaPath, Name = name!, Role = i.Role!.Value, PersonId = person?.Id, UserId = userId,
            JoinedOn = i.JoinedOn ?? clock.Today, Active = true,
        };
        db.TeamMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return (ChangeOutcome.Ok, member);
    }

    /// <summary>A member leaves the team; a volunteer's portal access to it ends with it.</summary>
    public static async Task<bool> RemoveMemberAsync(AppDb db, int teamId, int memberId, CancellationToken ct)
    {
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.TeamId == teamId, ct);
        if (member is null)
        {
            return false;
        }
        member.Active = false;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The rules of a patrol log, for staff and volunteers alike.</summary>
    public static void CheckPatrol(Checks c, LocalClock clock, PatrolInput i)
    {
        c.When(i.StartedAt is null, "startedAt", "This field is required.")
            .When(i.EndedAt is null, "endedAt", "This field is required.")
            .Required("route", i.Route, 500).Optional("observations", i.Observations, 2000)
            .When(i.Participants is null or < 1 or > MaxParticipants, "participants", "Give the number of people who took part (1 to {0}).", MaxParticipants);
        if (i.StartedAt is { } started && i.EndedAt is { } ended)
        {
            c.When(ended <= started, "endedAt", "The patrol must end after it starts.")
                .When(ended > clock.Now.AddMinutes(1), "endedAt", "A patrol cannot end in the future.")
                .When(ended - started > LongestPatrol, "endedAt", "A patrol lasts at most 24 hours.");
        }
    }

    /// <summary>A staff member logs a patrol for a team in their jurisdiction.</summary>
    public static async Task<(ChangeOutcome Outcome, PatrolLog? Log)> LogPatrolAsync(AppDb db, Checks c, LocalClock clock, PatrolInput i, CancellationToken ct)
    {
        var team = i.TeamId is null ? null : await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == i.TeamId, ct);
        c.When(team is null, "teamId", "Choose a team in your jurisdiction.");
        CheckPatrol(c, clock, i);
        if (!c.Ok)
        {
            return (ChangeOutcome.Invalid, null);
        }
        var me = db.Jurisdiction.PersonId;
        var name = me is null ? null : await db.People.AsNoTracking().Where(p => p.Id == me).Select(p => p.NameZh).FirstOrDefaultAsync(ct);
        var log = NewPatrol(team!.Id, team.AreaPath, i, null, name ?? db.Jurisdiction.UserName ?? "—");
        db.PatrolLogs.Add(log);
        await db.SaveChangesAsync(ct);
        return (ChangeOutcome.Ok, log);
    }

    internal static PatrolLog NewPatrol(int teamId, string areaPath, PatrolInput i, string? userId, string loggedBy) => new()
    {
        TeamId = teamId,
        AreaPath = areaPath,
        StartedAt = i.StartedAt!.Value.ToUniversalTime(),
        EndedAt = i.EndedAt!.Value.ToUniversalTime(),
        Route = i.Route!.Trim(),
        Observations = string.IsNullOrWhiteSpace(i.Observations) ? null : i.Observations.Trim(),
        Participants = i.Participants!.Value,
        LoggedByUserId = userId,
        LoggedByName = loggedBy.Length > 100 ? loggedBy[..100] : loggedBy,
    };
}
