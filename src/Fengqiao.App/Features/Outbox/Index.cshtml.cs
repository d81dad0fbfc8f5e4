using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Outbox;

/// <summary>The administrators' outbox: the backlog and the dead-letter list, searchable, each dead letter retried or dropped.</summary>
[Authorize(Policy = OutboxEndpoints.AdminPolicy)]
public sealed class IndexModel(OutboxAdmin admin) : PageModel
{
    [BindProperty(SupportsGet = true)] public OutboxState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Page<OutboxRow> Messages { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public OutboxCounts Counts { get; private set; } = new(0, 0, 0, 0, null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await admin.CountsAsync(ct);
        Messages = await admin.ListAsync(State, Q, Sort, PageNumber, null, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct) =>
        await admin.RetryAsync(id, ct) ? RedirectToPage(new { State, Q, Sort }) : NotFound();

    public async Task<IActionResult> OnPostDropAsync(long id, CancellationToken ct) =>
        await admin.DropAsync(id, ct) ? RedirectToPage(new { State, Q, Sort }) : NotFound();
}
