namespace Fengqiao.Features.Demands;

/// <summary>The station's demands: counts per state, overdue referrals first to the eye, filters, search and paging.</summary>
public sealed class IndexModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DemandStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DemandCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<DemandDto> Demands { get; private set; } = null!;
    public DemandCounts Counts { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Counts = await DemandQueries.CountsAsync(db, Area, today, ct);
        Demands = await DemandQueries.ToDto(DemandQueries.Filter(db, new DemandFilter(Status, Category, Overdue, Area, Q), today))
            .ToPageAsync(PageNumber, Paging.DefaultSize, ct);
    }
}

/// <summary>One colour per state, the same on every page.</summary>
public static class DemandBadges
{
    public static string For(DemandStatus status) => status switch
    {
        DemandStatus.Open => "text-bg-warning",
        DemandStatus.Referred => "text-bg-primary",
        DemandStatus.Answered => "text-bg-info",
        _ => "text-bg-success",
    };

    /// <summary>"★★★★☆" for 4.</summary>
    public static string Stars(int satisfaction) =>
        new string('★', Math.Clamp(satisfaction, 0, 5)) + new string('☆', 5 - Math.Clamp(satisfaction, 0, 5));
}
