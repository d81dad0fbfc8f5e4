using System.Text.Json;

namespace Fengqiao.Features.Outbox.Channels;

/// <summary>
/// SMS through an HTTP gateway: the request body is configured (<see cref="SmsOptions.Body"/>) to the provider's shape
/// (template code, sign name, parameters), and signed like webhooks with the gateway's secret.
/// </summary>
public sealed class SmsChannel(IHttpClientFactory http, IOptions<OutboxOptions> options, TimeProvider time) : IChannel
{
    public OutboxChannel Channel => OutboxChannel.Sms;

    public Task SendAsync(Outgoing m, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        if (string.IsNullOrWhiteSpace(sms.Url))
        {
            throw new InvalidOperationException("No SMS gateway is configured (Outbox:Sms:Url).");
        }
        var content = JsonSerializer.Deserialize<SmsBody>(m.Body, JsonSerializerOptions.Web)!;
        string S(string? v) => JsonSerializer.Serialize(v ?? "");
        var body = sms.Body
            .Replace("{phone}", S(m.Recipient), StringComparison.Ordinal).Replace("{sign}", S(sms.SignName), StringComparison.Ordinal)
            .Replace("{template}", S(sms.Templates.GetValueOrDefault(m.Event, m.Event)), StringComparison.Ordinal)
            .Replace("{params}", JsonSerializer.Serialize(content.Params), StringComparison.Ordinal)
            .Replace("{text}", S(content.Text), StringComparison.Ordinal).Replace("{key}", S(m.Key.ToString()), StringComparison.Ordinal);
        return HttpDelivery.PostAsync(http.CreateClient(nameof(SmsChannel)), sms.Url, sms.Secret, m, body, time, ct, sms.AppKey);
    }
}
