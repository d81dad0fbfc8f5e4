using System.Security.Cryptography;
using System.Text;

namespace Fengqiao.Features.Outbox.Channels;

/// <summary>
/// HMAC-SHA256 over <c>timestamp + "." + body</c>, hex, sent as <c>X-Fengqiao-Signature: sha256=…</c> with
/// <c>X-Fengqiao-Timestamp</c> (Unix seconds). A receiver recomputes it with the shared secret and refuses a timestamp
/// outside its replay window (<see cref="Window"/>); the same rule checks what other systems send to Fengqiao.
/// </summary>
public static class Signature
{
    public const string Header = "X-Fengqiao-Signature";
    public const string TimestampHeader = "X-Fengqiao-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static bool Verify(string secret, string? timestamp, string? signature, string body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, out var ts) || signature is null
            || (now - DateTimeOffset.FromUnixTimeSeconds(ts)).Duration() > Window)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, ts, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
