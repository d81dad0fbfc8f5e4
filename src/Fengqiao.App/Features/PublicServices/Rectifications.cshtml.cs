namespace Fengqiao.Features.PublicServices;

/// <summary>A rectification with the outlet and the bad review that opened it.</summary>
public sealed record RectificationRow(RectificationDto Item, string OutletNameZh, string OutletNameEn, int Overall, string? Comment);

/// <summary>
/// Bad reviews being put right: the outlet records the measures taken (within 15 working days),
/// then follows up with the resident, which closes the rectification.
/// </summary>
public sealed class RectificationsModel(AppDb db, ServiceRecords records, ChecksFactory checks, LocalClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public RectificationStatus? Status { get; set; }
    // "page" is Razor Pages' own route value: the list's page number is read from the query string only.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<RectificationRow> Items { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    [TempData] public string? Message { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The outlet records what it did about the cause of the bad review.</summary>
    public Task<IActionResult> OnPostRectifyAsync(int id, string? note, long version, CancellationToken ct) =>
        ChangeAsync(id, "rectify", note, null, version, ct);

    /// <summary>The resident was contacted again: this closes the rectification.</summary>
    public Task<IActionResult> OnPostFollowUpAsync(int id, string? note, bool? satisfied, long version, CancellationToken ct) =>
        ChangeAsync(id, "follow-up", note, satisfied, version, ct);

    private async Task<IActionResult> ChangeAsync(int id, string action, string? note, bool? satisfied, long version, CancellationToken ct)
    {
        var c = checks.Create();
        switch (await records.RectifyAsync(c, id, action, note, satisfied, version, ct))
        {
            case ChangeOutcome.Ok:
                Message = l["Saved."];
                return Redirect(ListUrl());
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Invalid:
                c.AddTo(ModelState);
                break;
            case ChangeOutcome.Conflict:
                ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
                break;
            default:
                ModelState.AddModelError("", l["This rectification cannot be changed this way."]);
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    private string ListUrl() =>
        Status is { } status ? $"/services/rectifications?status={status}" : "/services/rectifications";

    private async Task LoadAsync(CancellationToken ct)
    {
        var q = db.Rectifications.AsNoTracking();
        if (Status is { } status)
        {
            q = q.Where(t => t.Status == status);
        }
        Items = await q.OrderBy(t => t.Status).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new RectificationRow(
                new RectificationDto(t.Id, t.ReviewId, t.Review!.ServiceRecord!.Code, t.Review!.ServiceRecordId, t.DueDate, t.Status,
                    t.Measures, t.FollowUpNote, t.ResidentSatisfied, t.Version),
                t.Review!.ServiceRecord!.Outlet!.NameZh, t.Review!.ServiceRecord!.Outlet!.NameEn, t.Review!.Overall, t.Review!.Comment))
            .ToPageAsync(PageNumber, Paging.DefaultSize, ct);
    }
}
