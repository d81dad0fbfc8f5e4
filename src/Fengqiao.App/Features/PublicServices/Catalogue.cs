namespace Fengqiao.Features.PublicServices;

public enum ServiceCategory
{
    HouseholdRegistration = 1,
    IdCard = 2,
    ExitEntry = 3,
    Traffic = 4,
    Certificates = 5,
    Other = 6,
}

/// <summary>How a service can be obtained.</summary>
[Flags]
public enum ServiceChannels
{
    None = 0,
    Online = 1,
    Appointment = 2,
    OnTheSpot = 4,
}

/// <summary>One public-security service of the catalogue (newborn registration, ID card renewal …).</summary>
public sealed class PublicService
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public ServiceCategory Category { get; set; }
    /// <summary>Required materials, one per line, in Chinese and English.</summary>
    public required string MaterialsZh { get; set; }
    public required string MaterialsEn { get; set; }
    /// <summary>Legal time limit in working days (0: done on the spot).</summary>
    public int TimeLimitWorkingDays { get; set; }
    public ServiceChannels Channels { get; set; }
    public decimal Fee { get; set; }
    public bool Active { get; set; } = true;

    public IReadOnlyList<string> Materials(bool chinese) =>
        (chinese ? MaterialsZh : MaterialsEn).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>"A child's birth as one case": several services opened together.</summary>
public sealed class ServiceBundle
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Service codes, comma-separated, in the order they are opened.</summary>
    public required string ServiceCodes { get; set; }

    public IReadOnlyList<string> Codes => ServiceCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class CatalogueConfiguration : IEntityTypeConfiguration<PublicService>, IEntityTypeConfiguration<ServiceBundle>
{
    public void Configure(EntityTypeBuilder<PublicService> b)
    {
        b.ToTable("PublicServices");
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.NameZh).HasMaxLength(100);
        b.Property(s => s.NameEn).HasMaxLength(150);
        b.Property(s => s.MaterialsZh).HasMaxLength(2000);
        b.Property(s => s.MaterialsEn).HasMaxLength(3000);
        b.Property(s => s.Fee).HasPrecision(10, 2);
    }

    public void Configure(EntityTypeBuilder<ServiceBundle> b)
    {
        b.ToTable("ServiceBundles");
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.NameZh).HasMaxLength(100);
        b.Property(s => s.NameEn).HasMaxLength(150);
        b.Property(s => s.ServiceCodes).HasMaxLength(500);
    }
}
