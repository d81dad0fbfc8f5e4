using System.Security.Cryptography;
using Fengqiao.Features.Outbox;
using Microsoft.AspNetCore.DataProtection;

namespace Fengqiao.Features.Diversions;

/// <summary>What a department's link names: one diversion, in one round of hand-over.</summary>
public readonly record struct DiversionTicket(int DiversionId, int Round);

/// <summary>
/// The signed, time-limited link in a department's e-mail (<c>/dept/diversion?t=…</c>): it names the diversion and its
/// round and expires after <see cref="Police110Options.LinkDays"/>; it cannot be made or altered without the app's keys.
/// </summary>
public sealed class DiversionLinks(IDataProtectionProvider provider, IOptions<Police110Options> options, IOptions<OutboxOptions> outbox, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Fengqiao.Diversions.Department.v1").ToTimeLimitedDataProtector();

    public DateTimeOffset Expiry => time.GetUtcNow().AddDays(options.Value.LinkDays);

    public string Url(DiversionTicket ticket) =>
        $"{outbox.Value.PublicBaseUrl.TrimEnd('/')}/dept/diversion?t={Uri.EscapeDataString(Token(ticket))}";

    public string Token(DiversionTicket ticket) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{ticket.DiversionId}:{ticket.Round}"), Expiry);

    /// <summary>The ticket, or why the link is refused (null and not expired: altered, cut short or made up).</summary>
    public (DiversionTicket? Ticket, bool Expired) Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, false);
        }
        try
        {
            var text = _protector.Unprotect(token, out var expiry);
            if (expiry < time.GetUtcNow())
            {
                return (null, true);
            }
            var parts = text.Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var round)
                ? (new DiversionTicket(id, round), false)
                : (null, false);
        }
        catch (CryptographicException e) when (e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }
        catch (CryptographicException)
        {
            return (null, false);
        }
    }
}
