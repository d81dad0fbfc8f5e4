using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;

namespace Fengqiao.Features.Visits;

/// <summary>Start a campaign: its name and dates, the area that runs it, the areas it covers and which households it targets.</summary>
public sealed class NewCampaignModel(AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A hundred days, like the "100-day home visit to ensure safety".</summary>
    private const int DefaultDays = 100;

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? AreaCode { get; set; }
        public List<string> AreaCodes { get; set; } = [];
        public List<HouseholdTags> Tags { get; set; } = [];
    }

    public sealed record Place(string Code, string Name, AreaLevel Level);

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Place> Owners { get; private set; } = [];
    public IReadOnlyList<Place> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.StartsOn = clock.Today;
        Input.EndsOn = clock.Today.AddDays(DefaultDays - 1);
        await LoadAsync(ct);
        Input.AreaCode = Owners.Count > 0 ? Owners[0].Code : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var input = new CampaignInput(Input.Name, Input.Description, Input.StartsOn, Input.EndsOn, Input.AreaCode, Input.AreaCodes,
            HouseholdView.Combine(Input.Tags));
        var campaign = await CampaignCommands.CreateAsync(db, c, input, ct);
        if (campaign is not null)
        {
            Message = l["The campaign is saved."];
            return Redirect($"/campaigns/{campaign.Id}");
        }
        foreach (var (field, messages) in c.Errors)
        {
            var key = field switch
            {
                "name" => "Input.Name",
                "description" => "Input.Description",
                "startsOn" => "Input.StartsOn",
                "endsOn" => "Input.EndsOn",
                "areaCode" => "Input.AreaCode",
                "areaCodes" => "Input.AreaCodes",
                "targetTags" => "Input.Tags",
                _ => "",
            };
            messages.ForEach(m => ModelState.AddModelError(key, m));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => a.Level <= AreaLevel.Grid).OrderBy(a => a.Path).Take(1200)
            .Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level }).ToListAsync(ct);
        Owners = [.. areas.Where(a => a.Level <= AreaLevel.Community).Take(500).Select(a => new Place(a.Code, LocalizationSetup.Pick(a.NameZh, a.NameEn), a.Level))];
        Places = [.. areas.Where(a => a.Level >= AreaLevel.Township).Take(800).Select(a => new Place(a.Code, LocalizationSetup.Pick(a.NameZh, a.NameEn), a.Level))];
    }
}
