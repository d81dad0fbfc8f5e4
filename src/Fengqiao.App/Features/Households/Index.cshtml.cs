namespace Fengqiao.Features.Households;

/// <summary>The households of the caller's area: search by address, code, name, or an exact ID or mobile number.</summary>
public sealed class IndexModel(AppDb db, FieldProtector protector) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public HouseholdTags? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<HouseholdRow> Households { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Households = await HouseholdQueries.Rows(HouseholdQueries.Filter(db, protector, Area, Tag, Q, Sort)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);

    /// <summary>
    /// The search box posts, so that an ID or mobile number typed into it never lands in an address
    /// bar, history or log; any other search goes back to an ordinary address that can be paged and shared.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var q = Q?.Trim() ?? "";
        if (ChineseIdNumber.Check(q, out _) != IdNumberProblem.None && !ChineseMobile.IsValid(q))
        {
            return RedirectToPage(new { area = Area, tag = Tag, q = Q, sort = Sort });
        }
        await OnGetAsync(ct);
        return Page();
    }
}
