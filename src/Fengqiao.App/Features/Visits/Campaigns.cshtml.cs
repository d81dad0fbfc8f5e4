namespace Fengqiao.Features.Visits;

/// <summary>The home-visit campaigns the reader's areas take part in, with how far each has got.</summary>
public sealed class CampaignsModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CampaignPhase? Phase { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<CampaignListItem> Campaigns { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct) =>
        Campaigns = await CampaignQueries.ListAsync(db, Q, Phase, clock.Today, PageNumber, Paging.DefaultSize, ct);
}
