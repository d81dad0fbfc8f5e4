using System.Text.RegularExpressions;

namespace Fengqiao.Features.Areas;

public sealed record AreaInput(
    string? Code, string? ParentCode, string? NameZh, string? NameEn, AreaLevel? Level,
    string? BoundaryGeoJson, double? Lat, double? Lng, long? Version);

/// <summary>The rules for adding and changing areas, shared by the API, the pages and the GeoJSON import.</summary>
public static partial class AreaCommands
{
    [GeneratedRegex("^[0-9]{2,15}$")]
    private static partial Regex CodeShape();

    public static async Task<Area?> CreateAsync(AppDb db, Checks checks, AreaInput input, CancellationToken ct)
    {
        checks.Required("code", input.Code, 15)
            .When(input.Code is { Length: > 0 } c && !CodeShape().IsMatch(c), "code", "A code is 2 to 15 digits.")
            .Required("nameZh", input.NameZh, 100)
            .Required("nameEn", input.NameEn, 100)
            .When(input.Level is null || !Enum.IsDefined(input.Level.Value), "level", "Choose a level.");
        CheckPoint(checks, input);

        Area? parent = null;
        if (string.IsNullOrWhiteSpace(input.ParentCode))
        {
            checks.When(input.Level is not null and not AreaLevel.Province, "parentCode", "Only a province has no parent area.");
        }
        else
        {
            // Local first: an import adds a parent and its children before saving.
            parent = db.Areas.Local.FirstOrDefault(a => a.Code == input.ParentCode)
                ?? await db.Areas.FirstOrDefaultAsync(a => a.Code == input.ParentCode, ct);
            checks.When(parent is null, "parentCode", "There is no area with code {0}.", input.ParentCode);
        }
        if (parent is not null && input.Level is not null)
        {
            checks.When(input.Level != parent.Level + 1, "level", "Below a {0} comes the next level down.", parent.Level);
            checks.When(input.Code is { } code && (!code.StartsWith(parent.Code, StringComparison.Ordinal) || code.Length <= parent.Code.Length),
                "code", "The code of an area starts with its parent's code ({0}).", parent.Code);
        }
        var (_, boundaryProblem) = Boundaries.TryParse(input.BoundaryGeoJson);
        checks.When(boundaryProblem is not null, "boundary", boundaryProblem ?? "");
        if (checks.Ok && (db.Areas.Local.Any(a => a.Code == input.Code)
            || await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == input.Code, ct)))
        {
            checks.Add("code", "The code {0} is already used.", input.Code!);
        }
        if (!checks.Ok)
        {
            return null;
        }

        var area = new Area
        {
            Code = input.Code!,
            NameZh = input.NameZh!.Trim(),
            NameEn = input.NameEn!.Trim(),
            Level = input.Level!.Value,
            Parent = parent,
            Path = Area.ChildPath(parent?.Path, input.Code!),
            BoundaryGeoJson = string.IsNullOrWhiteSpace(input.BoundaryGeoJson) ? null : input.BoundaryGeoJson,
        };
        SetCentre(area, input);
        db.Areas.Add(area);
        return area;
    }

    /// <summary>Renames an area or changes its boundary. Code, level and parent are its identity and stay.</summary>
    public static bool Update(Checks checks, Area area, AreaInput input)
    {
        checks.Required("nameZh", input.NameZh, 100).Required("nameEn", input.NameEn, 100);
        CheckPoint(checks, input);
        var (_, boundaryProblem) = Boundaries.TryParse(input.BoundaryGeoJson);
        checks.When(boundaryProblem is not null, "boundary", boundaryProblem ?? "");
        if (!checks.Ok)
        {
            return false;
        }
        area.NameZh = input.NameZh!.Trim();
        area.NameEn = input.NameEn!.Trim();
        area.BoundaryGeoJson = string.IsNullOrWhiteSpace(input.BoundaryGeoJson) ? null : input.BoundaryGeoJson;
        SetCentre(area, input);
        return true;
    }

    private static void CheckPoint(Checks checks, AreaInput input)
    {
        checks.When(input.Lat is < -90 or > 90, "lat", "Latitude is between -90 and 90.")
            .When(input.Lng is < -180 or > 180, "lng", "Longitude is between -180 and 180.");
    }

    private static void SetCentre(Area area, AreaInput input)
    {
        if (input.Lat is not null && input.Lng is not null)
        {
            (area.CentreLat, area.CentreLng) = (input.Lat, input.Lng);
        }
        else if (area.BoundaryGeoJson is not null)
        {
            var c = Boundaries.Parse(area.BoundaryGeoJson).Centroid;
            (area.CentreLat, area.CentreLng) = (Math.Round(c.Y, 6), Math.Round(c.X, 6));
        }
    }
}
