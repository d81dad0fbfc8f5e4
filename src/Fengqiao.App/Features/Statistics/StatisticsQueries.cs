using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;
using Fengqiao.Infrastructure.Data.Replica;

namespace Fengqiao.Features.Statistics;

public sealed record Period(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// What a leader compares with: the year so far with the same days a year before (同比); a month with the
    /// month before; any other period with as many days just before it (环比).
    /// </summary>
    public Period Previous
    {
        get
        {
            if (From is { Month: 1, Day: 1 } && To.Year == From.Year)
            {
                return new(From.AddYears(-1), To.AddYears(-1));
            }
            if (From.Day == 1 && To.Year == From.Year && To.Month == From.Month)
            {
                var before = From.AddMonths(-1);
                return new(before, To.Day >= DateTime.DaysInMonth(To.Year, To.Month) ? From.AddDays(-1) : To.AddMonths(-1));
            }
            return new(From.AddDays(-Days), From.AddDays(-1));
        }
    }
}

/// <summary>An area as the dashboard names it; a township also by its police station.</summary>
public sealed record AreaRef(string Code, string Name, AreaLevel Level, string? Station, bool RolledUp)
{
    public string Label => Station is null ? Name : $"{Name} · {Station}";
}

public sealed record FigureValue(string Key, double? Value, double? Previous, long Numerator, long Denominator);

public sealed record AreaFigures(AreaRef Area, IReadOnlyList<FigureValue> Figures)
{
    public FigureValue this[string key] => Figures.First(f => f.Key == key);
}

public sealed record Dashboard(AreaRef Area, IReadOnlyList<AreaRef> Ancestors, Period Period, DateOnly Today,
    AreaFigures Totals, IReadOnlyList<AreaFigures> Children);

public sealed record TrendPoint(DateOnly Start, double? Value);

/// <summary>
/// The figures of an area and its children from the rollups — never from the records, so the province
/// costs what a community does. Areas come through the jurisdiction filter: an area the viewer cannot
/// see does not exist (null), and only codes of visible areas are ever looked up in the rollups.
/// </summary>
public sealed class StatisticsQueries([FromKeyedServices(ReadReplica.Key)] AppDb db)
{
    public const int DeepestLevel = RollupDelta.DeepestLevel;

