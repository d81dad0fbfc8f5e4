using Fengqiao.Features.Dangers;
using Fengqiao.Features.Supervision;

namespace Fengqiao.Features.Disputes;

public sealed record DisputeListItem(
    int Id, string Code, string Title, DisputeStatus Status, RiskColour Risk, string Category, DisputeSource Source,
    DateOnly RegisteredOn, DueKind? DueKind, DateOnly? DueDate, string? StationNameZh, string? StationNameEn,
    string? OfficerNameZh, string? OfficerNameEn, int Notices, long Version);

public sealed record PartyDto(int Id, PartyRole Role, string Name, string? Address, int? ResidentId);

public sealed record HandlerDto(int PersonId, string NameZh, string NameEn, HandlerRole Role);

public sealed record SessionDto(int Id, DateTimeOffset HeldAt, string Place, string Mediators, string? Attendees, string? Minutes, SessionOutcome Outcome);

public sealed record AgreementDto(int Id, string Terms, DateOnly? PerformBy, string SignedBy, DateOnly SignedOn, DateOnly JudicialConfirmationBy, bool JudicialConfirmationRequested);

public sealed record FollowUpDto(int Id, DateOnly VisitedOn, bool AgreementKept, string? NewRisk, int Satisfaction, string? Notes);

public sealed record EventDto(long Id, DisputeEventType Type, DateTimeOffset At, DisputeStatus? FromStatus, DisputeStatus ToStatus, string? ActorName, string? Note, long CaseVersion)
    : ITimelineEvent<DisputeEventType>;

public sealed record DangerBrief(int Id, string Code, DangerKind Kind, DangerStatus Status, DateOnly RectifyBy);

public sealed record NoticeBrief(long Id, string AreaPath, Fengqiao.Features.Areas.AreaLevel Level, DateOnly DueDate, int WorkingDaysOverdue, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt);

public sealed record DisputeDetail(
    DisputeListItem Case, string Summary, int PeopleInvolved, string? Address, double? Lat, double? Lng, string AreaCode, string AreaNameZh, string AreaNameEn,
    int? ResponsibleOfficerId, string? SuspensionReason, ReferralTarget? ReferredTo, string? ReferredBody, string? ReferralAnswer, string? Outcome,
    int? LinkedToId, int? MergedIntoId,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<HandlerDto> Handlers, IReadOnlyList<SessionDto> Sessions, IReadOnlyList<AgreementDto> Agreements,
    IReadOnlyList<FollowUpDto> FollowUps, IReadOnlyList<EventDto> Timeline, int TimelineTotal, IReadOnlyList<DangerBrief> Dangers, IReadOnlyList<NoticeBrief> Notices,
    IReadOnlyList<DisputeAction> AllowedActions);

public sealed record CountRow(string Key, int Registered, int Resolved);

public sealed record DisputeStats(
    string AreaCode, DateOnly From, DateOnly To, int Registered, int Resolved, double? ResolutionRate, int Overdue,
    IReadOnlyList<CountRow> ByCategory, IReadOnlyList<CountRow> ByRisk, IReadOnlyList<CountRow> BySource, IReadOnlyList<CountRow> ByChildArea);

internal static class NoticeProjection
{
    public static NoticeBrief ToBrief(this SupervisionNotice n) => new(n.Id, n.AreaPath, n.Level, n.DueDate, n.WorkingDaysOverdue, n.RaisedAt, n.AcknowledgedAt);
}
