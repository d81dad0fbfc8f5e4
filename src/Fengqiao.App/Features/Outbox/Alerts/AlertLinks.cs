using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Fengqiao.Features.Outbox.Alerts;

/// <summary>
/// The signed links of area alerts: one to confirm a subscription (expires after <see cref="ConfirmDays"/>) and one to end
/// it (never expires, so that an old alert still unsubscribes). Each names the subscription and its purpose; neither can
/// be made, altered or used for the other without the app's keys.
/// </summary>
public sealed class AlertLinks(IDataProtectionProvider provider, IOptions<OutboxOptions> options, TimeProvider time)
{
    public const int ConfirmDays = 7;

    private readonly ITimeLimitedDataProtector _confirm = provider.CreateProtector("Fengqiao.Outbox.Alerts.v1", "confirm").ToTimeLimitedDataProtector();
    private readonly IDataProtector _unsubscribe = provider.CreateProtector("Fengqiao.Outbox.Alerts.v1", "unsubscribe");

    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string ConfirmUrl(Guid subscription) =>
        $"{Base}/report/alerts/confirm?t={Uri.EscapeDataString(_confirm.Protect(Id(subscription), time.GetUtcNow().AddDays(ConfirmDays)))}";

    public string UnsubscribeUrl(Guid subscription) =>
        $"{Base}/report/alerts/unsubscribe?t={Uri.EscapeDataString(_unsubscribe.Protect(Id(subscription)))}";

    public string BoardUrl(string communityCode) => $"{Base}/board/{Uri.EscapeDataString(communityCode)}";

    /// <summary>The subscription a confirmation link names, or null for a bad or expired link (an expired one throws inside).</summary>
    public Guid? ReadConfirm(string? token) => Read(token, t => _confirm.Unprotect(t, out var expiry) is var id && expiry >= time.GetUtcNow() ? id : null);

    public Guid? ReadUnsubscribe(string? token) => Read(token, _unsubscribe.Unprotect);

    private static string Id(Guid key) => key.ToString("N", CultureInfo.InvariantCulture);

    private static Guid? Read(string? token, Func<string, string?> unprotect)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        try
        {
            return Guid.TryParseExact(unprotect(token), "N", out var key) ? key : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
