namespace Fengqiao.Features.Demands.Notices;

/// <summary>How a staff account wants its notices: each as it happens, or one daily digest.</summary>
public sealed class NoticePreference : IVersioned
{
    /// <summary>The Identity user's id.</summary>
    public required string UserId { get; set; }
    public bool Digest { get; set; }
    /// <summary>The local day of the last digest sent: one a day, whatever the number of nodes or restarts.</summary>
    public DateOnly? LastDigestOn { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A notice held for a digest reader: rendered in their language when it happened (encrypted like an outbox body),
/// sent with the others of the day in one e-mail, then marked with the digest that carried it.
/// </summary>
public sealed class HeldNotice : INotAudited
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Event { get; set; }
    public required string Reference { get; set; }
    public required string Subject { get; set; }
    /// <summary>Encrypted text.</summary>
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The key of the digest message that carried it; null while it waits.</summary>
    public Guid? DigestKey { get; set; }
}

internal sealed class NoticePreferenceConfiguration : IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<NoticePreference> b)
    {
        b.ToTable("NoticePreferences");
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Digest);
    }
}

internal sealed class HeldNoticeConfiguration : IEntityTypeConfiguration<HeldNotice>
{
    public void Configure(EntityTypeBuilder<HeldNotice> b)
    {
        b.ToTable("HeldNotices");
        b.HasIndex(n => new { n.DigestKey, n.UserId });
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Event).HasMaxLength(60);
        b.Property(n => n.Reference).HasMaxLength(60);
        b.Property(n => n.Subject).HasMaxLength(300);
        b.Property(n => n.Body).HasMaxLength(20000);
    }
}
