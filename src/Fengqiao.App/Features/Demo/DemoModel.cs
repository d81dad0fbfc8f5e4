using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo;

/// <summary>A latitude/longitude rectangle in degrees: every demo boundary is one.</summary>
internal readonly record struct Box(double South, double West, double North, double East)
{
    public double CentreLat => (South + North) / 2;
    public double CentreLng => (West + East) / 2;

    public Box Union(Box other) => new(
        Math.Min(South, other.South), Math.Min(West, other.West), Math.Max(North, other.North), Math.Max(East, other.East));

    /// <summary>True when the two rectangles, each grown by <paramref name="margin"/>, share any point.</summary>
    public bool Near(Box other, double margin) =>
        South < other.North + margin && other.South < North + margin && West < other.East + margin && other.West < East + margin;

    public string GeoJson() => Boundaries.Write(Boundaries.Rectangle(South, West, North, East));
}

/// <summary>The demo province as built in memory, before it is saved.</summary>
internal sealed class DemoWorld
{
    public required Area Province { get; init; }
    public required Unit Department { get; init; }
    public required List<Unit> CoBuilding { get; init; }
    public required List<DemoCity> Cities { get; init; }
    public required List<Area> Areas { get; init; }
    public required List<Unit> Units { get; init; }

    public IEnumerable<DemoCounty> Counties => Cities.SelectMany(c => c.Counties);
    public IEnumerable<DemoStreet> Streets => Counties.SelectMany(c => c.Streets);
}

internal sealed class DemoCity
{
    public required CityRow Row { get; init; }
    public required Area Area { get; init; }
    public required Unit Bureau { get; init; }
    public List<DemoCounty> Counties { get; } = [];
}

internal sealed class DemoCounty
{
    public required CountyRow Row { get; init; }
    public required DemoCity City { get; init; }
    public required Area Area { get; init; }
    public required Unit Branch { get; init; }
    public List<DemoStreet> Streets { get; } = [];
}

internal sealed class DemoStreet
{
    public required DemoCounty County { get; init; }
    public required NamedStreet? Named { get; init; }
    public required bool IsTown { get; init; }
    public required Area Area { get; init; }
    public required Unit Station { get; init; }
    public required Unit Office { get; init; }
    public Unit? HospitalOffice { get; set; }
    public List<DemoCommunity> Communities { get; } = [];
}

internal sealed class DemoCommunity
{
    public required bool IsVillage { get; init; }
    public required Area Area { get; init; }
    public required Unit Committee { get; init; }
    public List<Area> Grids { get; } = [];
}

/// <summary>A secondment and the seconded post it gives at the station (saved after it, to take its id).</summary>
internal sealed record DemoSecondment(Secondment Secondment, Post Post);
