namespace Fengqiao.Features.PublicServices;

/// <summary>
/// The one-window services of the viewer's jurisdiction: this year's headline numbers for their
/// top area, and the outlets (station windows, hospital police offices, self-service points), each
/// opening its clerk's desk.
/// </summary>
public sealed class IndexModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OutletKind? Kind { get; set; }
    // "page" is Razor Pages' own route value: the list's page number is read from the query string only.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<OutletDto> Outlets { get; private set; } = null!;
    public ServiceNumbers Numbers { get; private set; } = null!;
    public ServiceArea? TopArea { get; private set; }
    public int OpenRectifications { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Outlets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.LikeContains(Q);
            query = query.Where(o => EF.Functions.Like(o.NameZh, like, "\\") || EF.Functions.Like(o.NameEn, like, "\\")
                || (o.Address != null && EF.Functions.Like(o.Address, like, "\\")));
        }
        if (Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }
        Outlets = await query.OrderBy(o => o.AreaPath).ThenBy(o => o.Id).ToDto().ToPageAsync(PageNumber, Paging.DefaultSize, ct);

        var today = clock.Today;
        TopArea = await StatsModel.TopAreaAsync(db, ct);
        // Without an area (no post yet) the query filters still confine the numbers to the jurisdiction.
        Numbers = await ServiceStats.ComputeAsync(db, TopArea?.Path ?? "/", new DateOnly(today.Year, 1, 1), today, today, ct);
        OpenRectifications = await db.Rectifications.CountAsync(r => r.Status != RectificationStatus.Closed, ct);
    }
}
