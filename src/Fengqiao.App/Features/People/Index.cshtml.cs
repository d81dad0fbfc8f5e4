namespace Fengqiao.Features.People;

public sealed class IndexModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public PersonKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<PersonDto> People { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        People = await PeopleEndpoints.Filter(db, Unit, Area, Kind, Q, Sort).ToDto().ToPageAsync(PageNumber, Paging.DefaultSize, ct);
}
