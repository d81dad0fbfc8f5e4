using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Outbox.Alerts;

/// <summary>A resident asks for e-mail about new reports and events in a community: no account, a confirmation link by e-mail.</summary>
[AllowAnonymous]
public sealed class SubscribeModel(AreaAlerts alerts, ChecksFactory checks, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Community { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string? Email { get; set; }
    [TempData] public string? Message { get; set; }

    public AlertArea? Chosen { get; private set; }
    public IReadOnlyList<AlertArea> Communities { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        if (await alerts.SubscribeAsync(c, Community, Email, ct) == AlertOutcome.Ok)
        {
            Message = l["Almost done: we have sent a link to your address. Open it to confirm; until then you get no alerts."];
            return RedirectToPage(new { community = Community });
        }
        c.AddTo(ModelState);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Chosen = await alerts.CommunityAsync(Community, ct);
        Communities = await alerts.CommunitiesAsync(Q, ct);
        if (Chosen is not null && !Communities.Any(a => a.Id == Chosen.Id))
        {
            Communities = [Chosen, .. Communities];
        }
    }
}
