namespace Fengqiao.Features.Board;

/// <summary>
/// A neighbourhood priority on the community police board: an issue residents raised and what
/// the police and the committee do about it (data.police.uk's "priorities"). Public information.
/// </summary>
public sealed class CommunityPriority
{
    public int Id { get; set; }
    /// <summary>The community (area of level Community).</summary>
    public int AreaId { get; set; }
    public required string AreaPath { get; set; }
    public required string IssueZh { get; set; }
    public required string IssueEn { get; set; }
    public DateOnly IssueDate { get; set; }
    public string? ActionZh { get; set; }
    public string? ActionEn { get; set; }
    public DateOnly? ActionDate { get; set; }
}

/// <summary>A public event of the community: meeting, anti-fraud talk, patrol, law school (data.police.uk's "events").</summary>
public sealed class CommunityEvent
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public required string AreaPath { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public string? DescriptionZh { get; set; }
    public string? DescriptionEn { get; set; }
    public required string Address { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    /// <summary>meeting, anti-fraud-talk, patrol, law-school …</summary>
    public string Kind { get; set; } = EventKinds.Meeting;
}

public static class EventKinds
{
    public const string Meeting = "meeting";
    public const string AntiFraudTalk = "anti-fraud-talk";
    public const string Patrol = "patrol";
    public const string LawSchool = "law-school";
}

internal sealed class CommunityPriorityConfiguration : IEntityTypeConfiguration<CommunityPriority>
{
    public void Configure(EntityTypeBuilder<CommunityPriority> b)
    {
        b.ToTable("CommunityPriorities");
        b.Property(p => p.AreaPath).HasMaxLength(200);
        b.Property(p => p.IssueZh).HasMaxLength(200);
        b.Property(p => p.IssueEn).HasMaxLength(300);
        b.Property(p => p.ActionZh).HasMaxLength(500);
        b.Property(p => p.ActionEn).HasMaxLength(800);
        b.HasIndex(p => p.AreaPath);
        b.HasIndex(p => p.AreaId);
    }
}

internal sealed class CommunityEventConfiguration : IEntityTypeConfiguration<CommunityEvent>
{
    public void Configure(EntityTypeBuilder<CommunityEvent> b)
    {
        b.ToTable("CommunityEvents");
        b.Property(e => e.AreaPath).HasMaxLength(200);
        b.Property(e => e.TitleZh).HasMaxLength(200);
        b.Property(e => e.TitleEn).HasMaxLength(300);
        b.Property(e => e.DescriptionZh).HasMaxLength(1000);
        b.Property(e => e.DescriptionEn).HasMaxLength(1500);
        b.Property(e => e.Address).HasMaxLength(200);
        b.Property(e => e.Kind).HasMaxLength(32);
        b.HasIndex(e => e.AreaPath);
        b.HasIndex(e => new { e.AreaId, e.StartsAt });
    }
}
