using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Outbox.Alerts;

/// <summary>The confirmation link of an area alert: opening it starts the alerts (as on FixMyStreet, the link is the confirmation).</summary>
[AllowAnonymous]
public sealed class ConfirmModel(AreaAlerts alerts) : PageModel
{
    public AlertOutcome Outcome { get; private set; }
    public AlertArea? Area { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? t, CancellationToken ct)
    {
        (Outcome, Area) = await alerts.ConfirmAsync(t, ct);
        if (Outcome == AlertOutcome.BadLink)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
