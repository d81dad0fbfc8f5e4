using Fengqiao.Features.Units;

namespace Fengqiao.Features.People;

public sealed record PostInput(int? UnitId, PostRole? Role, string? Title, bool PartTime, DateOnly? StartDate, DateOnly? EndDate, long? Version);

/// <summary>What makes a post valid: the unit can hold that role, dates run forward, and the person does not already hold it then.</summary>
public static class PostRules
{
    /// <summary>The kinds of unit in which a role exists. Roles not listed may be held anywhere.</summary>
    private static readonly Dictionary<PostRole, UnitKind[]> UnitsFor = new()
    {
        [PostRole.StationDirector] = [UnitKind.PoliceStation, UnitKind.BorderPoliceStation],
        [PostRole.CommunityPolice] = [UnitKind.PoliceStation, UnitKind.BorderPoliceStation],
        [PostRole.SecondedOfficer] = [UnitKind.PoliceStation, UnitKind.BorderPoliceStation],
        [PostRole.TownshipTeamMember] = [UnitKind.TownshipOffice],
        [PostRole.CommitteeMember] = [UnitKind.CommunityCommittee],
        [PostRole.CommitteeDeputyDirector] = [UnitKind.CommunityCommittee],
        [PostRole.CommunitySecretary] = [UnitKind.CommunityCommittee],
        [PostRole.GridOfficer] = [UnitKind.CommunityCommittee, UnitKind.TownshipOffice],
        [PostRole.AuxiliaryPolice] = [UnitKind.PoliceStation, UnitKind.BorderPoliceStation, UnitKind.HospitalPoliceOffice, UnitKind.CountyBranch],
    };

    /// <summary>Roles that only a sworn police officer can hold.</summary>
    private static readonly PostRole[] SwornRoles = [PostRole.StationDirector, PostRole.CommunityPolice, PostRole.PoliceOfficer];

    public static bool IsSworn(PostRole role) => SwornRoles.Contains(role);

    public static bool RoleFitsUnit(PostRole role, UnitKind kind) => !UnitsFor.TryGetValue(role, out var kinds) || kinds.Contains(kind);

    /// <summary>Checks the input and applies it to <paramref name="post"/>. Returns the unit on success.</summary>
    public static async Task<Unit?> ApplyAsync(AppDb db, Checks c, Person person, Post post, PostInput input, CancellationToken ct)
    {
        c.When(input.Role is null || !Enum.IsDefined(input.Role.Value), "role", "Choose a role.")
            .When(input.Role == PostRole.SecondedOfficer && post.SecondmentId is null, "role", "Seconded posts are made by recording a secondment.")
            .When(input.StartDate is null, "startDate", "This field is required.")
            .When(input.StartDate is not null && input.EndDate < input.StartDate, "endDate", "The end date cannot be before the start date.")
            .Optional("title", input.Title, 100);
        var unit = input.UnitId is null ? null : await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
        c.When(unit is null || !db.Jurisdiction.Covers(unit.AreaPath), "unitId", "Choose a unit in your jurisdiction.");
        if (unit is not null && input.Role is { } role)
        {
            c.When(!RoleFitsUnit(role, unit.Kind), "role", "A {0} post cannot be held in this kind of unit.", role)
                .When(SwornRoles.Contains(role) && person.Kind != PersonKind.PoliceOfficer, "role", "Only a police officer can hold this post.");
        }
        if (!c.Ok)
        {
            return null;
        }
        var start = input.StartDate!.Value;
        var overlapping = await db.Posts.IgnoreQueryFilters()
            .Where(p => p.PersonId == person.Id && p.UnitId == unit!.Id && p.Role == input.Role && p.Id != post.Id)
            .Select(p => new { p.StartDate, p.EndDate })
            .ToListAsync(ct);
        if (overlapping.Any(p => Post.Overlaps(p.StartDate, p.EndDate, start, input.EndDate)))
        {
            c.Add("startDate", "This person already holds this post in this unit during these dates.");
            return null;
        }
        post.PersonId = person.Id;
        post.UnitId = unit!.Id;
        post.AreaPath = unit.AreaPath;
        post.Role = input.Role!.Value;
        post.Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        post.PartTime = input.PartTime;
        post.StartDate = start;
        post.EndDate = input.EndDate;
        return unit;
    }
}
