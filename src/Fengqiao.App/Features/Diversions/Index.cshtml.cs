using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Diversions;

/// <summary>The station's 110 diversions: the figures (each a link to the diversions behind it), filters, search, sort and paging.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DiversionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DiversionTiming? Timing { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<DiversionRow> Diversions { get; private set; } = null!;
    public DiversionFigureTable? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Figures = await DiversionFigures.ForAsync(db, Area, today, ct);
        Diversions = await DiversionQueries.ListAsync(db, new DiversionFilter(Status, Timing, Overdue, Area, Q, Sort), today, PageNumber, Paging.DefaultSize, ct);
    }

    /// <summary>The worklist behind one figure of one area.</summary>
    public static string Drill(string? area, string figure) =>
        "/diversions?" + (area is null ? "" : "area=" + Uri.EscapeDataString(area) + "&") + figure switch
        {
            "inTime" => "timing=InTime",
            "late" => "timing=Late",
            "returned" => "status=Returned",
            "overdue" => "overdue=true",
            _ => "",
        };

    public static string Badge(DiversionStatus status) => status switch
    {
        DiversionStatus.Diverted => "text-bg-primary",
        DiversionStatus.Accepted => "text-bg-info",
        DiversionStatus.Answered => "text-bg-success",
        DiversionStatus.Returned => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
