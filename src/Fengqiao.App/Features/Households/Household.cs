using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Households;

/// <summary>What the community team must keep in mind about a household or a person.</summary>
[Flags]
public enum HouseholdTags
{
    None = 0,
    ElderlyAlone = 1,
    LeftBehindChild = 2,
    Disability = 4,
    SpecialCare = 8,
    Rental = 16,
    LowIncome = 32,
    Veteran = 64,
}

public enum Relation
{
    Head = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Grandchild = 5,
    Sibling = 6,
    Tenant = 7,
    Other = 8,
}

public enum Gender
{
    Female = 0,
    Male = 1,
}

/// <summary>
/// A household (户) at an address in a grid: the unit the officer visits. Its phone is personal
/// data: stored encrypted, with a keyed hash for look-up and a masked copy for display.
/// </summary>
public sealed class Household : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Address { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    public HouseholdTags Tags { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public int MemberCount { get; set; }
    public List<Resident> Members { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A resident (人口). The ID number is never stored in the clear: an AES-GCM ciphertext, an HMAC
/// for exact look-up (unique: one person, one record) and the masked form everyone sees.
/// </summary>
public sealed class Resident : IVersioned
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public required string AreaPath { get; set; }
    public required string Name { get; set; }
    public required string IdCipher { get; set; }
    public required string IdHash { get; set; }
    public required string IdMasked { get; set; }
    public DateOnly BirthDate { get; set; }
    public Gender Gender { get; set; }
    public Relation Relation { get; set; }
    public HouseholdTags Tags { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public long Version { get; set; }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("Households");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(h => h.Code).IsUnique();
        b.HasIndex(h => h.AreaPath);
        b.HasIndex(h => h.PhoneHash);
        b.Property(h => h.Code).HasMaxLength(40);
        b.Property(h => h.Address).HasMaxLength(200);
        b.Property(h => h.AreaPath).HasMaxLength(200);
        b.Property(h => h.PhoneCipher).HasMaxLength(120);
        b.Property(h => h.PhoneHash).HasMaxLength(64);
        b.Property(h => h.PhoneMasked).HasMaxLength(20);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasOne(h => h.Area).WithMany().HasForeignKey(h => h.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(h => h.Members).WithOne(r => r.Household).HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("Residents");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(r => r.IdHash).IsUnique();
        b.HasIndex(r => r.HouseholdId);
        b.HasIndex(r => new { r.Name, r.AreaPath });
        b.HasIndex(r => r.PhoneHash);
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.IdCipher).HasMaxLength(120);
        b.Property(r => r.IdHash).HasMaxLength(64);
        b.Property(r => r.IdMasked).HasMaxLength(20);
        b.Property(r => r.PhoneCipher).HasMaxLength(120);
        b.Property(r => r.PhoneHash).HasMaxLength(64);
        b.Property(r => r.PhoneMasked).HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}
