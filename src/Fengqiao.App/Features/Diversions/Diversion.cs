using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Diversions;

public enum DiversionStatus
{
    /// <summary>Sent to the department, waiting for its sign-off (签收).</summary>
    Diverted = 1,
    /// <summary>Signed for by the department, being handled.</summary>
    Accepted = 2,
    /// <summary>Handled, with the department's answer (办结).</summary>
    Answered = 3,
    /// <summary>Refused by the department with a reason (退回): back on the station's worklist.</summary>
    Returned = 4,
    /// <summary>The station took it back as a police matter.</summary>
    PoliceMatter = 5,
}

public enum DiversionEventType
{
    Diverted = 1,
    Accepted = 2,
    Answered = 3,
    Returned = 4,
    Rediverted = 5,
    PoliceMatter = 6,
}

/// <summary>
/// A 110 call that is not a police matter (非警务警情), handed to the department the catalogue names, keyed by 110's
/// incident number. It belongs to the area of the call (the grid, or the community), so the station of that area
/// sees it, and it comes back to them when the department returns it. The department's name is copied: it may lie
/// outside the station's jurisdiction. <see cref="Round"/> counts the hand-overs; a department's link names its round,
/// so the link of a department that returned it stops working once it goes to another.
/// </summary>
public sealed class Diversion : IVersioned
{
    public int Id { get; set; }
    public required string IncidentNumber { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public int KindId { get; set; }
    public DiversionKind? Kind { get; set; }
    public required string Summary { get; set; }
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Lng { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    /// <summary>Encrypted caller's phone (FieldProtector) and its masked form: for the department to call back, never in a webhook.</summary>
    public string? CallerPhone { get; set; }
    public string? CallerPhoneMasked { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string UnitNameZh { get; set; }
    public required string UnitNameEn { get; set; }
    public DiversionStatus Status { get; set; }
    public int Round { get; set; } = 1;
    public DateTimeOffset DivertedAt { get; set; }
    public DateOnly DivertedOn { get; set; }
    /// <summary>The department's answer is due by this day: the kind's working days after <see cref="DivertedOn"/>.</summary>
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public string? ReturnReason { get; set; }
    /// <summary>Who acted for the department (the name they typed), or the officer.</summary>
    public string? HandledBy { get; set; }
    public long Version { get; set; }
}

/// <summary>The diversion's timeline: every hand-over, sign-off, answer and return, never changed.</summary>
public sealed class DiversionEvent : IAppendOnly, ITimelineEvent<DiversionEventType>
{
    public long Id { get; set; }
    public int DiversionId { get; set; }
    public Diversion? Diversion { get; set; }
    public required string AreaPath { get; set; }
    public DiversionEventType Type { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UnitNameZh { get; set; }
    public string? UnitNameEn { get; set; }
    public string? ActorName { get; set; }
    public string? Note { get; set; }
}

internal sealed class DiversionConfiguration : IEntityTypeConfiguration<Diversion>
{
    public void Configure(EntityTypeBuilder<Diversion> b)
    {
        b.InJurisdiction(x => x.AreaPath);
        b.ToTable("Diversions");
        b.HasIndex(d => d.IncidentNumber).IsUnique();
        b.HasIndex(d => d.AreaPath);
        b.HasIndex(d => new { d.Status, d.DueOn });
        b.Property(d => d.IncidentNumber).HasMaxLength(40);
        b.Property(d => d.Summary).HasMaxLength(2000);
        b.Property(d => d.Address).HasMaxLength(200);
        b.Property(d => d.AreaPath).HasMaxLength(200);
        b.Property(d => d.CallerPhone).HasMaxLength(1000);
        b.Property(d => d.CallerPhoneMasked).HasMaxLength(40);
        b.Property(d => d.UnitNameZh).HasMaxLength(100);
        b.Property(d => d.UnitNameEn).HasMaxLength(150);
        b.Property(d => d.Answer).HasMaxLength(2000);
        b.Property(d => d.ReturnReason).HasMaxLength(1000);
        b.Property(d => d.HandledBy).HasMaxLength(100);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne(d => d.Kind).WithMany().HasForeignKey(d => d.KindId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Area).WithMany().HasForeignKey(d => d.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DiversionEventConfiguration : IEntityTypeConfiguration<DiversionEvent>
{
    public void Configure(EntityTypeBuilder<DiversionEvent> b)
    {
        b.InJurisdiction(x => x.AreaPath);
        b.ToTable("DiversionEvents");
        b.HasIndex(e => e.DiversionId);
        b.Property(e => e.AreaPath).HasMaxLength(200);
        b.Property(e => e.UnitNameZh).HasMaxLength(100);
        b.Property(e => e.UnitNameEn).HasMaxLength(150);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasOne(e => e.Diversion).WithMany().HasForeignKey(e => e.DiversionId).OnDelete(DeleteBehavior.Restrict);
    }
}
