namespace Fengqiao.Features.Teams;

/// <summary>
/// Tips in the reader's jurisdiction. Those above the receiving station see that a tip exists and
/// how it went; the tipster's name and phone only appear for the receiving station.
/// </summary>
public sealed class TipsModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public TipStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<TipDto> Tips { get; private set; } = null!;
    public LocalClock Clock => clock;

    public async Task OnGetAsync(CancellationToken ct) =>
        Tips = await TeamQueries.TipPageAsync(db, TeamQueries.Tips(db, Status, Team, Area, Q), PageNumber, Paging.DefaultSize, ct);
}
