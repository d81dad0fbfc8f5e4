using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Fengqiao.Features.Outbox.Channels;

/// <summary>
/// E-mail through SMTP with MailKit. The Message-ID is the message's idempotency key, so a receiver (or a person) sees
/// a retry after a lost acknowledgement as the same message.
/// </summary>
public sealed class EmailChannel(IOptions<OutboxOptions> options) : IChannel
{
    public OutboxChannel Channel => OutboxChannel.Email;

    public async Task SendAsync(Outgoing m, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("No SMTP server is configured (Outbox:Smtp:Host).");
        }
        if (!MailboxAddress.TryParse(m.Recipient, out var to))
        {
            throw new PermanentFailureException("The address is not a valid e-mail address.");
        }
        var message = new MimeMessage { Subject = m.Subject ?? "", MessageId = $"{m.Key:N}@fengqiao" };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(to);
        message.Headers.Add("X-Fengqiao-Event", m.Event);
        message.Headers.Add("X-Fengqiao-Reference", m.Reference);
        message.Headers.Add("Content-Language", m.Language);
        if (m.Unsubscribe is { } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail programs offer their own unsubscribe button, which POSTs to the link.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new TextPart("plain") { Text = m.Body };
        using var client = new SmtpClient();
        client.Timeout = 30_000;
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, true), ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        try
        {
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 500 and < 600 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted)
        {
            throw new PermanentFailureException($"The mail server refused the recipient: {(int)e.StatusCode} {e.Message}");
        }
        await client.DisconnectAsync(true, ct);
    }
}
