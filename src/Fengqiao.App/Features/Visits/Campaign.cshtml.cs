namespace Fengqiao.Features.Visits;

/// <summary>
/// One campaign: coverage per grid and per officer (each number opens the households or visits
/// behind it) and the target households with a "Visit" button, not yet visited ones first.
/// </summary>
public sealed class CampaignModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public TargetShow? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public int? Officer { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [TempData] public string? Message { get; set; }

    public CampaignDto Campaign { get; private set; } = null!;
    public CoverageDto Coverage { get; private set; } = null!;
    public Page<TargetHouseholdDto> Households { get; private set; } = null!;
    public TargetShow Showing => Show ?? TargetShow.NotVisited;
    public DateOnly Today => clock.Today;
    public bool Active => Campaign.StartsOn <= Today && Today <= Campaign.EndsOn;
    public string? OfficerName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await CampaignCoverage.ScopeAsync(db, id, ct);
        var campaign = scope is null ? null : await CampaignQueries.GetAsync(db, id, ct);
        if (scope is null || campaign is null)
        {
            return NotFound();
        }
        Campaign = campaign;
        Coverage = await CampaignCoverage.CoverageAsync(db, scope, clock.Today, ct);
        string[]? officerPaths = null;
        if (Officer is not null)
        {
            officerPaths = [.. (await CampaignCoverage.FieldPostsAsync(db, scope.Paths, clock.Today, Officer, ct)).Select(p => p.AreaPath)];
            if (Coverage.Officers.FirstOrDefault(o => o.PersonId == Officer) is { NameZh: { } zh } row)
            {
                OfficerName = Infrastructure.Localization.LocalizationSetup.Pick(zh, row.NameEn ?? zh);
            }
        }
        Households = await CampaignCoverage.Households(db, scope, Showing, Area, officerPaths).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
        return Page();
    }

    /// <summary>This campaign's page with one list filter; the others are dropped so that the number and the list agree.</summary>
    public string ListUrl(TargetShow show, string? area = null, int? officer = null)
    {
        var query = new List<string> { "show=" + show };
        if (area is not null)
        {
            query.Add("area=" + Uri.EscapeDataString(area));
        }
        if (officer is not null)
        {
            query.Add("officer=" + officer.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return $"/campaigns/{Campaign.Id}?{string.Join('&', query)}#households";
    }

    /// <summary>The visit form for a household: counted towards this campaign while it runs.</summary>
    public string VisitUrl(int householdId) =>
        Active ? $"/visits/new?household={householdId}&campaign={Campaign.Id}" : $"/visits/new?household={householdId}";

    public string Local(DateTime utc) => VisitView.Local(clock, utc);
}
