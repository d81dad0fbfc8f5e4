namespace Fengqiao.Features.Outbox.Templates;

/// <summary>
/// An administrator's wording of one notice (<see cref="Event"/>, e.g. <c>request.received</c>) in one language. Without a
/// row the built-in wording applies (<see cref="TemplateCatalog"/>); "reset to default" deletes the row. The
/// subject and body are Scriban templates over the placeholders <see cref="TemplateCatalog"/> names. Changes are
/// audited by the change audit (who, which row, which fields) like every edit.
/// </summary>
public sealed class NoticeTemplate : IVersioned
{
    public int Id { get; set; }
    public required string Event { get; set; }
    /// <summary>zh-CN or en.</summary>
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}

internal sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplate>
{
    public void Configure(EntityTypeBuilder<NoticeTemplate> b)
    {
        b.ToTable("NoticeTemplates");
        b.HasIndex(t => new { t.Event, t.Language }).IsUnique();
        b.Property(t => t.Event).HasMaxLength(60);
        b.Property(t => t.Language).HasMaxLength(10);
        b.Property(t => t.Subject).HasMaxLength(TemplateCatalog.MaxSubject);
        b.Property(t => t.Body).HasMaxLength(TemplateCatalog.MaxBody);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
        b.Property(t => t.Version).IsConcurrencyToken();
    }
}
