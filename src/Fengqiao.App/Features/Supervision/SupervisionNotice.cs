using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Supervision;

public enum SupervisedKind
{
    Dispute = 1,
    Danger = 2,
}

/// <summary>
/// A supervision notice (督办): a case or danger is past its deadline, so the level above is told,
/// and the level above that while it stays overdue. <see cref="AreaPath"/> is the supervising
/// level's area, so the notice sits on that level's worklist. The unique index over subject,
/// deadline and level is what makes the escalation safe with several app nodes: a second node
/// raising the same notice is refused by the database.
/// </summary>
public sealed class SupervisionNotice
{
    public long Id { get; set; }
    public SupervisedKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    public required string SubjectCode { get; set; }
    public required string SubjectTitle { get; set; }
    /// <summary>The overdue deadline this notice is about (a new deadline starts a new chain).</summary>
    public DateOnly DueDate { get; set; }
    public AreaLevel Level { get; set; }
    public required string AreaPath { get; set; }
    /// <summary>The subject's own area path: lets the station see notices raised above it about its cases.</summary>
    public required string SubjectAreaPath { get; set; }
    public int WorkingDaysOverdue { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
}

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> b)
    {
        b.ToTable("SupervisionNotices");
        // A notice is seen by the level it is addressed to, and by the people whose case it is about.
        b.InJurisdiction((n, db) => db.ScopeAll || db.ScopePaths.Any(p => n.AreaPath.StartsWith(p) || n.SubjectAreaPath.StartsWith(p)));
        b.Property(n => n.SubjectCode).HasMaxLength(40);
        b.Property(n => n.SubjectTitle).HasMaxLength(200);
        b.Property(n => n.AreaPath).HasMaxLength(200);
        b.Property(n => n.SubjectAreaPath).HasMaxLength(200);
        b.Property(n => n.AcknowledgedBy).HasMaxLength(100);
        b.HasIndex(n => new { n.SubjectKind, n.SubjectId, n.DueDate, n.Level }).IsUnique();
        b.HasIndex(n => n.AreaPath);
        b.HasIndex(n => n.SubjectAreaPath);
    }
}
