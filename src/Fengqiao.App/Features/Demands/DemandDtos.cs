using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demands;

/// <summary>A new demand. The area is the household's when one is given, else a grid or community code.</summary>
public sealed record DemandInput(DemandCategory? Category, DemandSource? Source, string? Description, string? AreaCode, int? HouseholdId, int? VisitId);

/// <summary>Refer to a unit; without <c>DueOn</c> the answer is due in 10 working days.</summary>
public sealed record DemandReferInput(int? UnitId, DateOnly? DueOn, string? Note, long? Version);

public sealed record DemandAnswerInput(string? Answer, string? AnsweredByName, DateOnly? AnsweredOn, long? Version);

/// <summary>The unit's sign-off or return of the open referral: who signs, and why it is sent back.</summary>
public sealed record DemandReferralInput(string? Name, string? Reason, long? Version);

/// <summary>Close with the resident's satisfaction (1–5). From Open, the note says how it was answered on the spot.</summary>
public sealed record DemandCloseInput(int? Satisfaction, string? Note, long? Version);

public sealed record DemandLinkInput(int? ProjectId, long? Version);

/// <summary>A demand as lists show it. <c>ReferredTo*</c> is the latest referral's unit; <c>DueOn</c> the open referral's deadline.</summary>
public sealed record DemandDto(
    int Id, string Code, DemandCategory Category, DemandSource Source, string Description,
    string AreaCode, string AreaNameZh, string AreaNameEn, int? HouseholdId, string? HouseholdCode, string? HouseholdAddress,
    int? VisitId, int? ProjectId, string? ProjectName, DemandStatus Status, DateOnly RaisedOn, string? RaisedByZh, string? RaisedByEn,
    string? Answer, DateOnly? AnsweredOn, int? Satisfaction, DateOnly? ClosedOn, string? CloseNote,
    string? ReferredToZh, string? ReferredToEn, DateOnly? DueOn, long Version);

public sealed record DemandReferralDto(
    int Id, int UnitId, string UnitNameZh, string UnitNameEn, UnitKind UnitKind, DateOnly ReferredOn, DateOnly DueOn,
    string? ReferredByZh, string? ReferredByEn, string? Note, string? Answer, DateOnly? AnsweredOn, string? AnsweredByName, bool Overdue, long Version,
    bool AnsweredByUnit = false, DateOnly? AcceptedOn = null, string? AcceptedByName = null, DateOnly? ReturnedOn = null, string? ReturnReason = null,
    string? ReturnedByName = null);

/// <summary>The demand page: the demand, its referrals oldest first, and what may be done next.</summary>
public sealed record DemandDetail(DemandDto Demand, IReadOnlyList<DemandReferralDto> Referrals, IReadOnlyList<DemandAction> AllowedActions);

/// <summary>How many demands the caller can see in each state, and how many wait on an overdue referral.</summary>
public sealed record DemandCounts(int Open, int Referred, int Answered, int Closed, int Overdue)
{
    public (DemandStatus Status, int Count)[] ByStatus() =>
        [(DemandStatus.Open, Open), (DemandStatus.Referred, Referred), (DemandStatus.Answered, Answered), (DemandStatus.Closed, Closed)];
}

/// <summary>A unit a demand can be referred to.</summary>
public sealed record DemandUnitOption(int Id, string Code, string NameZh, string NameEn, UnitKind Kind);

public sealed record CommunityProjectInput(string? Name, string? Description, string? AreaCode, string? Sponsor, DateOnly? StartedOn);

public sealed record ProjectMemberInput(string? Name, string? Role, DateOnly? JoinedOn);

public sealed record ProjectOrderInput(DateOnly? OrderedOn, string? Customer, string? Item, int? Quantity, decimal? AmountYuan);

public sealed record CommunityProjectDto(
    int Id, string Name, string Description, string AreaCode, string AreaNameZh, string AreaNameEn, string Sponsor, DateOnly StartedOn,
    int MemberCount, int OrderCount, int DemandCount, long Version);

public sealed record ProjectMemberDto(int Id, string Name, string Role, DateOnly JoinedOn);

public sealed record ProjectOrderDto(int Id, DateOnly OrderedOn, string Customer, string Item, int Quantity, decimal AmountYuan);

public sealed record CommunityProjectDetail(
    CommunityProjectDto Project, IReadOnlyList<ProjectMemberDto> Members, IReadOnlyList<ProjectOrderDto> Orders,
    int TotalQuantity, decimal TotalYuan, IReadOnlyList<DemandDto> Demands);
