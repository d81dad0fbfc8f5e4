using Fengqiao.Features.Calendar;

namespace Fengqiao.Features.Disputes;

/// <summary>The worklists: mine, my station's, due soon, overdue, supervised — with filters, search, sorting and paging.</summary>
public sealed class IndexModel(AppDb db, LocalClock clock, CalendarService calendar, DisputeCategories categories) : PageModel
{
    [BindProperty(SupportsGet = true)] public DisputeListQuery Query { get; set; } = new();
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<DisputeListItem> Cases { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public DisputeCategories Categories => categories;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        var q = DisputeQueries.Filter(db, Query.ToFilter(), Today, calendar.Current.AddWorkingDays(Today, DisputeQueries.DueSoonWorkingDays));
        Cases = await DisputeQueries.PageAsync(db, q, PageNumber, Paging.DefaultSize, ct);
    }
}
