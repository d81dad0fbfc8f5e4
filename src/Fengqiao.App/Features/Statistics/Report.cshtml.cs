namespace Fengqiao.Features.Statistics;

/// <summary>The printable monthly report of an area: every figure for the month against the month before, and the child areas' article figures.</summary>
public sealed class ReportModel(StatisticsQueries queries, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    /// <summary>yyyy-MM; default the last full month.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public Dashboard Data { get; private set; } = null!;
    public DateOnly First { get; private set; }
    public bool BadMonth { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var fallback = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (Month is null || !DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year < 2000 || first > today)
        {
            BadMonth = Month is not null;
            first = fallback;
        }
        First = first;
        Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var last = first.AddMonths(1).AddDays(-1);
        var data = await queries.DashboardAsync(Area, new Period(first, last > today ? today : last), today, ct);
        if (data is null)
        {
            return NotFound();
        }
        Data = data;
        Area = data.Area.Code;
        return Page();
    }
}
