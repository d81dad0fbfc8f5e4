using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Board;

public sealed record BoardListItem(string Code, string NameZh, string NameEn, string? TownshipZh, string? TownshipEn);

/// <summary>Find a community's public police board by name or code. Anyone may search.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SearchModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<BoardListItem> Communities { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.Level == AreaLevel.Community);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.LikeContains(Q);
            var code = Q.Trim();
            query = query.Where(a => EF.Functions.Like(a.NameZh, like, "\\") || EF.Functions.Like(a.NameEn, like, "\\") || a.Code.StartsWith(code));
        }
        Communities = await query.OrderBy(a => a.Code)
            .Select(a => new BoardListItem(a.Code, a.NameZh, a.NameEn,
                a.Parent != null ? a.Parent.NameZh : null, a.Parent != null ? a.Parent.NameEn : null))
            .ToPageAsync(PageNumber, Paging.DefaultSize, ct);
    }
}
