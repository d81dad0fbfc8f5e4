namespace Fengqiao.Features.Dangers;

public sealed class IndexModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DangerStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Campaign { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<DangerDto> Dangers { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct) =>
        Dangers = await DangerEndpoints.Project(DangerEndpoints.Filter(db, Status, Overdue, Area, Q, clock.Today, Campaign)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
}
