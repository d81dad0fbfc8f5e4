using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Secondments;

namespace Fengqiao.Features.Units;

public sealed record UnitDto(
    int Id, string Code, string NameZh, string NameEn, UnitKind Kind, string AreaCode, string? AreaNameZh, string? AreaNameEn,
    int? ParentUnitId, double? Lat, double? Lng, string? Address, long Version);

public sealed record UnitInput(
    string? Code, string? NameZh, string? NameEn, UnitKind? Kind, string? AreaCode, int? ParentUnitId,
    double? Lat, double? Lng, string? Address, long? Version);

public static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").WithTags("Units").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).WithName("ListUnits").WithSummary("Units in your jurisdiction, searchable and paged.");
        group.MapGet("/{id:int}", Get).WithName("GetUnit");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageAreas).WithName("CreateUnit");
        group.MapPut("/{id:int}", Update).RequireAuthorization(Policies.ManageAreas).WithName("UpdateUnit");
        group.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.ManageAreas).WithName("DeleteUnit");
        return app;
    }

    /// <summary>
    /// A unit above the caller (the bureau that sent an officer down) is visible; its area is not (areas stay the caller's own
    /// subtrees, as they decide what may be done where), so the area is joined as optional: its code comes from the unit's
    /// path, its names only where the caller sees the area.
    /// </summary>
    internal static IQueryable<UnitDto> Project(AppDb db, IQueryable<Unit> q) =>
        from u in q
        join area in db.Areas on u.AreaId equals area.Id into areas
        from a in areas.DefaultIfEmpty()
        select new UnitDto(u.Id, u.Code, u.NameZh, u.NameEn, u.Kind, AreaCodeOf(u.AreaPath), a == null ? null : a.NameZh, a == null ? null : a.NameEn,
            u.ParentUnitId, u.Lat, u.Lng, u.Address, u.Version);

    /// <summary>"/22/2201/220104/" → "220104".</summary>
    public static string AreaCodeOf(string path) => path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];

    /// <summary>The units the caller may act in (post people to, open outlets at): their own subtrees, not the chain above.</summary>
    internal static IQueryable<Unit> Governed(AppDb db)
    {
        var above = db.Jurisdiction.Above;
        return db.Units.AsNoTracking().Where(u => !above.Contains(u.AreaPath));
    }

    /// <summary>Units filtered for lists: by the area subtree, kind and a search over names and code.</summary>
    internal static IQueryable<Unit> Filter(AppDb db, string? area, UnitKind? kind, string? q, string? sort)
    {
        var query = db.Units.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area);
            query = query.UnderPath(u => u.AreaPath, prefix);
        }
        if (kind is not null)
        {
            query = query.Where(u => u.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(u => EF.Functions.Like(u.NameZh, like, "\\") || EF.Functions.Like(u.NameEn, like, "\\") || u.Code == q.Trim());
        }
        return sort switch
        {
            "name" => query.OrderBy(u => u.NameEn),
            "-name" => query.OrderByDescending(u => u.NameEn),
            "kind" => query.OrderBy(u => u.Kind).ThenBy(u => u.AreaPath),
            "-code" => query.OrderByDescending(u => u.Code),
            "code" => query.OrderBy(u => u.Code),
            _ => query.OrderBy(u => u.AreaPath).ThenBy(u => u.Kind),
        };
    }

    private static async Task<Ok<Page<UnitDto>>> List(
        AppDb db, string? area, UnitKind? kind, string? q, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Project(db, Filter(db, area, kind, q, sort)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<UnitDto>, NotFound>> Get(AppDb db, int id, CancellationToken ct) =>
        await Project(db, db.Units.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(ct) is { } dto
            ? TypedResults.Ok(dto)
            : TypedResults.NotFound();

    private static async Task<Results<Created<UnitDto>, ValidationProblem>> Create(AppDb db, ChecksFactory checks, UnitInput input, CancellationToken ct)
    {
        var c = checks.Create().Required("code", input.Code, 32);
        var unit = new Unit { Code = input.Code?.Trim() ?? "", NameZh = "", NameEn = "", AreaPath = "" };
        await ApplyAsync(db, c, unit, input, ct);
        if (c.Ok && await db.Units.IgnoreQueryFilters().AnyAsync(u => u.Code == unit.Code, ct))
        {
            c.Add("code", "The code {0} is already used.", unit.Code);
        }
        if (!c.Ok)
        {
            return c.Problem();
        }
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/units/{unit.Id}", await Project(db, db.Units.Where(u => u.Id == unit.Id)).FirstAsync(ct));
    }

    private static async Task<Results<Ok<UnitDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Update(
        AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, UnitInput input, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().When(input.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        await ApplyAsync(db, c, unit, input, ct);
        if (!c.Ok)
        {
            return c.Problem();
        }
        var oldPath = db.Entry(unit).Property(u => u.AreaPath).OriginalValue;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.SaveVersionedAsync(unit, input.Version!.Value, ct))
        {
            return Problems.Conflict(l, await Project(db, db.Units.AsNoTracking().Where(u => u.Id == id)).FirstAsync(ct));
        }
        if (oldPath != unit.AreaPath)
        {
            // The copies of the unit's area path move with it, or the scope filter would misplace them.
            await db.Posts.IgnoreQueryFilters().Where(p => p.UnitId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AreaPath, unit.AreaPath), ct);
            await db.People.IgnoreQueryFilters().Where(p => p.HomeUnitId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HomeAreaPath, unit.AreaPath), ct);
            await db.Secondments.IgnoreQueryFilters().Where(s => s.ToUnitId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ToAreaPath, unit.AreaPath), ct);
            await db.Secondments.IgnoreQueryFilters().Where(s => s.FromUnitId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.FromAreaPath, unit.AreaPath), ct);
        }
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await Project(db, db.Units.AsNoTracking().Where(u => u.Id == id)).FirstAsync(ct));
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> Delete(
        AppDb db, IStringLocalizer<SharedResource> l, int id, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.Posts.IgnoreQueryFilters().AnyAsync(p => p.UnitId == id, ct)
            || await db.People.IgnoreQueryFilters().AnyAsync(p => p.HomeUnitId == id, ct)
            || await db.Units.IgnoreQueryFilters().AnyAsync(u => u.ParentUnitId == id, ct))
        {
            return Problems.Duplicate(l, "This unit still has people, posts or subordinate units.");
        }
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(AppDb db, Checks c, Unit unit, UnitInput input, CancellationToken ct)
    {
        c.Required("nameZh", input.NameZh, 100).Required("nameEn", input.NameEn, 150).Optional("address", input.Address, 200)
            .When(input.Kind is null || !Enum.IsDefined(input.Kind.Value), "kind", "Choose a kind of unit.")
            .When(input.Lat is < -90 or > 90, "lat", "Latitude is between -90 and 90.")
            .When(input.Lng is < -180 or > 180, "lng", "Longitude is between -180 and 180.");
        var area = string.IsNullOrWhiteSpace(input.AreaCode) ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == input.AreaCode, ct);
        c.When(area is null, "areaCode", "There is no area with code {0}.", input.AreaCode ?? "");
        if (input.ParentUnitId is { } parentId)
        {
            c.When(parentId == unit.Id || !await db.Units.AnyAsync(u => u.Id == parentId, ct), "parentUnitId", "Choose an existing parent unit.");
        }
        if (!c.Ok)
        {
            return;
        }
        unit.NameZh = input.NameZh!.Trim();
        unit.NameEn = input.NameEn!.Trim();
        unit.Kind = input.Kind!.Value;
        unit.AreaId = area!.Id;
        unit.AreaPath = area.Path;
        unit.ParentUnitId = input.ParentUnitId;
        unit.Lat = input.Lat;
        unit.Lng = input.Lng;
        unit.Address = input.Address?.Trim();
    }
}
