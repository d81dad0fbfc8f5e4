using Fengqiao.Features.Areas;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Households;

namespace Fengqiao.Features.Visits;

/// <summary>A new campaign. <see cref="AreaCodes"/> are the areas it covers; none means the whole area that runs it.</summary>
public sealed record CampaignInput(
    string? Name, string? Description, DateOnly? StartsOn, DateOnly? EndsOn, string? AreaCode, List<string>? AreaCodes, HouseholdTags? TargetTags);

/// <summary>An area a campaign covers. The names are null when the area lies above the caller's jurisdiction.</summary>
public sealed record CampaignAreaDto(int AreaId, string Code, string? NameZh, string? NameEn, AreaLevel? Level);

/// <summary>
/// A campaign with its totals as the caller sees them. The names of the area that runs it are null
/// when that area lies above the caller's jurisdiction (a province-wide campaign seen by a station).
/// </summary>
public sealed record CampaignDto(
    int Id, string Name, string? Description, DateOnly StartsOn, DateOnly EndsOn, string AreaCode, string? AreaNameZh, string? AreaNameEn,
    HouseholdTags TargetTags, IReadOnlyList<CampaignAreaDto> Areas, int Targets, int Visited, long Version, CampaignResultsDto Results)
{
    public double Rate => CoverageMath.Rate(Visited, Targets);
}

public sealed record CampaignListItem(
    int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, string AreaCode, string? AreaNameZh, string? AreaNameEn,
    HouseholdTags TargetTags, int Targets, int Visited)
{
    public double Rate => CoverageMath.Rate(Visited, Targets);
}

/// <summary>Which households of a campaign a list shows.</summary>
public enum TargetShow
{
    NotVisited = 1,
    Visited = 2,
    All = 3,
}

/// <summary>Where a campaign is in its dates.</summary>
public enum CampaignPhase
{
    Current = 1,
    Upcoming = 2,
    Finished = 3,
}

/// <summary>One grid (or community, for households registered there) of a campaign: target and visited households.</summary>
public sealed record GridCoverage(string Code, string NameZh, string NameEn, string? ParentNameZh, string? ParentNameEn, int Targets, int Visited)
{
    public int NotVisited => Targets - Visited;
    public double Rate => CoverageMath.Rate(Visited, Targets);
}

/// <summary>
/// One officer of a campaign: the target households in the areas of their posts (null when they
/// hold no post there), the distinct target households they visited, and their visits.
/// </summary>
public sealed record OfficerCoverage(int PersonId, string? NameZh, string? NameEn, int? Targets, int Visited, int Visits)
{
    public double Rate => Targets is > 0 ? CoverageMath.Rate(Visited, Targets.Value) : 0;
}

public sealed record CoverageDto(int CampaignId, int Targets, int Visited, IReadOnlyList<GridCoverage> Grids, IReadOnlyList<OfficerCoverage> Officers)
{
    public double Rate => CoverageMath.Rate(Visited, Targets);
}

/// <summary>A target household of a campaign, with its last visit in the campaign (UTC) if any.</summary>
public sealed record TargetHouseholdDto(
    int Id, string Code, string Address, string AreaCode, string AreaNameZh, string AreaNameEn, HouseholdTags Tags, int MemberCount, DateTime? LastVisitedAt);

/// <summary>The optional demand the resident raised during the visit. A blank description takes the visit's notes.</summary>
public sealed record VisitDemandInput(DemandCategory? Category, string? Description);

/// <summary>
/// A visit to log. The officer is the signed-in person; the time defaults to now; the campaign
/// defaults to the active campaign whose targets include the household.
/// </summary>
public sealed record VisitInput(
    int? HouseholdId, int? CampaignId, DateTimeOffset? VisitedAt, string? CompanionName, string? Notes, bool? AntiFraudGiven, VisitDemandInput? Demand,
    Guid? ClientId = null);

/// <summary>What a visit produced, by the codes of the case and the danger (blank clears the link).</summary>
public sealed record VisitLinksInput(string? DisputeCode, string? DangerCode, long? Version);

public sealed record VisitDto(
    int Id, int HouseholdId, string HouseholdCode, string HouseholdAddress, string AreaCode, string AreaNameZh, string AreaNameEn,
    int? CampaignId, string? CampaignName, DateTime VisitedAt, int OfficerId, string? OfficerNameZh, string? OfficerNameEn,
    string? CompanionName, string Notes, bool AntiFraudGiven, int? DemandId, int? DisputeId, int? DangerId, long Version);

public static class CoverageMath
{
    /// <summary>Share of the targets visited, 0–1 (0 when there are no targets).</summary>
    public static double Rate(int visited, int targets) => targets <= 0 ? 0 : Math.Min(1.0, (double)visited / targets);
}
