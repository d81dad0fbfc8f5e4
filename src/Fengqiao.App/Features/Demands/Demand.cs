using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demands;

public enum DemandCategory
{
    Employment = 1,
    ElderlyCare = 2,
    Childcare = 3,
    LegalAid = 4,
    Housing = 5,
    Security = 6,
    Infrastructure = 7,
    Other = 8,
}

public enum DemandSource
{
    HomeVisit = 1,
    CommunityMeeting = 2,
    Resident = 3,
    Open311 = 4,
    Patrol = 5,
    Other = 6,
}

public enum DemandStatus
{
    Open = 1,
    Referred = 2,
    Answered = 3,
    Closed = 4,
}

/// <summary>What can be done to a demand; each only from the states in <see cref="DemandCommands"/>.</summary>
public enum DemandAction
{
    Refer = 1,
    Answer = 2,
    Close = 3,
    LinkProject = 4,
    /// <summary>The unit signs for the referral (签收), by the signed link.</summary>
    Accept = 5,
    /// <summary>The unit sends the referral back with a reason (退回): the demand is open again.</summary>
    Return = 6,
}

/// <summary>
/// A resident's demand (群众诉求) — "women and elderly residents want work" — heard on a home
/// visit, at a meeting or from a report. It is answered on the spot, or referred with a deadline
/// to the unit that can meet it (the community committee, the street office, a provincial
/// co-building department), or met by a community project; it closes with the resident's satisfaction.
/// </summary>
public sealed class Demand : IVersioned
{
    public int Id { get; set; }
    /// <summary>"Q220104001-2026-00012": Q, street, year, number.</summary>
    public required string Code { get; set; }
    public DemandCategory Category { get; set; }
    public DemandSource Source { get; set; }
    public required string Description { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    public int? HouseholdId { get; set; }
    public Household? Household { get; set; }
    /// <summary>The home visit it was heard on (no navigation: visits are their own feature).</summary>
    public int? VisitId { get; set; }
    public int? ProjectId { get; set; }
    public CommunityProject? Project { get; set; }
    public DemandStatus Status { get; set; }
    public DateOnly RaisedOn { get; set; }
    public int? RaisedById { get; set; }
    public Person? RaisedBy { get; set; }
    /// <summary>The latest answer: a unit's, a project's, or the one given on the spot.</summary>
    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    /// <summary>1 (very dissatisfied) to 5 (very satisfied), recorded when it closes.</summary>
    public int? Satisfaction { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? CloseNote { get; set; }
    public List<Referral> Referrals { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>
/// A demand passed to a unit with a deadline. At most one is open at a time (the demand is then
/// Referred); an unsatisfactory answer can be referred again, so a demand may have several.
/// The unit's names are copied, because the unit (a provincial department) may lie outside the
/// jurisdiction of the station that referred it.
/// </summary>
public sealed class Referral : IVersioned
{
    public int Id { get; set; }
    public int DemandId { get; set; }
    public Demand? Demand { get; set; }
    /// <summary>The demand's area path.</summary>
    public required string AreaPath { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string UnitNameZh { get; set; }
    public required string UnitNameEn { get; set; }
    public UnitKind UnitKind { get; set; }
    public DateOnly ReferredOn { get; set; }
    /// <summary>The answer is due by this day (10 working days by default).</summary>
    public DateOnly DueOn { get; set; }
    public int? ReferredById { get; set; }
    public Person? ReferredBy { get; set; }
    public string? Note { get; set; }
    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? AnsweredByName { get; set; }
    /// <summary>Answered by the unit itself through the signed link, not recorded by staff.</summary>
    public bool AnsweredByUnit { get; set; }
    /// <summary>What the department's signed link names (a key, not the id: the link is made in the save that inserts the referral).</summary>
    public Guid? LinkKey { get; set; }
    /// <summary>The unit signed for it (签收).</summary>
    public DateOnly? AcceptedOn { get; set; }
    public string? AcceptedByName { get; set; }
    /// <summary>The unit sent it back (退回): the demand is open again, with <see cref="ReturnReason"/> for the staff.</summary>
    public DateOnly? ReturnedOn { get; set; }
    public string? ReturnReason { get; set; }
    public string? ReturnedByName { get; set; }
    /// <summary>The day the unit and the referring officer were told it is overdue: the daily check tells them once.</summary>
    public DateOnly? OverdueNotifiedOn { get; set; }
    public long Version { get; set; }

    /// <summary>Still waiting for the unit: neither answered nor sent back.</summary>
    public bool IsOpen => AnsweredOn is null && ReturnedOn is null;
}

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.ToTable("Demands");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => d.AreaPath);
        b.HasIndex(d => new { d.Status, d.RaisedOn });
        b.HasIndex(d => d.VisitId);
        b.Property(d => d.Code).HasMaxLength(40);
        b.Property(d => d.Description).HasMaxLength(2000);
        b.Property(d => d.AreaPath).HasMaxLength(200);
        b.Property(d => d.Answer).HasMaxLength(2000);
        b.Property(d => d.CloseNote).HasMaxLength(2000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne(d => d.Area).WithMany().HasForeignKey(d => d.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Household).WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Project).WithMany(p => p.Demands).HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.RaisedBy).WithMany().HasForeignKey(d => d.RaisedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Referrals).WithOne(r => r.Demand).HasForeignKey(r => r.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("DemandReferrals");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(r => r.AreaPath);
        b.HasIndex(r => new { r.AnsweredOn, r.DueOn });
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.Property(r => r.UnitNameZh).HasMaxLength(100);
        b.Property(r => r.UnitNameEn).HasMaxLength(150);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.Property(r => r.Answer).HasMaxLength(2000);
        b.Property(r => r.AnsweredByName).HasMaxLength(200);
        b.Property(r => r.AcceptedByName).HasMaxLength(200);
        b.Property(r => r.ReturnReason).HasMaxLength(1000);
        b.Property(r => r.ReturnedByName).HasMaxLength(200);
        b.HasIndex(r => r.LinkKey).IsUnique();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.ReferredBy).WithMany().HasForeignKey(r => r.ReferredById).OnDelete(DeleteBehavior.Restrict);
    }
}
