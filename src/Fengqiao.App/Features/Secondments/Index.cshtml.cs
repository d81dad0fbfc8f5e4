namespace Fengqiao.Features.Secondments;

public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Active { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<SecondmentDto> Secondments { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Secondments = await SecondmentEndpoints.Project(SecondmentEndpoints.Filter(db, Unit, Active, Today, Q, Sort))
            .ToPageAsync(PageNumber, Paging.DefaultSize, ct);
    }
}
