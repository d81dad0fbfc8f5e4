using Fengqiao.Features.Demands.Notices;
using Fengqiao.Features.Outbox;
using Microsoft.AspNetCore.DataProtection;

namespace Fengqiao.Features.Demands.Department;

/// <summary>
/// The signed link a referral's message carries to the unit's contact: it names the referral (by its link key) and
/// expires after <see cref="StaffNoticeOptions.LinkDays"/>; it cannot be made or altered without the app's keys.
/// </summary>
public sealed class DepartmentLinks(IDataProtectionProvider provider, IOptions<StaffNoticeOptions> options, IOptions<OutboxOptions> outbox, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Fengqiao.Demands.Department.Referral.v1").ToTimeLimitedDataProtector();

    public DateTimeOffset Expiry => time.GetUtcNow().AddDays(options.Value.LinkDays);

    public string Url(Guid linkKey) =>
        $"{outbox.Value.PublicBaseUrl.TrimEnd('/')}/dept/referral?t={Uri.EscapeDataString(_protector.Protect(linkKey.ToString("N"), Expiry))}";

    /// <summary>The referral's link key, or why the link is refused.</summary>
    public (Guid? Key, bool Expired) Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, false);
        }
        try
        {
            var key = _protector.Unprotect(token, out var expiry);
            return expiry < time.GetUtcNow() ? (null, true) : (Guid.TryParseExact(key, "N", out var g) ? g : null, false);
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
