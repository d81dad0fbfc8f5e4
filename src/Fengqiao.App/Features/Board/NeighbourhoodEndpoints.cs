using System.Text.Json;
using System.Text.Json.Serialization;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;
using NetTopologySuite.Geometries;

namespace Fengqiao.Features.Board;

// The public neighbourhood API, in the shape of data.police.uk's (https://data.police.uk/docs/):
// a "force" is a city public security bureau (id = the city's area code), a "neighbourhood" is a community.

public sealed record ForceDto(string Id, string Name);

public sealed record NeighbourhoodSummaryDto(string Id, string Name);

public sealed record CentreDto(string Latitude, string Longitude);

public sealed record LocationDto(string Name, string Type, string? Address);

public sealed record LinkDto(string Url, string Title, string? Description);

public sealed record NeighbourhoodDto(
    string Id,
    string Name,
    string? Description,
    [property: JsonPropertyName("url_force")] string UrlForce,
    [property: JsonPropertyName("contact_details")] IReadOnlyDictionary<string, string> ContactDetails,
    CentreDto? Centre,
    IReadOnlyList<LinkDto> Links,
    IReadOnlyList<LocationDto> Locations,
    int? Population);

public sealed record BoundaryPointDto(string Latitude, string Longitude);

public sealed record OfficerDto(
    string Name,
    string Rank,
    string? Bio,
    [property: JsonPropertyName("contact_details")] IReadOnlyDictionary<string, string> ContactDetails);

public sealed record PriorityDto(
    string Issue,
    [property: JsonPropertyName("issue-date")] DateOnly IssueDate,
    string? Action,
    [property: JsonPropertyName("action-date")] DateOnly? ActionDate);

public sealed record EventDto(
    string Title,
    string? Description,
    string Address,
    string Type,
    [property: JsonPropertyName("start_date")] DateTimeOffset StartDate,
    [property: JsonPropertyName("end_date")] DateTimeOffset? EndDate,
    [property: JsonPropertyName("contact_details")] IReadOnlyDictionary<string, string> ContactDetails);

public sealed record LocatedNeighbourhoodDto(string Force, string Neighbourhood);

public static class NeighbourhoodEndpoints
{
    private static readonly IReadOnlyDictionary<string, string> NoContact = new Dictionary<string, string>();

    public static IEndpointRouteBuilder MapNeighbourhoods(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/neighbourhoods").WithTags("Community police board").AllowAnonymous();
        group.MapGet("/forces", Forces).WithName("ListForces").WithSummary("City public security bureaus (id = the city's area code).");
        group.MapGet("/locate-neighbourhood", Locate).WithName("LocateNeighbourhood")
            .WithSummary("The force and neighbourhood (community) that contain q=latitude,longitude (WGS-84).");
        group.MapGet("/{force}/neighbourhoods", Neighbourhoods).WithName("ListNeighbourhoods").WithSummary("The communities of a city.");
        group.MapGet("/{force}/{id}", Neighbourhood).WithName("GetNeighbourhood").WithSummary("A community: name, centre, the station serving it.");
        group.MapGet("/{force}/{id}/boundary", Boundary).WithName("NeighbourhoodBoundary").WithSummary("The community's boundary (exterior ring).");
        group.MapGet("/{force}/{id}/people", People).WithName("NeighbourhoodPeople")
            .WithSummary("The community police officer(s), committee cadres and grid officers; contact is through their unit.");
        group.MapGet("/{force}/{id}/priorities", Priorities).WithName("NeighbourhoodPriorities");
        group.MapGet("/{force}/{id}/events", Events).WithName("NeighbourhoodEvents").WithSummary("Upcoming events, soonest first.");
        return app;
    }

