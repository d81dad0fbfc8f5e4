namespace Fengqiao.Features.Outbox.Channels;

/// <summary>A message ready to go: decrypted just before sending, never stored so.</summary>
public sealed record Outgoing(Guid Key, string Event, string Reference, string Language, string? Recipient, string RecipientName, string? Subject, string Body,
    string? Unsubscribe = null);

/// <summary>One way out. Throws on failure (the worker retries with back-off); a <see cref="PermanentFailureException"/> goes straight to the dead letters.</summary>
public interface IChannel
{
    OutboxChannel Channel { get; }

    Task SendAsync(Outgoing m, CancellationToken ct);
}

/// <summary>The receiver refused the message for good (a bad address, a 4xx other than 408/429): retrying will not help.</summary>
public sealed class PermanentFailureException(string message) : Exception(message);
