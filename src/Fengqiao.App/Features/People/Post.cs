using Fengqiao.Features.Units;

namespace Fengqiao.Features.People;

public enum PostRole
{
    Leader = 1,
    StationDirector = 2,
    CommunityPolice = 3,
    PoliceOfficer = 4,
    AuxiliaryPolice = 5,
    CivilianStaff = 6,
    ServiceClerk = 7,
    SecondedOfficer = 8,
    TownshipTeamMember = 9,
    CommitteeMember = 10,
    CommitteeDeputyDirector = 11,
    CommunitySecretary = 12,
    GridOfficer = 13,
    Volunteer = 14,
}

/// <summary>
/// A person's post in a unit for a period. One person holds several at once — that is the
/// police–local integration (a community officer who is also deputy director of the
/// neighbourhood committee). Active posts decide what the person may see.
/// </summary>
public sealed class Post : IVersioned
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>Copy of the unit's area path: the post's reach, and the jurisdiction filter's key.</summary>
    public required string AreaPath { get; set; }
    public PostRole Role { get; set; }
    /// <summary>Free-text title as the unit writes it, e.g. "Deputy director, neighbourhood committee".</summary>
    public string? Title { get; set; }
    public bool PartTime { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? SecondmentId { get; set; }
    public long Version { get; set; }

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);

    /// <summary>Two periods overlap when each starts before the other ends (open ends run forever).</summary>
    public static bool Overlaps(DateOnly aStart, DateOnly? aEnd, DateOnly bStart, DateOnly? bEnd) =>
        aStart <= (bEnd ?? DateOnly.MaxValue) && bStart <= (aEnd ?? DateOnly.MaxValue);
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.ToTable("Posts");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(p => p.AreaPath).HasMaxLength(200);
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.AreaPath);
        b.HasIndex(p => new { p.PersonId, p.StartDate });
        b.HasIndex(p => p.UnitId);
        b.HasOne(p => p.Person).WithMany(p => p.Posts).HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
