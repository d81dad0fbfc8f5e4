using Fengqiao.Features.Demands;
using Fengqiao.Features.Households;

namespace Fengqiao.Features.Visits;

/// <summary>
/// The visit form, made for a phone on a bike: find the household (address, code, a member's
/// name, or a full ID or mobile number), then who came along, the notes, whether anti-fraud advice
/// was given, and — when the resident raised one — the demand, saved together with the visit.
/// </summary>
public sealed class NewModel(AppDb db, ChecksFactory checks, LocalClock clock, FieldProtector protector, IStringLocalizer<SharedResource> l) : PageModel
{
    private const int MaxMatches = 20;
    private const int EarlierVisits = 3;

    public sealed class InputModel
    {
        public string? CompanionName { get; set; }
        /// <summary>Local wall-clock time; empty means now.</summary>
        public DateTime? VisitedAt { get; set; }
        public string? Notes { get; set; }
        public bool AntiFraudGiven { get; set; }
        public bool RaisedDemand { get; set; }
        public DemandCategory? DemandCategory { get; set; }
        public string? DemandDescription { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Household { get; set; }
    [BindProperty(SupportsGet = true)] public int? Campaign { get; set; }
    [BindProperty(SupportsGet = true)] public string? Find { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>Made on the device (js/drafts.js): the visit is saved once however often the form is sent.</summary>
    [BindProperty] public Guid? ClientId { get; set; }
    [TempData] public string? Message { get; set; }

    public HouseholdRow? Chosen { get; private set; }
    /// <summary>The campaign the visit will count towards, if any.</summary>
    public string? CampaignName { get; private set; }
    public IReadOnlyList<HouseholdRow> Matches { get; private set; } = [];
    public IReadOnlyList<VisitDto> Earlier { get; private set; } = [];

    /// <summary>The household search posts, so that an ID or mobile number typed into it stays out of addresses and logs.</summary>
    public Task<IActionResult> OnPostFindAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = clock.ToLocal(clock.Now).DateTime;
        Input.VisitedAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var input = new VisitInput(
            Household, Campaign, Input.VisitedAt is { } at ? clock.FromLocal(at) : (DateTimeOffset?)null,
            Input.CompanionName, Input.Notes, Input.AntiFraudGiven,
            Input.RaisedDemand ? new VisitDemandInput(Input.DemandCategory, Input.DemandDescription) : null, ClientId);
        var visit = await VisitCommands.LogAsync(db, c, clock, input, ct);
        if (visit is not null)
        {
            Message = visit.DemandId is null ? l["The visit is saved."] : l["The visit and the resident's demand are saved."];
            return Redirect($"/visits/{visit.Id}");
        }
        foreach (var (field, messages) in c.Errors)
        {
            var key = FieldOf(field);
            messages.ForEach(m => ModelState.AddModelError(key, m));
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>The search link for a household found by the search, keeping the campaign the officer came from.</summary>
    public string ChooseUrl(int householdId) =>
        Campaign is null ? $"/visits/new?household={householdId}" : $"/visits/new?household={householdId}&campaign={Campaign}";

    public string Local(DateTime utc) => VisitView.Local(clock, utc);

    private static string FieldOf(string field) => field switch
    {
        "notes" => "Input.Notes",
        "companionName" => "Input.CompanionName",
        "visitedAt" => "Input.VisitedAt",
        "demand.category" or "category" => "Input.DemandCategory",
        "demand.description" or "description" => "Input.DemandDescription",
        _ => "",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // Household data: never kept in a shared cache.
        Response.Headers.CacheControl = "no-store";
        if (Household is { } id)
        {
            Chosen = await HouseholdQueries.Rows(db.Households.AsNoTracking().Where(h => h.Id == id)).FirstOrDefaultAsync(ct);
            if (Chosen is null)
            {
                return false;
            }
            var target = await db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => new { h.AreaPath, h.Tags }).FirstAsync(ct);
            CampaignName = Campaign is { } campaignId
                ? await db.Campaigns.AsNoTracking().Where(x => x.Id == campaignId).Select(x => x.Name).FirstOrDefaultAsync(ct)
                : await CampaignCoverage.ActiveFor(db, target.AreaPath, target.Tags, clock.Today).Select(x => x.Name).FirstOrDefaultAsync(ct);
            Earlier = await VisitQueries.Project(db, VisitQueries.Filter(db, null, null, null, null, id)).Take(EarlierVisits).ToListAsync(ct);
        }
        else if (!string.IsNullOrWhiteSpace(Find))
        {
            Matches = await HouseholdQueries.Rows(HouseholdQueries.Filter(db, protector, null, null, Find, null)).Take(MaxMatches).ToListAsync(ct);
        }
        return true;
    }
}
