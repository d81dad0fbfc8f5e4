using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Fengqiao.Features.Areas;

/// <summary>Reading, checking and writing area boundaries as GeoJSON (WGS-84 longitude/latitude).</summary>
public static class Boundaries
{
    public static readonly JsonSerializerOptions Json = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }

    public static Geometry Parse(string geoJson) =>
        JsonSerializer.Deserialize<Geometry>(geoJson, Json) ?? throw new JsonException("empty geometry");

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Json);

    public static FeatureCollection ParseFeatures(string geoJson) =>
        JsonSerializer.Deserialize<FeatureCollection>(geoJson, Json) ?? throw new JsonException("empty feature collection");

    /// <summary>
    /// Why a boundary is unusable (English message key for the localiser), or null when it is a
    /// valid polygon or multipolygon inside longitude/latitude range.
    /// </summary>
    public static string? Problem(Geometry? geometry)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            return "The boundary is empty.";
        }
        if (geometry is not (Polygon or MultiPolygon))
        {
            return "A boundary must be a Polygon or MultiPolygon.";
        }
        var env = geometry.EnvelopeInternal;
        if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90)
        {
            return "Boundary coordinates must be longitude, latitude in degrees.";
        }
        var op = new IsValidOp(geometry);
        return op.IsValid ? null : "The boundary is not a valid polygon (it crosses itself or is not closed).";
    }

    /// <summary>Parses a geometry and reports a problem instead of throwing.</summary>
    public static (Geometry? Geometry, string? Problem) TryParse(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
        {
            return (null, null);
        }
        try
        {
            var g = Parse(geoJson);
            return (g, Problem(g));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return (null, "The boundary is not readable GeoJSON.");
        }
    }

    public static Polygon Rectangle(double south, double west, double north, double east) =>
        new GeometryFactory().CreatePolygon(
        [
            new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
            new Coordinate(west, north), new Coordinate(west, south),
        ]);
}
