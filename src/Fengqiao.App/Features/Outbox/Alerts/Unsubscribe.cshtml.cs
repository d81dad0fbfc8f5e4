using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Outbox.Alerts;

/// <summary>
/// One click ends an area alert: the link in every alert (GET), or the mail program's own button (RFC 8058: a POST to the
/// List-Unsubscribe address, which carries no antiforgery token; the signed link is the proof).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(AreaAlerts alerts) : PageModel
{
    public AlertOutcome Outcome { get; private set; }
    public AlertArea? Area { get; private set; }

    public Task<IActionResult> OnGetAsync(string? t, CancellationToken ct) => StopAsync(t, ct);

    public Task<IActionResult> OnPostAsync(string? t, CancellationToken ct) => StopAsync(t, ct);

    private async Task<IActionResult> StopAsync(string? t, CancellationToken ct)
    {
        (Outcome, Area) = await alerts.UnsubscribeAsync(t, ct);
        if (Outcome == AlertOutcome.BadLink)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
