using Fengqiao.Features.Areas;
using System.Text.Json;
using Fengqiao.Infrastructure.Data.Replica;

namespace Fengqiao.Features.Statistics;

/// <summary>
/// The dashboard of an area: every figure with its definition, previous period and records; one figure
/// (chosen) on a map and bars of the child areas, and its trend; the table of child areas. A click on an
/// area drills down one level.
/// </summary>
public sealed class IndexModel(StatisticsQueries queries, [FromKeyedServices(ReadReplica.Key)] AppDb db, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Figure { get; set; }
    [BindProperty(SupportsGet = true)] public string Grain { get; set; } = "month";

    public Dashboard Data { get; private set; } = null!;
    public Figure Chosen { get; private set; } = null!;
    public Period Period { get; private set; } = null!;
    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>What the charts draw, as JSON for statistics.js (no inline script: the CSP forbids it).</summary>
    public string ChartJson { get; private set; } = "{}";
    /// <summary>Home-visit campaigns that ran in the period and reached the area, with what their visits there found.</summary>
    public IReadOnlyList<Visits.CampaignSummary> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!StatisticsEndpoints.TryPeriod(From, To, clock.Today, l, out var period, out var errors))
        {
            Error = string.Join(" ", errors.Values.SelectMany(v => v));
            StatisticsEndpoints.TryPeriod(null, null, clock.Today, l, out period, out _);
        }
        Period = period;
        From = period.From;
        To = period.To;
        Chosen = FigureCatalogue.Find(Figure) ?? FigureCatalogue.All[0];
        Figure = Chosen.Key;
        Grain = Grain is "day" or "week" ? (Grain == "day" && period.Days > 800 ? "week" : Grain) : "month";
        var data = await queries.DashboardAsync(Area, period, clock.Today, ct);
        if (data is null)
        {
            return NotFound();
        }
        Data = data;
        Area = data.Area.Code;
        Trend = await queries.TrendAsync(data.Area.Code, Chosen, period, Grain, ct);
        Campaigns = await StatisticsEndpoints.CampaignsAsync(db, data.Area.Code, period, ct);
        var codes = data.Children.Select(c => c.Area.Code).ToList();
        var shapes = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code) && a.BoundaryGeoJson != null)
            .Select(a => new { a.Code, a.BoundaryGeoJson }).ToListAsync(ct);
        ChartJson = JsonSerializer.Serialize(new
        {
            figure = l[Chosen.Name].Value,
            unit = Unit(Chosen),
            children = data.Children.Select(c => new
            {
                code = c.Area.Code, name = c.Area.Label, value = c[Chosen.Key].Value,
                url = c.Area.RolledUp ? Drill(c.Area.Code) : null,
            }),
            shapes = shapes.Select(s => new { code = s.Code, geometry = JsonDocument.Parse(s.BoundaryGeoJson!).RootElement }),
            trend = Trend.Select(p => new { x = p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), y = p.Value }),
        });
        return Page();
    }

    public string Unit(Figure f) => f.Unit switch
    {
        FigureUnit.Percent => "%",
        FigureUnit.Minutes => l["min"],
        FigureUnit.PerHundred => l["per 100"],
        _ => "",
    };

    public static string Format(double? value, Figure f) => value is null
        ? "—"
        : f.Unit == FigureUnit.Count ? value.Value.ToString("N0", CultureInfo.CurrentCulture) : value.Value.ToString("0.0", CultureInfo.CurrentCulture);

    public string Query(string? area = null, string? figure = null, string? grain = null) =>
        $"?area={Uri.EscapeDataString(area ?? Area ?? "")}&from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}&figure={figure ?? Figure}&grain={grain ?? Grain}";

    public string Drill(string area) => "/statistics" + Query(area);

    public string? Records(string figure, string area) => RecordLinks.For(figure, area, Period);

    public static string Pick(string zh, string en) => LocalizationSetup.Pick(zh, en);
}
