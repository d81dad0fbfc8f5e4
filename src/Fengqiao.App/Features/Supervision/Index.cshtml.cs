using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Supervision;

/// <summary>Supervision notices: those addressed to my levels to act on, and those about cases in my area.</summary>
public sealed class IndexModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool? Open { get; set; } = true;
    [BindProperty(SupportsGet = true)] public bool? Mine { get; set; } = true;
    [BindProperty(SupportsGet = true)] public AreaLevel? Level { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<NoticeDto> Notices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Notices = await SupervisionEndpoints.Project(SupervisionEndpoints.Filter(db, Open, Mine, Level)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken ct) =>
        await SupervisionEndpoints.AcknowledgeAsync(db, clock, id, ct) ? Redirect(Request.Path + Request.QueryString) : NotFound();
}
