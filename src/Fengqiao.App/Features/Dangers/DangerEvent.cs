using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Dangers;

public enum DangerEventType
{
    Registered = 1,
    Referred = 2,
    PartyAnswered = 3,
    Assessed = 4,
    Rectified = 5,
    Verified = 6,
    SentBack = 7,
    Reopened = 8,
}

/// <summary>
/// One step of a hidden danger's own history (registered, referred to the responsible party and their answer, judged,
/// rectified, verified or sent back, reopened): who, when and what they said. Append-only, like a case's timeline.
/// </summary>
public sealed class DangerEvent : IAppendOnly, ITimelineEvent<DangerEventType>
{
    public long Id { get; set; }
    public int DangerId { get; set; }
    public Danger? Danger { get; set; }
    public DangerEventType Type { get; set; }
    public DateTimeOffset At { get; set; }
    public required string AreaPath { get; set; }
    public DangerStatus ToStatus { get; set; }
    public int? ActorPersonId { get; set; }
    public string? ActorName { get; set; }
    public string? Note { get; set; }
    /// <summary>The date the step set: the party's promised date, the new rectification deadline.</summary>
    public DateOnly? DueDate { get; set; }
    public RiskColour? Risk { get; set; }
}

internal sealed class DangerEventConfiguration : IEntityTypeConfiguration<DangerEvent>
{
    public void Configure(EntityTypeBuilder<DangerEvent> b)
    {
        b.ToTable("DangerEvents");
        b.InJurisdiction(e => e.AreaPath);
        b.Property(e => e.AreaPath).HasMaxLength(200);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => e.DangerId);
        b.HasIndex(e => e.AreaPath);
        b.HasOne(e => e.Danger).WithMany().HasForeignKey(e => e.DangerId).OnDelete(DeleteBehavior.Restrict);
    }
}
