namespace Fengqiao.Features.Disputes;

public enum DisputeEventType
{
    Registered = 1,
    Assigned = 2,
    SessionHeld = 3,
    Resolved = 4,
    FollowedUp = 5,
    Closed = 6,
    Referred = 7,
    ReferralAnswered = 8,
    Suspended = 9,
    Resumed = 10,
    NotResolvable = 11,
    Reopened = 12,
    Linked = 13,
    Merged = 14,
    Edited = 15,
    DangerOpened = 16,
    Supervised = 17,
    JudicialConfirmationRequested = 18,
    /// <summary>A case document was issued as PDF; the note names it and its SHA-256 (no schema of its own).</summary>
    DocumentIssued = 19,
    // The steps of a hidden danger found on this case, as they happen on the danger (DangerEvent).
    DangerReferred = 20,
    DangerAnswered = 21,
    DangerAssessed = 22,
    DangerRectified = 23,
    DangerVerified = 24,
    DangerSentBack = 25,
    DangerReopened = 26,
}

/// <summary>
/// One line of a case's append-only timeline. Statistics are counted from these rows, so they
/// carry copies of what is grouped on (area, category, risk, source). Never updated or deleted.
/// </summary>
public sealed class DisputeEvent : IAppendOnly, ITimelineEvent<DisputeEventType>
{
    public long Id { get; set; }
    public int DisputeId { get; set; }
    public Dispute? Dispute { get; set; }
    public DisputeEventType Type { get; set; }
    public DateTimeOffset At { get; set; }
    public DateOnly Day { get; set; }
    public required string AreaPath { get; set; }
    public required string Category { get; set; }
    public RiskColour Risk { get; set; }
    public DisputeSource Source { get; set; }
    public DisputeStatus? FromStatus { get; set; }
    public DisputeStatus ToStatus { get; set; }
    /// <summary>The case's version after this change: a 409 lists the events a stale editor missed.</summary>
    public long CaseVersion { get; set; }
    public int? ActorPersonId { get; set; }
    public string? ActorName { get; set; }
    /// <summary>What happened, in the words of the person who did it (reason, answer, minutes summary).</summary>
    public string? Note { get; set; }
}

internal sealed class DisputeEventConfiguration : IEntityTypeConfiguration<DisputeEvent>
{
    public void Configure(EntityTypeBuilder<DisputeEvent> b)
    {
        b.ToTable("DisputeEvents");
        b.InJurisdiction(e => e.AreaPath);
        b.Property(e => e.AreaPath).HasMaxLength(200);
        b.Property(e => e.Category).HasMaxLength(40);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => e.DisputeId);
        b.HasIndex(e => new { e.Type, e.Day, e.AreaPath });
        b.HasOne(e => e.Dispute).WithMany().HasForeignKey(e => e.DisputeId).OnDelete(DeleteBehavior.Restrict);
    }
}
