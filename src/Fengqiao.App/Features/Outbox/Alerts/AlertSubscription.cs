namespace Fengqiao.Features.Outbox.Alerts;

/// <summary>
/// A resident's area alert (as on FixMyStreet): e-mail about new reports and board events in one community. No account is
/// needed; it is pending until the signed link sent to the address is opened, and ends by the link in every alert. The
/// address is encrypted and hashed like an outbox recipient; one address has at most one subscription per community.
/// </summary>
public sealed class AlertSubscription : IVersioned
{
    public int Id { get; set; }
    /// <summary>What the signed links name: made here, so the confirmation goes out in the same save that adds the row.</summary>
    public Guid Key { get; set; }
    /// <summary>The community (an area of the community level).</summary>
    public int AreaId { get; set; }
    /// <summary>The community's path: a report or event under it is news for this subscriber.</summary>
    public required string AreaPath { get; set; }
    /// <summary>Encrypted (<see cref="Infrastructure.Privacy.FieldProtector"/>).</summary>
    public required string Email { get; set; }
    /// <summary>Keyed hash of the normalised address: subscribing twice finds the same row.</summary>
    public required string EmailHash { get; set; }
    public required string EmailMasked { get; set; }
    /// <summary>The subscriber's language when subscribing (zh-CN or en): what the alerts are written in.</summary>
    public required string Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
    public long Version { get; set; }

    public bool Active => ConfirmedAt is not null && UnsubscribedAt is null;
}

internal sealed class AlertSubscriptionConfiguration : IEntityTypeConfiguration<AlertSubscription>
{
    public void Configure(EntityTypeBuilder<AlertSubscription> b)
    {
        b.InJurisdiction(x => x.AreaPath);
        b.ToTable("AlertSubscriptions");
        b.HasIndex(s => s.Key).IsUnique();
        b.HasIndex(s => new { s.AreaId, s.EmailHash }).IsUnique();
        b.HasIndex(s => s.AreaPath);
        b.Property(s => s.AreaPath).HasMaxLength(200);
        b.Property(s => s.Email).HasMaxLength(1000);
        b.Property(s => s.EmailHash).HasMaxLength(100);
        b.Property(s => s.EmailMasked).HasMaxLength(200);
        b.Property(s => s.Language).HasMaxLength(10);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
