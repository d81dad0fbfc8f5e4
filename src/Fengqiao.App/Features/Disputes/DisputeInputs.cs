namespace Fengqiao.Features.Disputes;

public sealed record PartyInput(PartyRole? Role, string? Name, string? Address, int? ResidentId);

public sealed record HandlerInput(int? PersonId, HandlerRole? Role);

public sealed record RegisterInput(
    string? Title, string? Summary, DisputeSource? Source, string? Category, RiskColour? Risk, int? PeopleInvolved,
    string? Address, double? Lat, double? Lng, string? AreaCode,
    IReadOnlyList<PartyInput>? Parties, int? ResponsibleOfficerId, IReadOnlyList<HandlerInput>? Handlers,
    int? LinkToId, int? MergeIntoId, Guid? ClientId = null);

public sealed record EditInput(string? Title, string? Summary, string? Category, RiskColour? Risk, int? PeopleInvolved, string? Address, long? Version);

public sealed record AssignInput(int? OfficerId, IReadOnlyList<HandlerInput>? Handlers, long? Version);

public sealed record SessionInput(
    DateTimeOffset? HeldAt, string? Place, string? Mediators, string? Attendees, string? Minutes, SessionOutcome? Outcome, long? Version);

public sealed record AgreementInput(string? Terms, DateOnly? PerformBy, string? SignedBy, DateOnly? SignedOn, long? Version);

public sealed record ReferInput(ReferralTarget? To, string? Body, string? Note, long? Version);

public sealed record ReferralAnswerInput(string? Answer, bool Resolved, long? Version);

public sealed record ReasonInput(string? Reason, long? Version);

public sealed record FollowUpInput(DateOnly? VisitedOn, bool AgreementKept, string? NewRisk, int? Satisfaction, string? Notes, long? Version);

public sealed record VersionInput(long? Version);
