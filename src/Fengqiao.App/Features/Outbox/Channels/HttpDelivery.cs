using System.Net;
using System.Text;

namespace Fengqiao.Features.Outbox.Channels;

/// <summary>A signed JSON POST with the idempotency key, shared by the SMS gateway and webhooks.</summary>
internal static class HttpDelivery
{
    public static async Task PostAsync(HttpClient http, string url, string secret, Outgoing m, string body, TimeProvider time, CancellationToken ct,
        string? appKey = null)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (appKey is not null)
        {
            request.Headers.Add("X-App-Key", appKey);
        }
        request.Headers.Add("Idempotency-Key", m.Key.ToString());
        request.Headers.Add("X-Fengqiao-Event", m.Event);
        request.Headers.Add(Signature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(Signature.Header, Signature.Sign(secret, timestamp, body));
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var detail = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        // A refusal that retrying cannot change goes to the dead letters at once; busy, down or timed out is tried again.
        if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict))
        {
            throw new PermanentFailureException("The receiver refused the message: " + detail);
        }
        throw new HttpRequestException("The receiver answered " + detail);
    }
}
