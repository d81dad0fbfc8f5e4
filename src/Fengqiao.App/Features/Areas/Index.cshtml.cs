using Fengqiao.Features.Units;

namespace Fengqiao.Features.Areas;

/// <summary>Browse the area tree within your jurisdiction: an area, its ancestors, its children on a list and a map.</summary>
public sealed class IndexModel(AppDb db, IConfiguration config) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public AreaDetailDto? Detail { get; private set; }
    public Page<AreaDto> Children { get; private set; } = null!;
    public int UnitCount { get; private set; }
    public string? TileUrl => config["Map:TileUrl"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IQueryable<Area> children;
        if (Code is not null)
        {
            var area = await db.Areas.AsNoTracking().Include(a => a.Parent).FirstOrDefaultAsync(a => a.Code == Code, ct);
            if (area is null)
            {
                return NotFound();
            }
            Detail = await AreaEndpoints.DetailAsync(db, area, ct);
            UnitCount = await db.Units.CountAsync(u => u.AreaId == area.Id, ct);
            children = string.IsNullOrWhiteSpace(Q)
                ? db.Areas.Where(a => a.ParentId == area.Id)
                : db.Areas.Where(a => a.Path.StartsWith(area.Path) && a.Id != area.Id);
        }
        else
        {
            children = string.IsNullOrWhiteSpace(Q)
                ? db.TopAreas()
                : db.Areas;
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.LikeContains(Q);
            children = children.Where(a => EF.Functions.Like(a.NameZh, like, "\\") || EF.Functions.Like(a.NameEn, like, "\\") || a.Code.StartsWith(Q.Trim()));
        }
        children = Sort switch
        {
            "name" => children.OrderBy(a => a.NameEn),
            "-name" => children.OrderByDescending(a => a.NameEn),
            "-code" => children.OrderByDescending(a => a.Code),
            _ => children.OrderBy(a => a.Code),
        };
        Children = await children.AsNoTracking()
            .Select(a => new AreaDto(a.Code, a.NameZh, a.NameEn, a.Level, null, a.Path, a.CentreLat, a.CentreLng, a.BoundaryGeoJson != null, a.Version))
            .ToPageAsync(PageNumber, Paging.DefaultSize, ct);
        return Page();
    }
}
