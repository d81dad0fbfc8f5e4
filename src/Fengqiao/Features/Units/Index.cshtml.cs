using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fengqiao.Features.Units;

public sealed class IndexModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public UnitKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Page<UnitDto> Units { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Units = await UnitEndpoints.Project(UnitEndpoints.Filter(db, Area, Kind, Q, Sort)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
}
