namespace Fengqiao.Features.Outbox.Channels;

/// <summary>Signed outbound webhooks to the subscribed systems (110, 12345, a city's platform), named in the configuration.</summary>
public sealed class WebhookChannel(IHttpClientFactory http, IOptions<OutboxOptions> options, TimeProvider time) : IChannel
{
    public OutboxChannel Channel => OutboxChannel.Webhook;

    public Task SendAsync(Outgoing m, CancellationToken ct)
    {
        var hook = options.Value.Webhooks.FirstOrDefault(h => h.Name == m.RecipientName)
            ?? throw new PermanentFailureException($"There is no webhook subscription named '{m.RecipientName}' any more.");
        return HttpDelivery.PostAsync(http.CreateClient(nameof(WebhookChannel)), hook.Url, hook.Secret, m, m.Body, time, ct);
    }
}