    private static async Task<Ok<List<ForceDto>>> Forces(AppDb db, CancellationToken ct)
    {
        var bureaus = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Kind == UnitKind.CityBureau && u.Area!.Level == AreaLevel.City)
            .OrderBy(u => u.Area!.Code)
            .Select(u => new { u.Area!.Code, u.NameZh, u.NameEn })
            .ToListAsync(ct);
        return TypedResults.Ok(bureaus.DistinctBy(b => b.Code).Select(b => new ForceDto(b.Code, LocalizationSetup.Pick(b.NameZh, b.NameEn))).ToList());
    }

    private static async Task<Results<Ok<List<NeighbourhoodSummaryDto>>, NotFound>> Neighbourhoods(AppDb db, string force, CancellationToken ct)
    {
        var city = await ForceAsync(db, force, ct);
        if (city is null)
        {
            return TypedResults.NotFound();
        }
        var communities = await db.Areas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Level == AreaLevel.Community && a.Path.StartsWith(city))
            .OrderBy(a => a.Code)
            .Select(a => new { a.Code, a.NameZh, a.NameEn })
            .ToListAsync(ct);
        return TypedResults.Ok(communities.Select(c => new NeighbourhoodSummaryDto(c.Code, LocalizationSetup.Pick(c.NameZh, c.NameEn))).ToList());
    }

    private static async Task<Results<Ok<NeighbourhoodDto>, NotFound>> Neighbourhood(
        AppDb db, IStringLocalizer<SharedResource> l, HttpRequest request, string force, string id, CancellationToken ct)
    {
        var community = await CommunityAsync(db, force, id, ct);
        if (community is null)
        {
            return TypedResults.NotFound();
        }
        var station = await BoardQueries.StationAsync(db, community, ct);
        var name = LocalizationSetup.Pick(community.NameZh, community.NameEn);
        var boardUrl = $"{request.Scheme}://{request.Host}/board/{Uri.EscapeDataString(community.Code)}";
        var contact = new Dictionary<string, string> { ["web"] = boardUrl };
        if (station?.Address is { } address)
        {
            contact["address"] = address;
        }
        var locations = station is null
            ? new List<LocationDto>()
            : [new LocationDto(LocalizationSetup.Pick(station.NameZh, station.NameEn), "station", station.Address)];
        var description = station is null
            ? null
            : l["{0} is served by {1}.", name, LocalizationSetup.Pick(station.NameZh, station.NameEn)].Value;
        return TypedResults.Ok(new NeighbourhoodDto(
            community.Code, name, description, boardUrl, contact, Centre(community), [], locations, null));
    }

    private static async Task<Results<Ok<List<BoundaryPointDto>>, NotFound>> Boundary(AppDb db, string force, string id, CancellationToken ct)
    {
        var community = await CommunityAsync(db, force, id, ct);
        if (community is null)
        {
            return TypedResults.NotFound();
        }
        var ring = ExteriorRing(community.BoundaryGeoJson);
        return TypedResults.Ok(ring.Select(c => new BoundaryPointDto(Degrees(c.Y), Degrees(c.X))).ToList());
    }

    private static async Task<Results<Ok<List<OfficerDto>>, NotFound>> People(
        AppDb db, LocalClock clock, IStringLocalizer<SharedResource> l, string force, string id, CancellationToken ct)
    {
        var community = await CommunityAsync(db, force, id, ct);
        if (community is null)
        {
            return TypedResults.NotFound();
        }
        var station = await BoardQueries.StationAsync(db, community, ct);
        var committee = await BoardQueries.CommitteeAsync(db, community, ct);
        var people = await BoardQueries.PeopleAsync(db, clock.Today, station, committee, community, ct);
        return TypedResults.Ok(people.Select(p => new OfficerDto(
            LocalizationSetup.Pick(p.NameZh, p.NameEn),
            l.Enum(p.Role),
            Bio(l, p),
            UnitContact(p.Unit))).ToList());
    }

    private static async Task<Results<Ok<List<PriorityDto>>, NotFound>> Priorities(AppDb db, string force, string id, CancellationToken ct)
    {
        var community = await CommunityAsync(db, force, id, ct);
        if (community is null)
        {
            return TypedResults.NotFound();
        }
        var priorities = await BoardQueries.PrioritiesAsync(db, community, ct);
        return TypedResults.Ok(priorities.Select(p => new PriorityDto(
            LocalizationSetup.Pick(p.IssueZh, p.IssueEn),
            p.IssueDate,
            p.ActionZh is null || p.ActionEn is null ? p.ActionZh ?? p.ActionEn : LocalizationSetup.Pick(p.ActionZh, p.ActionEn),
            p.ActionDate)).ToList());
    }

    private static async Task<Results<Ok<List<EventDto>>, NotFound>> Events(
        AppDb db, LocalClock clock, string force, string id, CancellationToken ct)
    {
        var community = await CommunityAsync(db, force, id, ct);
        if (community is null)
        {
            return TypedResults.NotFound();
        }
        var events = await BoardQueries.EventsAsync(db, clock.Now, community, ct);
        return TypedResults.Ok(events.Select(e => new EventDto(
            LocalizationSetup.Pick(e.TitleZh, e.TitleEn),
            e.DescriptionZh is null || e.DescriptionEn is null ? e.DescriptionZh ?? e.DescriptionEn : LocalizationSetup.Pick(e.DescriptionZh, e.DescriptionEn),
            e.Address,
            e.Kind,
            clock.ToLocal(e.StartsAt),
            e.EndsAt is { } end ? clock.ToLocal(end) : null,
            NoContact)).ToList());
    }

    private static async Task<Results<Ok<LocatedNeighbourhoodDto>, NotFound, ValidationProblem>> Locate(
        GridLocator locator, ChecksFactory checks, string? q, CancellationToken ct)
    {
        var parts = (q ?? "").Split(',', StringSplitOptions.TrimEntries);
        double lat = 0, lng = 0;
        var readable = parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out lng)
            && lat is >= -90 and <= 90 && lng is >= -180 and <= 180;
        if (!readable)
        {
            return checks.Create().Add("q", "Give q as latitude,longitude in degrees, e.g. q=43.88,125.32.").Problem();
        }
        var grid = await locator.LocateAsync(lat, lng, ct);
        var segments = grid is null ? [] : BoardQueries.Segments(grid.Path);
        if (segments.Length < 5)
        {
            return TypedResults.NotFound();
        }
        // The grid's community is the fifth level: province/city/county/township/community.
        return TypedResults.Ok(new LocatedNeighbourhoodDto(segments[1], segments[4]));
    }

    /// <summary>The path of a force's city, or null when no city bureau has that code.</summary>
    private static Task<string?> ForceAsync(AppDb db, string force, CancellationToken ct) =>
        db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Kind == UnitKind.CityBureau && u.Area!.Code == force && u.Area.Level == AreaLevel.City)
            .Select(u => u.Area!.Path)
            .FirstOrDefaultAsync(ct);

    /// <summary>A community of that force, or null (unknown force, unknown community, or a community of another city).</summary>
    private static async Task<BoardArea?> CommunityAsync(AppDb db, string force, string id, CancellationToken ct)
    {
        var community = await BoardQueries.CommunityAsync(db, id, ct);
        if (community is null || community.CityCode != force)
        {
            return null;
        }
        return await ForceAsync(db, force, ct) is null ? null : community;
    }

    internal static string Degrees(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);

    private static CentreDto? Centre(BoardArea community)
    {
        if (community.CentreLat is { } lat && community.CentreLng is { } lng)
        {
            return new CentreDto(Degrees(lat), Degrees(lng));
        }
        var ring = ExteriorRing(community.BoundaryGeoJson);
        if (ring.Count == 0)
        {
            return null;
        }
        var box = new Envelope();
        foreach (var c in ring)
        {
            box.ExpandToInclude(c);
        }
        return new CentreDto(Degrees(box.Centre.Y), Degrees(box.Centre.X));
    }

    /// <summary>The exterior ring of a boundary (of its largest part, for a multipolygon); empty when there is none.</summary>
    internal static IReadOnlyList<Coordinate> ExteriorRing(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
        {
            return [];
        }
        try
        {
            var polygon = Boundaries.Parse(geoJson) switch
            {
                Polygon p => p,
                MultiPolygon m => m.Geometries.OfType<Polygon>().OrderByDescending(p => p.Area).FirstOrDefault(),
                _ => null,
            };
            return polygon is null ? [] : polygon.ExteriorRing.Coordinates;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    private static string? Bio(IStringLocalizer l, BoardPerson p)
    {
        var roles = p.OtherRoles.Select(r => l.Enum(r)).ToList();
        return roles.Count == 0 ? p.Title : l["Also: {0}", string.Join(LocalizationSetup.IsChinese ? "、" : ", ", roles)].Value;
    }

    private static Dictionary<string, string> UnitContact(BoardUnit unit)
    {
        var contact = new Dictionary<string, string> { ["unit"] = LocalizationSetup.Pick(unit.NameZh, unit.NameEn) };
        if (unit.Address is { } address)
        {
            contact["address"] = address;
        }
        return contact;
    }
}
