using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Units;

public enum UnitKind
{
    ProvincialDepartment = 1,
    CityBureau = 2,
    CountyBranch = 3,
    PoliceStation = 4,
    BorderPoliceStation = 5,
    HospitalPoliceOffice = 6,
    TownshipOffice = 7,
    CommunityCommittee = 8,
    CoBuildingDepartment = 9,
    /// <summary>A government department or public utility below the province (urban management, the water company): 110 diverts non-police calls to it.</summary>
    PublicDepartment = 10,
}

public static class UnitKinds
{
    public static bool IsPolice(this UnitKind k) => k is <= UnitKind.HospitalPoliceOffice;

    /// <summary>Front-line units that receive officers sent down (stations of either kind).</summary>
    public static bool IsStation(this UnitKind k) => k is UnitKind.PoliceStation or UnitKind.BorderPoliceStation;

    /// <summary>Provincial and city organs, whose officers are sent down (the 20% quota).</summary>
    public static bool IsOrgan(this UnitKind k) => k is UnitKind.ProvincialDepartment or UnitKind.CityBureau;
}

/// <summary>An organisation — police organ, government body or co-building department — serving an area.</summary>
public sealed class Unit : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public UnitKind Kind { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    /// <summary>Copy of the served area's path: the jurisdiction filter needs no join.</summary>
    public required string AreaPath { get; set; }
    public int? ParentUnitId { get; set; }
    public Unit? ParentUnit { get; set; }
    public double? Lat { get; set; }
    public double? Lng { get; set; }
    public string? Address { get; set; }
    /// <summary>
    /// Encrypted (FieldProtector) e-mail address of the unit's contact: where work handed to the unit (a demand's referral,
    /// a 110 diversion) is announced with a signed link, so that the unit answers without a staff account.
    /// </summary>
    public string? ContactEmail { get; set; }
    /// <summary>The contact's address as screens show it (<c>w***@example.gov.cn</c>).</summary>
    public string? ContactEmailMasked { get; set; }
    public long Version { get; set; }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("Units");
        // Units are seen in the caller's subtrees and, by name, along the chain above them: a record in scope may name the
        // organ that sent an officer down or the department a demand went to, and must not vanish from a list because of it.
        // Choosing a unit to act in (a post, a home unit, an outlet) still needs the unit inside the jurisdiction (Covers).
        b.InJurisdiction((u, db) => (string.Compare(u.AreaPath, db.ScopeLow) >= 0 && string.Compare(u.AreaPath, db.ScopeHigh) < 0
            && (db.ScopeOneRange || db.ScopePaths.Any(s => u.AreaPath.StartsWith(s)))) || db.ScopeAbove.Contains(u.AreaPath));
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.AreaPath);
        b.HasIndex(u => u.Kind);
        b.Property(u => u.Code).HasMaxLength(32);
        b.Property(u => u.NameZh).HasMaxLength(100);
        b.Property(u => u.NameEn).HasMaxLength(150);
        b.Property(u => u.AreaPath).HasMaxLength(200);
        b.Property(u => u.Address).HasMaxLength(200);
        b.Property(u => u.ContactEmail).HasMaxLength(1000);
        b.Property(u => u.ContactEmailMasked).HasMaxLength(200);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasOne(u => u.Area).WithMany().HasForeignKey(u => u.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.ParentUnit).WithMany().HasForeignKey(u => u.ParentUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
