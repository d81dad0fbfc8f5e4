using Fengqiao.Features.Secondments;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.People;

public enum PersonKind
{
    PoliceOfficer = 1,
    AuxiliaryPolice = 2,
    CivilianStaff = 3,
    CommunityCadre = 4,
    GridOfficer = 5,
    Volunteer = 6,
}

/// <summary>A member of staff or a volunteer. What they do, and where, is in their <see cref="Posts"/>.</summary>
public sealed class Person : IVersioned
{
    public int Id { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public PersonKind Kind { get; set; }
    public string? BadgeNumber { get; set; }
    /// <summary>Year the person started this kind of work (the article's "30 years at the front line").</summary>
    public int? ServiceSinceYear { get; set; }
    /// <summary>The unit that keeps this person's record (employer). Visibility also follows every post.</summary>
    public int HomeUnitId { get; set; }
    public Unit? HomeUnit { get; set; }
    public required string HomeAreaPath { get; set; }
    public List<Post> Posts { get; set; } = [];
    public long Version { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        // A person is seen where they are homed, where they hold a post, and by the station they are (to be) sent down to.
        b.InJurisdiction((x, db) => db.ScopeAll
            || db.ScopePaths.Any(p => x.HomeAreaPath.StartsWith(p))
            || x.Posts.Any(post => db.ScopePaths.Any(p => post.AreaPath.StartsWith(p)))
            || db.Set<Secondment>().Any(s => s.PersonId == x.Id && db.ScopePaths.Any(p => s.ToAreaPath.StartsWith(p))));
        b.Property(p => p.NameZh).HasMaxLength(50);
        b.Property(p => p.NameEn).HasMaxLength(100);
        b.Property(p => p.BadgeNumber).HasMaxLength(20);
        b.Property(p => p.HomeAreaPath).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.BadgeNumber).IsUnique();
        b.HasIndex(p => p.HomeAreaPath);
        b.HasIndex(p => p.NameZh);
        b.HasOne(p => p.HomeUnit).WithMany().HasForeignKey(p => p.HomeUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A staff account belongs to a person: the relationship is the People feature's, so Identity's user names no feature.</summary>
internal sealed class AccountPersonConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b) => b.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId);
}
