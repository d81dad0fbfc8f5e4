namespace Fengqiao.Features.Areas;

public enum AreaLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Community = 5,
    Grid = 6,
}

/// <summary>
/// A node of the administrative tree (province → … → grid). <see cref="Path"/> is the
/// materialised path of codes ("/22/2201/220104/"), so a subtree is one prefix match.
/// </summary>
public sealed class Area : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public AreaLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Area? Parent { get; set; }
    public required string Path { get; set; }
    /// <summary>Boundary as GeoJSON geometry (Polygon or MultiPolygon, WGS-84), when known.</summary>
    public string? BoundaryGeoJson { get; set; }
    public double? CentreLat { get; set; }
    public double? CentreLng { get; set; }
    public long Version { get; set; }

    public static string ChildPath(string? parentPath, string code) => $"{parentPath ?? "/"}{code}/";
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.ToTable("Areas");
        b.InJurisdiction(a => a.Path);
        b.HasIndex(a => a.Code).IsUnique();
        b.HasIndex(a => a.Path).IsUnique();
        b.HasIndex(a => a.ParentId);
        b.Property(a => a.Code).HasMaxLength(20);
        b.Property(a => a.NameZh).HasMaxLength(100);
        b.Property(a => a.NameEn).HasMaxLength(100);
        b.Property(a => a.Path).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
