using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Fengqiao.Features.Outbox.Channels;

/// <summary>
/// E-mail through SMTP with MailKit. The Message-ID is the message's idempotency key, so a receiver (or a person) sees
/// a retry after a lost acknowledgement as the same message. Connections are kept between messages (one per sender the
/// worker runs at once), so a busy outbox does not pay a TCP and SMTP handshake per message; one idle longer than
/// <see cref="MaxIdle"/> is closed rather than reused, since servers drop idle sessions.
/// </summary>
public sealed class EmailChannel(IOptions<OutboxOptions> options, TimeProvider time) : IChannel, IAsyncDisposable
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(30);
    private const int MaxKept = 16;
    private readonly ConcurrentBag<(SmtpClient Client, DateTimeOffset Since)> _idle = [];

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
        var (client, reused) = await RentAsync(smtp, ct);
        try
        {
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 500 and < 600 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted)
        {
            Return(client);
            throw new PermanentFailureException($"The mail server refused the recipient: {(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (reused && e is ServiceNotConnectedException or IOException or SmtpProtocolException)
        {
            // A kept connection the server had closed: the message was not taken; once more on a new one.
            client.Dispose();
            (client, _) = await RentAsync(smtp, ct, fresh: true);
            try
            {
                await client.SendAsync(message, ct);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }
        Return(client);
    }

    /// <summary>A connected client: one kept from an earlier message (not idle too long), or a new connection.</summary>
    private async Task<(SmtpClient Client, bool Reused)> RentAsync(SmtpOptions smtp, CancellationToken ct, bool fresh = false)
    {
        while (!fresh && _idle.TryTake(out var kept))
        {
            if (kept.Client.IsConnected && time.GetUtcNow() - kept.Since < MaxIdle)
            {
                return (kept.Client, true);
            }
            kept.Client.Dispose();
        }
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, true), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return (client, false);
    }

    private void Return(SmtpClient client)
    {
        if (client.IsConnected && _idle.Count < MaxKept)
        {
            _idle.Add((client, time.GetUtcNow()));
        }
        else
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var kept))
        {
            try
            {
                await kept.Client.DisconnectAsync(true);
            }
            catch (Exception e) when (e is IOException or ServiceNotConnectedException or SmtpProtocolException or OperationCanceledException)
            {
                // Going away anyway.
            }
            kept.Client.Dispose();
        }
    }
}
