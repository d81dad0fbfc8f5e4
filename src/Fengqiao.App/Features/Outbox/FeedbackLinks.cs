using Microsoft.AspNetCore.DataProtection;

namespace Fengqiao.Features.Outbox;

/// <summary>
/// The signed links a resolution notice carries: rate the handling, or say it is not resolved. A link names the report
/// and expires after <see cref="OutboxOptions.FeedbackDays"/>; it cannot be made or altered without the app's keys.
/// </summary>
public sealed class FeedbackLinks(IDataProtectionProvider provider, IOptions<OutboxOptions> options, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Fengqiao.Outbox.Feedback.v1").ToTimeLimitedDataProtector();

    public DateTimeOffset Expiry => time.GetUtcNow().AddDays(options.Value.FeedbackDays);

    public string Token(string requestCode) => _protector.Protect(requestCode, Expiry);

    /// <summary>The feedback page for a <see cref="Token"/>: made once per notice, shared by its star and "not resolved" links.</summary>
    public string Url(string token, int? stars = null) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/report/feedback?t={Uri.EscapeDataString(token)}" + (stars is { } s ? $"&stars={s}" : "");

    public string NotResolvedUrl(string token) => Url(token) + "&resolved=no";

    public string TrackUrl(string requestCode) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/report/track?code={Uri.EscapeDataString(requestCode)}";

    /// <summary>The report's code, or why the link is refused.</summary>
    public (string? Code, bool Expired) Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, false);
        }
        try
        {
            var code = _protector.Unprotect(token, out var expiry);
            return expiry < time.GetUtcNow() ? (null, true) : (code, false);
        }
        catch (System.Security.Cryptography.CryptographicException e) when (e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (null, false);
        }
    }
}
