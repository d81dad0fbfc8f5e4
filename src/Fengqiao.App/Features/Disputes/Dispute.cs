using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Disputes;

public enum DisputeSource
{
    HomeVisit = 1,
    Patrol = 2,
    ResidentReport = 3,
    Referral110 = 4,
    VolunteerTip = 5,
    DepartmentReferral = 6,
    WalkIn = 7,
}

/// <summary>Risk colour: red and orange are urgent; yellow and blue follow the normal mediation clock.</summary>
public enum RiskColour
{
    Red = 1,
    Orange = 2,
    Yellow = 3,
    Blue = 4,
}

public enum DisputeStatus
{
    Registered = 1,
    Assigned = 2,
    Mediating = 3,
    Resolved = 4,
    FollowedUp = 5,
    Closed = 6,
    Referred = 7,
    Suspended = 8,
    NotResolvable = 9,
}

/// <summary>Which deadline the case is running against now.</summary>
public enum DueKind
{
    FirstSession = 1,
    SecondSession = 2,
    MediationConclusion = 3,
    ReferralConclusion = 4,
    FollowUp = 5,
}

public enum ReferralTarget
{
    PeoplesMediation = 1,
    Court = 2,
    Department = 3,
}

/// <summary>
/// One dispute, one code (矛盾纠纷): registered in a grid, handled by its station's officer with
/// community co-handlers, mediated, resolved, followed up and closed — or referred, suspended,
/// found not resolvable, and reopened. Every change is also a <see cref="DisputeEvent"/>.
/// </summary>
public sealed class Dispute : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public DisputeSource Source { get; set; }
    public required string Category { get; set; }
    public RiskColour Risk { get; set; }
    public int PeopleInvolved { get; set; }
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Lng { get; set; }
    public int AreaId { get; set; }
    /// <summary>The grid (or community) the case belongs to: the jurisdiction filter's key.</summary>
    public required string AreaPath { get; set; }
    public int? StationUnitId { get; set; }
    public Unit? StationUnit { get; set; }
    public int? ResponsibleOfficerId { get; set; }
    public Person? ResponsibleOfficer { get; set; }
    public DisputeStatus Status { get; set; }
    /// <summary>While suspended: the status to go back to.</summary>
    public DisputeStatus? StatusBeforeSuspension { get; set; }
    public string? SuspensionReason { get; set; }
    public DateOnly? SuspendedOn { get; set; }
    public DueKind? DueKind { get; set; }
    public DateOnly? DueDate { get; set; }
    /// <summary>Working days and calendar days the clock stood still while suspended; deadlines move by these.</summary>
    public int PausedWorkingDays { get; set; }
    public int PausedDays { get; set; }
    public ReferralTarget? ReferredTo { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public string? ReferredBody { get; set; }
    public string? ReferralAnswer { get; set; }
    public string? Outcome { get; set; }
    public int SessionCount { get; set; }
    public int? LinkedToId { get; set; }
    public int? MergedIntoId { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Title, summary, address and party names, lower-cased: what the worklist search reads.</summary>
    public required string SearchText { get; set; }
    public List<DisputeParty> Parties { get; set; } = [];
    public List<DisputeHandler> Handlers { get; set; } = [];
    public long Version { get; set; }
    /// <summary>The id the officer's phone gave the draft of its registration: a replay finds this case instead of registering another.</summary>
    public Guid? ClientId { get; set; }

    public bool IsOpen => Status is not (DisputeStatus.Closed or DisputeStatus.NotResolvable) && MergedIntoId is null;
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.ToTable("Disputes");
        b.InJurisdiction(d => d.AreaPath);
        b.HasIndex(d => d.Code).IsUnique();
        // A worklist counts and orders an area's open cases from this index alone; it reads only the page's rows.
        b.HasIndex(d => new { d.AreaPath, d.MergedIntoId, d.RegisteredAt });
        b.HasIndex(d => new { d.Status, d.DueDate });
        b.HasIndex(d => d.ResponsibleOfficerId);
        b.HasIndex(d => d.RegisteredOn);
        b.HasIndex(d => d.ClientId).IsUnique();
        b.Property(d => d.Code).HasMaxLength(40);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Summary).HasMaxLength(4000);
        b.Property(d => d.Category).HasMaxLength(40);
        b.Property(d => d.Address).HasMaxLength(200);
        b.Property(d => d.AreaPath).HasMaxLength(200);
        b.Property(d => d.SuspensionReason).HasMaxLength(500);
        b.Property(d => d.ReferredBody).HasMaxLength(200);
        b.Property(d => d.ReferralAnswer).HasMaxLength(2000);
        b.Property(d => d.Outcome).HasMaxLength(2000);
        b.Property(d => d.SearchText).HasMaxLength(6000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne(d => d.StationUnit).WithMany().HasForeignKey(d => d.StationUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.ResponsibleOfficer).WithMany().HasForeignKey(d => d.ResponsibleOfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}
