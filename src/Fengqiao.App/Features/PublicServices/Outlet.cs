using Fengqiao.Features.Units;

namespace Fengqiao.Features.PublicServices;

public enum OutletKind
{
    StationWindow = 1,
    HospitalPoliceOffice = 2,
    SelfServicePoint = 3,
    ExpresswayStation = 4,
}

/// <summary>What an outlet offers besides its services: the expressway station's lounge, charging and first aid.</summary>
[Flags]
public enum Facilities
{
    None = 0,
    Lounge = 1,
    Charging = 2,
    FirstAid = 4,
    DrinkingWater = 8,
    Toilets = 16,
    Parking = 32,
    StepFreeAccess = 64,
    Wifi = 128,
}

/// <summary>
/// A place where services are handled: a station's comprehensive window, a hospital police
/// office, a self-service point in a party–mass service centre, the expressway station.
/// </summary>
public sealed class Outlet : IVersioned
{
    public int Id { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public OutletKind Kind { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string AreaPath { get; set; }
    public string? Address { get; set; }
    /// <summary>Opening hours on working days, e.g. "08:30-11:30,13:30-17:00".</summary>
    public required string OpeningHours { get; set; }
    /// <summary>Minutes per appointment slot.</summary>
    public int SlotMinutes { get; set; } = 30;
    /// <summary>Codes of the services offered here, comma-separated.</summary>
    public required string ServiceCodes { get; set; }
    public List<Counter> Counters { get; set; } = [];
    public Facilities Facilities { get; set; }
    public long Version { get; set; }

    public static IReadOnlyList<Facilities> List(Facilities set) => [.. Enum.GetValues<Facilities>().Where(f => f != Facilities.None && set.HasFlag(f))];

    public IReadOnlyList<string> Codes => ServiceCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The opening periods of a working day.</summary>
    public IReadOnlyList<(TimeOnly From, TimeOnly To)> Periods() =>
        OpeningHours.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('-'))
            .Select(p => (TimeOnly.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}

/// <summary>A counter (窗口) of an outlet, where a clerk calls tickets.</summary>
public sealed class Counter
{
    public int Id { get; set; }
    public int OutletId { get; set; }
    public Outlet? Outlet { get; set; }
    public required string Name { get; set; }
}

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>, IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Outlet> b)
    {
        b.ToTable("Outlets");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(o => o.NameZh).HasMaxLength(100);
        b.Property(o => o.NameEn).HasMaxLength(150);
        b.Property(o => o.AreaPath).HasMaxLength(200);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.OpeningHours).HasMaxLength(100);
        b.Property(o => o.ServiceCodes).HasMaxLength(1000);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.AreaPath);
        b.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Counter> b)
    {
        b.InJurisdiction(x => x.Outlet!.AreaPath);
        b.Property(c => c.Name).HasMaxLength(50);
        b.HasOne(c => c.Outlet).WithMany(o => o.Counters).HasForeignKey(c => c.OutletId).OnDelete(DeleteBehavior.Cascade);
    }
}
