using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Disputes;

/// <summary>The numbers for an area and period; every number opens the worklist behind it, every child area drills down.</summary>
public sealed class StatsModel(AppDb db, LocalClock clock, DisputeCategories categories) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public DisputeStats Stats { get; private set; } = null!;
    public Dictionary<string, string> ChildNames { get; private set; } = [];
    public string AreaName { get; private set; } = "";
    public DisputeCategories Categories => categories;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        if (Area is null)
        {
            // Start from the top of what the viewer can see.
            Area = await db.TopAreas().AsNoTracking().OrderBy(a => a.Path).Select(a => a.Code).FirstOrDefaultAsync(ct);
        }
        var stats = await DisputeQueries.StatsAsync(db, Area, From.Value, To.Value, today, ct);
        if (stats is null)
        {
            return NotFound();
        }
        Stats = stats;
        var codes = stats.ByChildArea.Select(r => r.Key).ToList();
        ChildNames = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, a => Infrastructure.Localization.LocalizationSetup.Pick(a.NameZh, a.NameEn), ct);
        AreaName = Area is null ? "" : await db.Areas.AsNoTracking().Where(a => a.Code == Area)
            .Select(a => Infrastructure.Localization.LocalizationSetup.IsChinese ? a.NameZh : a.NameEn).FirstOrDefaultAsync(ct) ?? "";
        return Page();
    }

    public string Worklist(string extra = "") =>
        $"/disputes?area={Area}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}{extra}";

    public string Resolved(string extra = "") =>
        $"/disputes?area={Area}&resolvedFrom={From:yyyy-MM-dd}&resolvedTo={To:yyyy-MM-dd}{extra}";
}
