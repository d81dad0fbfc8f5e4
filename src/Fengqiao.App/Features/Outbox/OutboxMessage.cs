namespace Fengqiao.Features.Outbox;

public enum OutboxChannel
{
    Email = 1,
    Sms = 2,
    Webhook = 3,
}

public enum OutboxState
{
    /// <summary>Waiting for its first or its next attempt (<see cref="OutboxMessage.DueAt"/>).</summary>
    Pending = 1,
    Sent = 2,
    /// <summary>Gave up after the last attempt: on the dead-letter list, where an administrator retries or drops it.</summary>
    Dead = 3,
    /// <summary>Dropped by an administrator from the dead-letter list.</summary>
    Dropped = 4,
}

/// <summary>
/// One message on its way out (e-mail, SMS, webhook), written in the same transaction as the change that causes it and
/// delivered at least once by <see cref="OutboxWorker"/>. <see cref="Key"/> is the idempotency key every receiver is
/// given (the e-mail's Message-ID, the gateway's and the webhook's Idempotency-Key header), the same on every attempt.
/// The recipient and the body are encrypted like residents' numbers; both are purged after delivery plus the retention
/// period, leaving the masked recipient and the delivery facts.
/// </summary>
public sealed class OutboxMessage : INotAudited
{
    public long Id { get; set; }
    public Guid Key { get; set; }
    public OutboxChannel Channel { get; set; }
    /// <summary>What caused it, e.g. <c>request.received</c>: the template's name.</summary>
    public required string Event { get; set; }
    /// <summary>The record it is about (a report's tracking code, a case code), for the administrators' list.</summary>
    public required string Reference { get; set; }
    /// <summary>The area of the record it is about: who may see the message in the list.</summary>
    public required string AreaPath { get; set; }
    public required string Language { get; set; }
    /// <summary>Encrypted address, phone number or webhook URL.</summary>
    public string? Recipient { get; set; }
    /// <summary>Keyed hash of the recipient: the daily limit per person without decrypting.</summary>
    public string? RecipientHash { get; set; }
    public required string RecipientMasked { get; set; }
    public string? Subject { get; set; }
    /// <summary>Encrypted body (JSON for webhooks).</summary>
    public string? Body { get; set; }
    /// <summary>The one-click unsubscribe link of an alert (the e-mail's List-Unsubscribe header); purged with the body.</summary>
    public string? Unsubscribe { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Claimed by a worker until then; a worker that dies mid-delivery leaves it to another after the lease.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? PurgedAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.InJurisdiction(x => x.AreaPath);
        b.ToTable("OutboxMessages");
        b.HasIndex(m => m.Key).IsUnique();
        b.HasIndex(m => new { m.State, m.DueAt });
        b.HasIndex(m => new { m.RecipientHash, m.SentAt });
        b.HasIndex(m => m.Reference);
        b.HasIndex(m => m.AreaPath);
        b.Property(m => m.Event).HasMaxLength(60);
        b.Property(m => m.Reference).HasMaxLength(60);
        b.Property(m => m.AreaPath).HasMaxLength(200);
        b.Property(m => m.Language).HasMaxLength(10);
        b.Property(m => m.Recipient).HasMaxLength(1000);
        b.Property(m => m.RecipientHash).HasMaxLength(100);
        b.Property(m => m.RecipientMasked).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(20000);
        b.Property(m => m.Unsubscribe).HasMaxLength(1000);
        b.Property(m => m.LeaseOwner).HasMaxLength(40);
        b.Property(m => m.LastError).HasMaxLength(1000);
    }
}
