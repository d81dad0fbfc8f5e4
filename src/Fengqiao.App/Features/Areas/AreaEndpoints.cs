using Fengqiao.Features.Units;

namespace Fengqiao.Features.Areas;

public sealed record AreaDto(
    string Code, string NameZh, string NameEn, AreaLevel Level, string? ParentCode, string Path,
    double? Lat, double? Lng, bool HasBoundary, long Version);

public sealed record AreaDetailDto(AreaDto Area, IReadOnlyList<AreaDto> Ancestors, int ChildCount, string? BoundaryGeoJson);

public sealed record LocateDto(AreaDto Grid, IReadOnlyList<AreaDto> Ancestors);

public static class AreaEndpoints
{
    public static IEndpointRouteBuilder MapAreas(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/areas").WithTags("Areas").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).WithName("ListAreas").WithSummary("Areas in your jurisdiction: children of a parent, or a search.");
        group.MapGet("/locate", Locate).WithName("LocateGrid").WithSummary("The grid that contains a coordinate (WGS-84).");
        group.MapGet("/{code}", Get).WithName("GetArea");
        group.MapGet("/{code}/children.geojson", ChildBoundaries).WithName("ChildBoundaries")
            .WithSummary("Boundaries of the area's children as a GeoJSON FeatureCollection, for maps.");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageAreas).WithName("CreateArea");
        group.MapPut("/{code}", Update).RequireAuthorization(Policies.ManageAreas).WithName("UpdateArea");
        group.MapDelete("/{code}", Delete).RequireAuthorization(Policies.ManageAreas).WithName("DeleteArea");
        group.MapPost("/import", Import).RequireAuthorization(Policies.ManageAreas).WithName("ImportAreas")
            .WithSummary("Import areas and boundaries from a GeoJSON FeatureCollection; all or nothing.")
            .DisableAntiforgery();
        return app;
    }

    internal static AreaDto ToDto(Area a, string? parentCode) =>
        new(a.Code, a.NameZh, a.NameEn, a.Level, parentCode, a.Path, a.CentreLat, a.CentreLng, a.BoundaryGeoJson != null, a.Version);

    private static IQueryable<AreaDto> Project(IQueryable<Area> q) =>
        q.Select(a => new AreaDto(a.Code, a.NameZh, a.NameEn, a.Level, a.Parent != null ? a.Parent.Code : null, a.Path,
            a.CentreLat, a.CentreLng, a.BoundaryGeoJson != null, a.Version));

    private static async Task<Ok<Page<AreaDto>>> List(
        AppDb db, string? parent, string? q, AreaLevel? level, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Areas.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(parent))
        {
            query = query.Where(a => a.Parent!.Code == parent);
        }
        else if (string.IsNullOrWhiteSpace(q) && level is null)
        {
            // No parent, no search: the top of what the caller can see.
            query = db.TopAreas().AsNoTracking();
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(a => EF.Functions.Like(a.NameZh, like, "\\") || EF.Functions.Like(a.NameEn, like, "\\") || a.Code.StartsWith(q.Trim()));
        }
        if (level is not null)
        {
            query = query.Where(a => a.Level == level);
        }
        query = sort switch
        {
            "name" => query.OrderBy(a => a.NameEn),
            "-name" => query.OrderByDescending(a => a.NameEn),
            "-code" => query.OrderByDescending(a => a.Code),
            _ => query.OrderBy(a => a.Code),
        };
        return TypedResults.Ok(await Project(query).ToPageAsync(page, pageSize, ct));
    }

    private static async Task<Results<Ok<AreaDetailDto>, NotFound>> Get(AppDb db, string code, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().Include(a => a.Parent).FirstOrDefaultAsync(a => a.Code == code, ct);
        if (area is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await DetailAsync(db, area, ct));
    }

    internal static async Task<AreaDetailDto> DetailAsync(AppDb db, Area area, CancellationToken ct)
    {
        var ancestorCodes = area.Path.Trim('/').Split('/')[..^1];
        var ancestors = await Project(db.Areas.AsNoTracking().Where(a => ancestorCodes.Contains(a.Code)).OrderBy(a => a.Level)).ToListAsync(ct);
        var children = await db.Areas.CountAsync(a => a.ParentId == area.Id, ct);
        return new AreaDetailDto(ToDto(area, area.Parent?.Code), ancestors, children, area.BoundaryGeoJson);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> ChildBoundaries(AppDb db, string code, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (area is null)
        {
            return TypedResults.NotFound();
        }
        var children = await db.Areas.AsNoTracking().Where(a => a.ParentId == area.Id && a.BoundaryGeoJson != null)
            .Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level, a.BoundaryGeoJson }).ToListAsync(ct);
        var features = children.Select(c =>
            $$"""{"type":"Feature","properties":{"code":"{{c.Code}}","nameZh":{{System.Text.Json.JsonSerializer.Serialize(c.NameZh)}},"nameEn":{{System.Text.Json.JsonSerializer.Serialize(c.NameEn)}},"level":"{{c.Level}}"},"geometry":{{c.BoundaryGeoJson}}}""");
        return TypedResults.Content($$"""{"type":"FeatureCollection","features":[{{string.Join(',', features)}}]}""", "application/geo+json");
    }

    private static async Task<Results<Ok<LocateDto>, NotFound, ValidationProblem>> Locate(
        AppDb db, GridLocator locator, ChecksFactory checks, double? lat, double? lng, CancellationToken ct)
    {
        var c = checks.Create()
            .When(lat is null or < -90 or > 90, "lat", "Latitude is between -90 and 90.")
            .When(lng is null or < -180 or > 180, "lng", "Longitude is between -180 and 180.");
        if (!c.Ok)
        {
            return c.Problem();
        }
        var found = await locator.LocateAsync(lat!.Value, lng!.Value, ct);
        // The index holds every grid; the scope filter decides whether the caller may know of it.
        var grid = found is null ? null : await db.Areas.AsNoTracking().Include(a => a.Parent).FirstOrDefaultAsync(a => a.Id == found.Id, ct);
        if (grid is null)
        {
            return TypedResults.NotFound();
        }
        var detail = await DetailAsync(db, grid, ct);
        return TypedResults.Ok(new LocateDto(detail.Area, detail.Ancestors));
    }

    private static async Task<Results<Created<AreaDto>, ValidationProblem>> Create(
        AppDb db, ChecksFactory checks, GridLocator locator, AreaInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var area = await AreaCommands.CreateAsync(db, c, input, ct);
        if (area is null)
        {
            return c.Problem();
        }
        await db.SaveChangesAsync(ct);
        locator.Invalidate();
        return TypedResults.Created($"/api/areas/{area.Code}", ToDto(area, input.ParentCode));
    }

    private static async Task<Results<Ok<AreaDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Update(
        AppDb db, ChecksFactory checks, GridLocator locator, IStringLocalizer<SharedResource> l, string code, AreaInput input, CancellationToken ct)
    {
        var area = await db.Areas.Include(a => a.Parent).FirstOrDefaultAsync(a => a.Code == code, ct);
        if (area is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().When(input.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok || !AreaCommands.Update(c, area, input))
        {
            return c.Problem();
        }
        var parentCode = area.Parent?.Code;
        if (!await db.SaveVersionedAsync(area, input.Version!.Value, ct))
        {
            return Problems.Conflict(l, ToDto(await db.Areas.AsNoTracking().FirstAsync(a => a.Code == code, ct), parentCode));
        }
        locator.Invalidate();
        return TypedResults.Ok(ToDto(area, area.Parent?.Code));
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> Delete(
        AppDb db, GridLocator locator, IStringLocalizer<SharedResource> l, string code, CancellationToken ct)
    {
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Code == code, ct);
        if (area is null)
        {
            return TypedResults.NotFound();
        }
        var inUse = await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.ParentId == area.Id, ct)
            || await db.Units.IgnoreQueryFilters().AnyAsync(u => u.AreaId == area.Id, ct);
        if (inUse)
        {
            return Problems.Duplicate(l, "This area still has child areas or units; move or remove them first.");
        }
        db.Areas.Remove(area);
        await db.SaveChangesAsync(ct);
        locator.Invalidate();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(
        AppDb db, ChecksFactory checks, GridLocator locator, HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        var report = checks.Create();
        var result = await AreaImport.RunAsync(db, checks, report, text, ct);
        if (result is null)
        {
            return report.Problem();
        }
        locator.Invalidate();
        return TypedResults.Ok(result);
    }
}
