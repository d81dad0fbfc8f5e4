namespace Fengqiao.Features.Teams;

public sealed record TeamInput(string? Name, TeamKind? Kind, string? AreaCode, string? Description);

/// <summary>A new member: staff by their person id, a volunteer by the user name of their resident account (optional).</summary>
public sealed record MemberInput(string? Name, MemberRole? Role, int? PersonId, string? ResidentUserName, DateOnly? JoinedOn);

public sealed record PatrolInput(int? TeamId, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Route, string? Observations, int? Participants,
    Guid? ClientId = null);

/// <summary>A tip recorded by staff (a call to the station, a word on the street): for a team, or straight to a station.</summary>
public sealed record TipInput(int? TeamId, int? StationUnitId, string? Text, string? TipsterName, string? TipsterPhone);

/// <summary>A tip from a volunteer through the portal: their name and phone are the tipster's.</summary>
public sealed record VolunteerTipInput(int? TeamId, string? Text, string? Phone, Guid? ClientId = null);

public sealed record TipVersionInput(long? Version);

public sealed record HandleTipInput(string? Note, long? Version);

public sealed record RevealInput(string? Reason);

public sealed record OutreachInput(OutreachKind? Kind, string? Title, string? Place, DateOnly? HeldOn, int? Audience, string? AreaCode, int? OfficerId);

public sealed record MeetingTaskInput(string? Description, string? OwnerName, DateOnly? DueOn);

public sealed record MeetingInput(
    string? AreaCode, DateOnly? HeldOn, string? PoliceAttendees, string? CommunityAttendees, string? Minutes, IReadOnlyList<MeetingTaskInput>? Tasks);

public sealed record TaskDoneInput(DateOnly? DoneOn, long? Version);

public sealed record TeamDto(
    int Id, string Name, TeamKind Kind, string? Description, string AreaCode, string AreaNameZh, string AreaNameEn,
    int StationUnitId, string? StationNameZh, string? StationNameEn, int MemberCount, long Version);

public sealed record MemberDto(int Id, int TeamId, string Name, MemberRole Role, int? PersonId, bool HasAccount, DateOnly JoinedOn, bool Active);

public sealed record TeamDetailDto(TeamDto Team, IReadOnlyList<MemberDto> Members);

/// <summary>How many teams of each kind serve an area, and how many people are in them.</summary>
public sealed record TeamCountsDto(int CommunityPolice, int VolunteerPatrol, int ActiveMembers, int Volunteers);

public sealed record PatrolDto(
    int Id, int TeamId, string TeamName, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Route, string? Observations,
    int Participants, string LoggedByName)
{
    public int Minutes => (int)Math.Round((EndedAt - StartedAt).TotalMinutes);
}

/// <summary>
/// A tip as a caller may see it. <see cref="TipsterVisible"/> is false, and the tipster fields are
/// empty, for everyone but the receiving station (<see cref="TipPrivacy"/>).
/// </summary>
public sealed record TipDto(
    int Id, string Code, int StationUnitId, string StationNameZh, string StationNameEn, string StationAreaPath, int? TeamId, string? TeamName,
    string Text, DateTimeOffset ReceivedAt, TipStatus Status, DateTimeOffset? AcknowledgedAt, DateTimeOffset? HandledAt, string? HandledNote,
    bool TipsterVisible, string? TipsterName, string? TipsterPhoneMasked, long Version);

public sealed record RevealedPhoneDto(string? Phone);

public sealed record OutreachDto(
    int Id, OutreachKind Kind, string Title, string Place, DateOnly HeldOn, int Audience, string AreaCode, string AreaNameZh, string AreaNameEn,
    int? OfficerId, string? OfficerNameZh, string? OfficerNameEn);

public sealed record OutreachKindCount(OutreachKind Kind, int Activities, int Audience);

public sealed record OutreachSummaryDto(int Activities, int Audience, IReadOnlyList<OutreachKindCount> ByKind);

public sealed record MeetingDto(
    int Id, string AreaCode, string AreaNameZh, string AreaNameEn, DateOnly HeldOn, string PoliceAttendees, string CommunityAttendees,
    string Minutes, int Tasks, int OpenTasks, int OverdueTasks, long Version);

public sealed record MeetingTaskDto(int Id, int MeetingId, string Description, string OwnerName, DateOnly DueOn, DateOnly? DoneOn, long Version);

public sealed record MeetingDetailDto(MeetingDto Meeting, IReadOnlyList<MeetingTaskDto> Tasks);

/// <summary>A team the signed-in volunteer belongs to, and the station their tips go to.</summary>
public sealed record VolunteerTeamDto(
    int TeamId, string TeamName, TeamKind Kind, MemberRole Role, string MemberName, string AreaNameZh, string AreaNameEn, string? StationNameZh, string? StationNameEn);

/// <summary>A tip the volunteer sent, as they follow it (no one else's details).</summary>
public sealed record VolunteerTipDto(int Id, string Code, string? TeamName, string Text, DateTimeOffset ReceivedAt, TipStatus Status);

