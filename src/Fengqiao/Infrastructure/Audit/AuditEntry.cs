using Fengqiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.HasIndex(e => new { e.Entity, e.EntityId });
        b.HasIndex(e => e.At);
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
    public static AuditEntry Write(AppDb db, string action, string entity, string entityId, string? reason = null, string? areaPath = null)
    {
        var entry = new AuditEntry
        {
            At = DateTime.UtcNow,
            UserName = db.Jurisdiction.UserName ?? "system",
            PersonId = db.Jurisdiction.PersonId,
            Action = action,
            Entity = entity,
            EntityId = entityId,
            Reason = reason,
            AreaPath = areaPath,
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }
}
