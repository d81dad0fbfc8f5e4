using Fengqiao.Features.Areas;

namespace Fengqiao.Features.PublicServices;

/// <summary>An area of the tree as the service pages name it.</summary>
public sealed record ServiceArea(int Id, string Code, string Path, string NameZh, string NameEn)
{
    public string Name => LocalizationSetup.Pick(NameZh, NameEn);
}

/// <summary>
/// The one-window numbers of an area subtree and period (<see cref="ServiceStats"/>): services handled,
/// completion within the legal time limit, waiting time, good and bad reviews, comprehensive windows.
/// </summary>
public sealed class StatsModel(AppDb db, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public ServiceNumbers Numbers { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public IReadOnlyList<ServiceArea> Children { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ServiceNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> OutletNamesEn { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        if (To < From)
        {
            ModelState.AddModelError("to", l["The end date cannot be before the start date."]);
        }
        var area = string.IsNullOrWhiteSpace(Area) ? await TopAreaAsync(db, ct) : await AreaAsync(db, Area.Trim(), ct);
        if (area is null && !string.IsNullOrWhiteSpace(Area))
        {
            ModelState.AddModelError("area", l["There is no area with code {0}.", Area.Trim()]);
        }
        // Without an area the query filters still confine every number to the viewer's jurisdiction.
        var prefix = area?.Path ?? (string.IsNullOrWhiteSpace(Area) ? "/" : AppDb.NoArea);
        if (area is not null)
        {
            Area = area.Code;
            AreaName = area.Name;
            Children = await db.Areas.AsNoTracking().Where(a => a.ParentId == area.Id).OrderBy(a => a.Code)
                .Select(a => new ServiceArea(a.Id, a.Code, a.Path, a.NameZh, a.NameEn)).ToListAsync(ct);
        }
        Numbers = await ServiceStats.ComputeAsync(db, prefix, From.Value, To.Value, today, ct);
        ServiceNames = await db.PublicServices.AsNoTracking().ToDictionaryAsync(s => s.Code, s => LocalizationSetup.Pick(s.NameZh, s.NameEn), ct);
        var outletKeys = Numbers.ByOutlet.Select(o => o.Key).ToList();
        var outlets = await db.Outlets.AsNoTracking().Where(o => outletKeys.Contains(o.NameZh)).Select(o => new { o.NameZh, o.NameEn }).ToListAsync(ct);
        OutletNamesEn = outlets.GroupBy(o => o.NameZh).ToDictionary(g => g.Key, g => g.First().NameEn);
    }

    public string ServiceName(string code) => ServiceNames.TryGetValue(code, out var name) ? name : code;

    /// <summary><see cref="ServiceNumbers.ByOutlet"/> is keyed by the outlet's Chinese name.</summary>
    public string OutletName(string nameZh) =>
        LocalizationSetup.IsChinese ? nameZh : OutletNamesEn.TryGetValue(nameZh, out var en) ? en : nameZh;

    public string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Percent(double? rate) =>
        rate is null ? "—" : (rate.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Minutes(double? minutes) =>
        minutes is null ? "—" : minutes.Value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The top of what the viewer can see: the root for an administrator, else their first post's area.</summary>
    internal static async Task<ServiceArea?> TopAreaAsync(AppDb db, CancellationToken ct)
    {
        return await db.TopAreas().AsNoTracking()
            .OrderBy(a => a.Path)
            .Select(a => new ServiceArea(a.Id, a.Code, a.Path, a.NameZh, a.NameEn))
            .FirstOrDefaultAsync(ct);
    }

    internal static Task<ServiceArea?> AreaAsync(AppDb db, string code, CancellationToken ct) =>
        db.Areas.AsNoTracking().Where(a => a.Code == code)
            .Select(a => new ServiceArea(a.Id, a.Code, a.Path, a.NameZh, a.NameEn))
            .FirstOrDefaultAsync(ct);
}
