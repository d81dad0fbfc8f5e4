using Fengqiao.Features.Units;

namespace Fengqiao.Features.Diversions;

/// <summary>
/// One row of the diversion catalogue (非警务警情分流目录): a kind of 110 call that is not a police matter, the department
/// that must handle it, the law that makes it theirs, and how many working days they have. The department is either one
/// named unit (the city's urban management bureau) or, for <see cref="LocalUnitKind"/>, the nearest unit of that kind
/// above the call's place (the community committee of the caller's community). The catalogue is province-wide.
/// </summary>
public sealed class DiversionKind : IVersioned
{
    public int Id { get; set; }
    /// <summary>The code 110 sends, e.g. <c>noise-business</c>.</summary>
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public UnitKind? LocalUnitKind { get; set; }
    public required string LegalBasis { get; set; }
    /// <summary>Working days (the Chinese calendar with its holidays and make-up days) from diversion to answer.</summary>
    public int TimeLimitWorkingDays { get; set; }
    /// <summary>A retired kind keeps its diversions but takes no new ones.</summary>
    public bool Active { get; set; } = true;
    public long Version { get; set; }
}

internal sealed class DiversionKindConfiguration : IEntityTypeConfiguration<DiversionKind>
{
    public void Configure(EntityTypeBuilder<DiversionKind> b)
    {
        b.ToTable("DiversionKinds");
        b.HasIndex(k => k.Code).IsUnique();
        b.Property(k => k.Code).HasMaxLength(40);
        b.Property(k => k.NameZh).HasMaxLength(100);
        b.Property(k => k.NameEn).HasMaxLength(150);
        b.Property(k => k.LegalBasis).HasMaxLength(1000);
        b.Property(k => k.Version).IsConcurrencyToken();
        b.HasOne(k => k.Unit).WithMany().HasForeignKey(k => k.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