    public async Task<Area?> FindAsync(string? code, CancellationToken ct) => string.IsNullOrWhiteSpace(code)
        ? await db.TopAreas().AsNoTracking().OrderBy(a => a.Path).FirstOrDefaultAsync(ct)
        : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);

    public async Task<Dashboard?> DashboardAsync(string? code, Period period, DateOnly today, CancellationToken ct)
    {
        var area = await FindAsync(code, ct);
        if (area is null)
        {
            return null;
        }
        var ancestorCodes = area.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).ToList();
        var ancestors = await db.Areas.AsNoTracking().Where(a => ancestorCodes.Contains(a.Code)).OrderBy(a => a.Level).ToListAsync(ct);
        var children = area.Level >= (AreaLevel)DeepestLevel
            ? []
            : await db.Areas.AsNoTracking().Where(a => a.ParentId == area.Id).OrderBy(a => a.Code).ToListAsync(ct);
        var stations = await StationNamesAsync([area, .. children], ct);
        var sums = await SumsAsync([area.Code, .. children.Select(c => c.Code)], period, today, ct);
        AreaRef Ref(Area a) => new(a.Code, LocalizationSetup.Pick(a.NameZh, a.NameEn), a.Level, stations.GetValueOrDefault(a.Id), (int)a.Level <= DeepestLevel);
        AreaFigures Figures(Area a) => new(Ref(a), [.. FigureCatalogue.All.Select(f => sums.Value(a.Code, f))]);
        return new Dashboard(Ref(area), [.. ancestors.Select(Ref)], period, today, Figures(area), [.. children.Select(Figures)]);
    }

    /// <summary>A figure's value per day, week or month of the period (for a ratio: per bucket; for a stock: at the bucket's end).</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(string areaCode, Figure figure, Period period, string grain, CancellationToken ct)
    {
        if (figure.Time == FigureTime.Now)
        {
            return [];
        }
        Metric[] metrics = figure.Denominator is { } d ? [figure.Numerator, d] : [figure.Numerator];
        var stocks = metrics.Where(m => Metrics.KindOf(m) == MetricKind.Stock).ToArray();
        var rows = await db.Rollups.AsNoTracking()
            .Where(r => r.Area == areaCode && metrics.Contains(r.Metric) && r.Day <= period.To && (r.Day >= period.From || stocks.Contains(r.Metric)))
            .GroupBy(r => new { r.Metric, r.Day }).Select(g => new { g.Key.Metric, g.Key.Day, Value = g.Sum(r => r.Value) })
            .ToListAsync(ct);
        var points = new List<TrendPoint>();
        for (var start = BucketStart(period.From, grain); start <= period.To; start = Next(start, grain))
        {
            var from = start < period.From ? period.From : start;
            var to = Next(start, grain).AddDays(-1);
            to = to > period.To ? period.To : to;
            long Part(Metric m) => Metrics.KindOf(m) == MetricKind.Stock
                ? rows.Where(r => r.Metric == m && r.Day <= to).Sum(r => r.Value)
                : rows.Where(r => r.Metric == m && r.Day >= from && r.Day <= to).Sum(r => r.Value);
            points.Add(new TrendPoint(start, figure.Compute(Part(figure.Numerator), figure.Denominator is { } dm ? Part(dm) : 0)));
        }
        return points;
    }

    public static DateOnly BucketStart(DateOnly day, string grain) => grain switch
    {
        "month" => new DateOnly(day.Year, day.Month, 1),
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => day,
    };

    private static DateOnly Next(DateOnly start, string grain) => grain switch
    {
        "month" => start.AddMonths(1),
        "week" => start.AddDays(7),
        _ => start.AddDays(1),
    };

    private async Task<Dictionary<int, string>> StationNamesAsync(IReadOnlyList<Area> areas, CancellationToken ct)
    {
        var ids = areas.Where(a => a.Level == AreaLevel.Township).Select(a => a.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var stations = await db.Units.AsNoTracking()
            .Where(u => ids.Contains(u.AreaId) && (u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation))
            .Select(u => new { u.AreaId, u.NameZh, u.NameEn }).ToListAsync(ct);
        return stations.GroupBy(s => s.AreaId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(s => LocalizationSetup.Pick(s.NameZh, s.NameEn))));
    }

    /// <summary>
    /// Grouped range reads over the rollups: flows in the period and the one before, stocks up to each end, open items
    /// now. Whole months are read from the monthly rows, so a year costs 12 rows per area and metric, not 365.
    /// </summary>
    private async Task<Sums> SumsAsync(List<string> codes, Period period, DateOnly today, CancellationToken ct)
    {
        var previous = period.Previous;
        var flows = Metrics.All.Where(m => Metrics.KindOf(m) == MetricKind.Flow).ToArray();
        var stocks = Metrics.All.Where(m => Metrics.KindOf(m) == MetricKind.Stock).ToArray();
        var open = Metrics.All.Where(m => Metrics.KindOf(m) == MetricKind.OpenByDue).ToArray();
        var sums = new Sums();
        var flowsNow = await RangeAsync(codes, flows, period.From, period.To, ct);
        var flowsBefore = await RangeAsync(codes, flows, previous.From, previous.To, ct);
        var stocksNow = await RangeAsync(codes, stocks, null, period.To, ct);
        // A stock at the previous period's end: its value now less what changed since then (not read from the beginning again).
        var stocksSince = await RangeAsync(codes, stocks, previous.To.AddDays(1), period.To, ct);
        foreach (var key in flowsNow.Keys.Union(flowsBefore.Keys).Union(stocksNow.Keys))
        {
            var now = flowsNow.GetValueOrDefault(key) + stocksNow.GetValueOrDefault(key);
            var before = flowsBefore.GetValueOrDefault(key) + stocksNow.GetValueOrDefault(key) - stocksSince.GetValueOrDefault(key);
            sums.Set(key.Area, key.Metric, now, before, 0);
        }
        foreach (var r in await db.Rollups.AsNoTracking().Where(r => codes.Contains(r.Area) && open.Contains(r.Metric))
            .GroupBy(r => new { r.Area, r.Metric })
            .Select(g => new { g.Key.Area, g.Key.Metric, Open = g.Sum(r => r.Value), Overdue = g.Sum(r => r.Day < today ? r.Value : 0) })
            .ToListAsync(ct))
        {
            sums.Set(r.Area, r.Metric, r.Open, 0, r.Overdue);
        }
        return sums;
    }

    /// <summary>
    /// The sum of each (area, metric) over the days from <paramref name="from"/> (the beginning when null) to
    /// <paramref name="to"/>: the days before the first whole month and after the last one from the daily rows, the
    /// whole months between from the monthly rows.
    /// </summary>
    private async Task<Dictionary<(string Area, Metric Metric), long>> RangeAsync(List<string> codes, Metric[] metrics, DateOnly? from, DateOnly to,
        CancellationToken ct)
    {
        var monthly = metrics.Select(Metrics.Monthly).ToArray();
        var first = from is { } f ? (f.Day == 1 ? f : Metrics.MonthOf(f).AddMonths(1)) : DateOnly.MinValue; // first whole month
        var end = to == DateOnly.MaxValue ? to : Metrics.MonthOf(to.AddDays(1));                            // after the last one
        var result = new Dictionary<(string, Metric), long>();
        async Task AddAsync(IQueryable<AreaRollup> rows)
        {
            foreach (var r in await rows.GroupBy(r => new { r.Area, r.Metric }).Select(g => new { g.Key.Area, g.Key.Metric, Sum = g.Sum(r => r.Value) }).ToListAsync(ct))
            {
                var key = (r.Area, Metrics.Daily(r.Metric));
                result[key] = result.GetValueOrDefault(key) + r.Sum;
            }
        }
        var rollups = db.Rollups.AsNoTracking().Where(r => codes.Contains(r.Area));
        if (first >= end)
        {
            await AddAsync(rollups.Where(r => metrics.Contains(r.Metric) && r.Day >= from!.Value && r.Day <= to));
            return result;
        }
        if (from is { } start && start < first)
        {
            await AddAsync(rollups.Where(r => metrics.Contains(r.Metric) && r.Day >= start && r.Day < first));
        }
        await AddAsync(rollups.Where(r => monthly.Contains(r.Metric) && r.Day >= first && r.Day < end));
        if (end <= to)
        {
            await AddAsync(rollups.Where(r => metrics.Contains(r.Metric) && r.Day >= end && r.Day <= to));
        }
        return result;
    }

    private sealed class Sums
    {
        private readonly Dictionary<(string, Metric), (long Now, long Before, long Overdue)> _values = [];

        public void Set(string area, Metric metric, long now, long before, long overdue) => _values[(area, metric)] = (now, before, overdue);

        public FigureValue Value(string area, Figure f)
        {
            long Part(Metric m, bool before) => _values.TryGetValue((area, m), out var v)
                ? Metrics.KindOf(m) == MetricKind.OpenByDue ? (f.Overdue ? v.Overdue : v.Now) : before ? v.Before : v.Now
                : 0;
            var n = Part(f.Numerator, false);
            var d = f.Denominator is { } dm ? Part(dm, false) : 0;
            var previous = f.Time == FigureTime.Now ? null : f.Compute(Part(f.Numerator, true), f.Denominator is { } pm ? Part(pm, true) : 0);
            return new FigureValue(f.Key, f.Compute(n, d), previous, n, d);
        }
    }
}
