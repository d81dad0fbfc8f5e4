namespace Fengqiao.Features.Units;

public sealed class IndexModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public UnitKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<UnitDto> Units { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Units = await UnitEndpoints.Project(db, UnitEndpoints.Filter(db, Area, Kind, Q, Sort)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
}
