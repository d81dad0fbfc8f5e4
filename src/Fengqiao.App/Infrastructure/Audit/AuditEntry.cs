namespace Fengqiao.Infrastructure.Audit;

/// <summary>
/// One audited act: who did what to which record, when, and why. Written in the same transaction
/// as the act itself (a reveal that is not audited does not happen). Never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public int? PersonId { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public string? AreaPath { get; set; }
    public string? Reason { get; set; }
    /// <summary>Its place in the chain, given by the <see cref="AuditSealer"/> shortly after it is written.</summary>
    public long? Seq { get; set; }
    /// <summary>SHA-256 of the previous entry's hash and this entry's fields: change any past entry and every later hash is wrong.</summary>
    public string? Hash { get; set; }
}

/// <summary>The end of the chain: the last sequence number and hash given. One row; its version decides which node seals.</summary>
public sealed class AuditSeal : INotAudited
{
    public int Id { get; set; }
    public long LastSeq { get; set; }
    public string LastHash { get; set; } = AuditChain.Genesis;
    public long Version { get; set; }
}

internal sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.LastHash).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.HasIndex(e => new { e.Entity, e.EntityId });
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.Seq).IsUnique();
        b.Property(e => e.Hash).HasMaxLength(64);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.Entity).HasMaxLength(40);
        b.Property(e => e.EntityId).HasMaxLength(40);
        b.Property(e => e.AreaPath).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(500);
    }
}

public static class AuditLog
{
    /// <summary>Adds the entry to the context; it is saved with the caller's SaveChanges.</summary>
    public static AuditEntry Write(AppDb db, string action, string entity, string entityId, string? reason = null, string? areaPath = null, string? userName = null)
    {
        var entry = new AuditEntry
        {
            At = DateTime.UtcNow,
            UserName = Cut(userName ?? db.Jurisdiction.UserName ?? "system", 256),
            PersonId = db.Jurisdiction.PersonId,
            Action = action,
            Entity = entity,
            EntityId = Cut(entityId, 40),
            Reason = reason is null ? null : Cut(reason, 500),
            AreaPath = areaPath,
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
