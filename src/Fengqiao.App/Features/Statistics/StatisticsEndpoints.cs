using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Fengqiao.Infrastructure.Data.Replica;

namespace Fengqiao.Features.Statistics;

public sealed record FigureDto(string Key, string Group, string Name, string Definition, string Unit, string Time, string? Article,
    double? Value, double? Previous, long Numerator, long Denominator, string? Records);

public sealed record AreaFiguresDto(string Code, string Name, string Level, string? Station, IReadOnlyList<FigureDto> Figures);

public sealed record DashboardDto(AreaFiguresDto Area, IReadOnlyList<AreaFiguresDto> Ancestors, DateOnly From, DateOnly To,
    DateOnly PreviousFrom, DateOnly PreviousTo, IReadOnlyList<AreaFiguresDto> Children);

public static class StatisticsEndpoints
{
    /// <summary>The longest period one request may ask for.</summary>
    public const int MaxDays = 366 * 10;

    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StatisticsQueries>();
        builder.Services.AddSingleton<IInterceptor, RollupInterceptor>();
        // A database from before the rollups (or restored without them) is counted once.
        builder.Services.AddDataSeed(DataSeeds.Counts, "statistics", (sp, _) => sp.PrepareStatisticsAsync());
        return builder;
    }

    /// <summary>Rollup days are local days of the configured zone.</summary>
    public static void UseRollupZone(this WebApplication app) =>
        RollupDays.Zone = TimeZoneInfo.FindSystemTimeZoneById(app.Services.GetRequiredService<IOptions<DisplayOptions>>().Value.TimeZone);

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization(Policies.Staff);
        g.MapGet("/", Get).WithName("GetStatistics")
            .WithSummary("Every figure for an area in your jurisdiction (default: your top area) and period (default: this year), with the previous period and each child area.");
        g.MapGet("/trend", Trend).WithName("GetStatisticsTrend")
            .WithSummary("One figure by day, week or month of the period.");
        g.MapGet("/export.{format}", Export).WithName("ExportStatistics")
            .WithSummary("The table of the area and its child areas as .xlsx or .csv.");
        return app;
    }

    /// <summary>Reads a period from the query: default this year up to today; 400 in the caller's language when it makes no sense.</summary>
    public static bool TryPeriod(DateOnly? from, DateOnly? to, DateOnly today, IStringLocalizer l, out Period period, out Dictionary<string, string[]> errors)
    {
        var f = from ?? new DateOnly(today.Year, 1, 1);
        var t = to ?? (from is null ? today : f.AddYears(1).AddDays(-1));
        period = new Period(f, t);
        errors = [];
        if (t < f)
        {
            errors["to"] = [l["The end of the period cannot come before its start."]];
        }
        else if (period.Days > MaxDays)
        {
            errors["from"] = [l["A period can be at most ten years long."]];
        }
        else if (f.Year < 2000)
        {
            errors["from"] = [l["Records begin in 2000: choose a later start."]];
        }
        return errors.Count == 0;
    }

    private static async Task<Results<Ok<DashboardDto>, NotFound, ValidationProblem>> Get(
        StatisticsQueries q, LocalClock clock, IStringLocalizer<SharedResource> l, string? area, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!TryPeriod(from, to, clock.Today, l, out var period, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        var d = await q.DashboardAsync(area, period, clock.Today, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new DashboardDto(Dto(d.Totals, period, l), [.. d.Ancestors.Select(a => new AreaFiguresDto(a.Code, a.Name, a.Level.ToString(), a.Station, []))],
            period.From, period.To, period.Previous.From, period.Previous.To, [.. d.Children.Select(c => Dto(c, period, l))]));
    }

    public static AreaFiguresDto Dto(AreaFigures a, Period period, IStringLocalizer l) => new(a.Area.Code, a.Area.Name, a.Area.Level.ToString(), a.Area.Station,
        [.. FigureCatalogue.All.Zip(a.Figures).Select(p => new FigureDto(p.First.Key, p.First.Group, l[p.First.Name], l[p.First.Definition],
            p.First.Unit.ToString(), p.First.Time.ToString(), p.First.Article, p.Second.Value, p.Second.Previous, p.Second.Numerator, p.Second.Denominator,
            RecordLinks.For(p.First.Key, a.Area.Code, period)))]);

    private static async Task<Results<Ok<IReadOnlyList<TrendPoint>>, NotFound, ValidationProblem>> Trend(
        StatisticsQueries q, LocalClock clock, IStringLocalizer<SharedResource> l, string? area, string? figure, DateOnly? from, DateOnly? to, string? grain, CancellationToken ct)
    {
        // Nullable, so that a missing figure is this endpoint's own 400 naming the field, not the framework's binding failure.
        var f = string.IsNullOrWhiteSpace(figure) ? null : FigureCatalogue.Find(figure);
        grain ??= "month";
        if (!TryPeriod(from, to, clock.Today, l, out var period, out var errors) || f is null || grain is not ("day" or "week" or "month"))
        {
            if (f is null)
            {
                errors["figure"] = [string.IsNullOrWhiteSpace(figure) ? l["Choose a figure."] : l["There is no such figure."]];
            }
            if (grain is not ("day" or "week" or "month"))
            {
                errors["grain"] = [l["Choose day, week or month."]];
            }
            return TypedResults.ValidationProblem(errors);
        }
        if (grain == "day" && period.Days > 800)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["grain"] = [l["A daily trend covers at most 800 days; choose week or month."]] });
        }
        var found = await q.FindAsync(area, ct);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(await q.TrendAsync(found.Code, f, period, grain, ct));
    }

    /// <summary>The campaigns the dashboard and the export show for an area and period (at most ten, newest first).</summary>
    public static async Task<List<Visits.CampaignSummary>> CampaignsAsync(AppDb db, string areaCode, Period period, CancellationToken ct)
    {
        var path = db.SubtreePrefix(areaCode);
        return path == AppDb.NoArea ? [] : await Visits.CampaignResults.InAreaAsync(db, path, period.From, period.To, 10, ct);
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Export(
        StatisticsQueries q, [FromKeyedServices(ReadReplica.Key)] AppDb db, LocalClock clock, IStringLocalizer<SharedResource> l, string format, string? area, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [l["Choose xlsx or csv."]] });
        }
        if (!TryPeriod(from, to, clock.Today, l, out var period, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        var d = await q.DashboardAsync(area, period, clock.Today, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }
        var name = string.Create(CultureInfo.InvariantCulture, $"statistics-{d.Area.Code}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.{format}");
        var bytes = StatisticsExport.Write(d, l, format, await CampaignsAsync(db, d.Area.Code, period, ct));
        return TypedResults.File(bytes, format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}

public static class StatisticsStartup
{
    /// <summary>
    /// A database from before the rollups (or restored without them) has records but no counts: count them once,
    /// before the first request (at province scale this takes minutes, once).
    /// </summary>
    public static async Task PrepareStatisticsAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Infrastructure.Scope.Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.AppDb>();
        if (await db.Rollups.AnyAsync() || !await db.Units.IgnoreQueryFilters().AnyAsync())
        {
            return;
        }
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Fengqiao.Statistics");
        var report = await Recount.RunAsync(db, fix: true, line => log.LogInformation("Counting the records for the statistics: {Progress}", line), CancellationToken.None);
        log.LogInformation("Statistics counted from {Records} records", report.Records);
    }
}
