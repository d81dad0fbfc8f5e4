namespace Fengqiao.Infrastructure.Cluster;

/// <summary>
/// One row per periodic job: the node that runs it, and until when (Unix milliseconds, compared alike by SQLite and
/// PostgreSQL). A node runs the job only while it holds the row; others leave it until the lease has ended.
/// </summary>
public sealed class JobLease : INotAudited
{
    public string Name { get; set; } = "";
    public string Owner { get; set; } = "";
    public long UntilMs { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Owner).HasMaxLength(200);
    }
}
