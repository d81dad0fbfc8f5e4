using Fengqiao.Features.Areas;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Fengqiao.Features.Statistics;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Tools.Commands;

/// <summary>One province's own figures for the period, as its province dashboard shows them.</summary>
public sealed record ProvinceFigures(string Source, AreaFigures Totals)
{
    public string Code => Totals.Area.Code;
}

/// <summary>A national figure: the provinces' numerators and denominators summed, and the figure computed from the sums.</summary>
public sealed record NationalFigure(Figure Figure, long Numerator, long Denominator, double? Value);

public sealed record NationalFigures(Period Period, DateOnly Today, IReadOnlyList<ProvinceFigures> Provinces, IReadOnlyList<NationalFigure> Figures);

/// <summary>
/// <c>national-rollup --province CONNECTION …</c>: the nation's figures from the provinces' own databases (one cluster per
/// province, docs/scale.md). Each province is read through the statistics feature's own query, <see cref="StatisticsQueries.DashboardAsync"/>
/// for its top area, on its rollups only; the rollups are counts, so the nation's count is the sum of the provinces' counts,
/// and a ratio is computed from the summed numerators and denominators (never an average of the provinces' ratios).
/// Nothing is written to a province: a SQLite file is opened read-only, and a PostgreSQL province should give a read-only role
/// (docs/deployment.md §5, <c>fengqiao_read</c>). No privacy keys are needed: no personal field is read.
/// </summary>
public static class NationalRollupCommand
{
    public const string National = "national";

    public static Command NationalRollup()
    {
        var provinces = new Option<string[]>("--province")
        {
            Description = "A province's database: a SQLite connection string (Data Source=FILE) or a PostgreSQL one (Host=…;Database=…). Once per province.",
            Required = true,
        };
        var from = new Option<string>("--from") { Description = "The period's first day, yyyy-MM-dd (default: 1 January of this year)." };
        var to = new Option<string>("--to") { Description = "The period's last day, yyyy-MM-dd (default: today, or a year after --from)." };
        var today = new Option<string>("--today") { Description = "The day open and overdue items are counted on, yyyy-MM-dd (default: today in China)." };
        foreach (var day in (Option<string>[])[from, to, today])
        {
            day.Validators.Add(r => Arguments.Check(r, Arguments.TryDay(r.GetValueOrDefault<string>(), out _), "A date must be written yyyy-MM-dd."));
        }
        var output = new Option<string>("--out") { Description = "Also write every province's figures and the nation's to this CSV file." };
        var command = new Command("national-rollup",
            "Sums the statistics of several provinces' databases into the nation's figures and checks that the nation's total is the sum of the provinces' own totals.")
        {
            provinces, from, to, today, output,
        };
        command.SetAction(async (r, ct) =>
        {
            Arguments.TryDay(r.GetValue(today), out var t);
            var day = t ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
            Arguments.TryDay(r.GetValue(from), out var f);
            Arguments.TryDay(r.GetValue(to), out var e);
            var first = f ?? new DateOnly(day.Year, 1, 1);
            var last = e ?? (f is null ? day : first.AddYears(1).AddDays(-1));
            if (last < first)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync("The end of the period cannot come before its start.");
                return ToolCommands.Usage;
            }
            return await RunAsync(r.GetValue(provinces)!, new Period(first, last), day, r.GetValue(output), r.InvocationConfiguration.Output, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> sources, Period period, DateOnly today, string? csv, TextWriter output, CancellationToken ct)
    {
        var provinces = new List<ProvinceFigures>();
        var problems = new List<string>();
        foreach (var source in sources)
        {
            var (figures, problem) = await ReadProvinceAsync(source, period, today, ct);
            if (problem is not null)
            {
                problems.Add($"{Describe(source)}: {problem}");
            }
            else
            {
                provinces.Add(figures!);
            }
        }
        foreach (var twice in provinces.GroupBy(p => p.Code).Where(g => g.Count() > 1))
        {
            var where = string.Join(" and ", twice.Select(p => Describe(p.Source)));
            problems.Add($"province {twice.Key} is given {twice.Count()} times ({where}): its figures would be counted more than once.");
        }
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                await output.WriteLineAsync("REFUSED: " + p);
            }
            return ToolCommands.Failed;
        }
        var nation = Sum(provinces, period, today);
        await WriteTableAsync(nation, output);
        if (csv is not null)
        {
            await File.WriteAllTextAsync(csv, Csv(nation), new UTF8Encoding(true), ct);
            await output.WriteLineAsync($"Written to {csv}.");
        }
        var differences = Check(nation);
        foreach (var d in differences)
        {
            await output.WriteLineAsync("DIFFERENT: " + d);
        }
        if (differences.Count > 0)
        {
            return ToolCommands.Failed;
        }
        await output.WriteLineAsync($"National total = the sum of the {provinces.Count} provinces' own totals for all {nation.Figures.Count} figures.");
        return ToolCommands.Ok;
    }

    /// <summary>Reads one province's top area through the statistics feature; a problem instead when it is not one whole province of this version.</summary>
    public static async Task<(ProvinceFigures? Figures, string? Problem)> ReadProvinceAsync(string source, Period period, DateOnly today, CancellationToken ct)
    {
        await using var db = Open(source);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                return (null, $"the database lacks {pending.Count} migration(s) of this version ({pending[^1]}); migrate the province first.");
            }
            var tops = await db.TopAreas().AsNoTracking().Select(a => a.Code).ToListAsync(ct);
            if (tops.Count != 1)
            {
                return (null, tops.Count == 0 ? "the database holds no areas." : $"the database holds {tops.Count} top areas ({string.Join(", ", tops)}), not one province.");
            }
            var dashboard = await new StatisticsQueries(db).DashboardAsync(tops[0], period, today, ct);
            return dashboard is null ? (null, "its top area could not be read.") : (new ProvinceFigures(source, dashboard.Totals), null);
        }
        catch (Exception e) when (e is SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The nation: for every figure, the provinces' numerators and denominators summed and the figure computed from them.</summary>
    public static NationalFigures Sum(IReadOnlyList<ProvinceFigures> provinces, Period period, DateOnly today) =>
        new(period, today, provinces, [.. FigureCatalogue.All.Select(f =>
        {
            var n = provinces.Sum(p => p.Totals[f.Key].Numerator);
            var d = provinces.Sum(p => p.Totals[f.Key].Denominator);
            return new NationalFigure(f, n, d, f.Compute(n, d));
        })]);

    /// <summary>What differs between the nation's row and the provinces' own totals (none when the nation was assembled from them correctly).</summary>
    public static IReadOnlyList<string> Check(NationalFigures nation)
    {
        var differences = new List<string>();
        foreach (var f in nation.Figures)
        {
            var n = nation.Provinces.Sum(p => p.Totals[f.Figure.Key].Numerator);
            var d = nation.Provinces.Sum(p => p.Totals[f.Figure.Key].Denominator);
            if (f.Numerator != n || f.Denominator != d)
            {
                differences.Add($"{f.Figure.Key}: national {f.Numerator}/{f.Denominator}, provinces' sum {n}/{d}.");
            }
            if (f.Value != f.Figure.Compute(n, d))
            {
                differences.Add($"{f.Figure.Key}: national value {f.Value} is not the figure of the summed parts ({f.Figure.Compute(n, d)}).");
            }
            // A count is the sum of the provinces' counts as each province's own dashboard shows them.
            if (f.Figure.Denominator is null && f.Value != nation.Provinces.Sum(p => p.Totals[f.Figure.Key].Value ?? 0))
            {
                differences.Add($"{f.Figure.Key}: national {f.Value}, provinces' own totals sum to {nation.Provinces.Sum(p => p.Totals[f.Figure.Key].Value ?? 0)}.");
            }
        }
        return differences;
    }

    private static AppDb Open(string source)
    {
        var jurisdiction = Jurisdiction.System();
        if (IsPostgres(source))
        {
            return new PostgresAppDb(PostgresAppDb.Options(source), jurisdiction);
        }
        // Read-only: the nation never writes to a province, and a mistyped file name is an error, not a new empty database.
        var csb = new SqliteConnectionStringBuilder(source);
        if (!csb.ContainsKey("Mode") || csb.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            csb.Mode = SqliteOpenMode.ReadOnly;
        }
        return new SqliteAppDb(SqliteAppDb.Options(csb.ToString()), jurisdiction);
    }

    public static bool IsPostgres(string source) =>
        source.Contains("Host=", StringComparison.OrdinalIgnoreCase) || source.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    /// <summary>A source without its password, for messages.</summary>
    private static string Describe(string source) => string.Join(';', source.Split(';')
        .Where(part => !part.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));

    private static async Task WriteTableAsync(NationalFigures nation, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv,
            $"National rollup of {nation.Provinces.Count} provinces, {nation.Period.From:yyyy-MM-dd} to {nation.Period.To:yyyy-MM-dd} (open items as of {nation.Today:yyyy-MM-dd})"));
        var header = new StringBuilder().Append(inv, $"{"figure",-26}");
        foreach (var p in nation.Provinces)
        {
            header.Append(inv, $" {p.Code + " " + p.Totals.Area.Name,24}");
        }
        await output.WriteLineAsync(header.Append(inv, $" {"national",16}  national parts").ToString());
        foreach (var f in nation.Figures)
        {
            var line = new StringBuilder().Append(inv, $"{f.Figure.Key,-26}");
            foreach (var p in nation.Provinces)
            {
                line.Append(inv, $" {Format(p.Totals[f.Figure.Key].Value),24}");
            }
            line.Append(inv, $" {Format(f.Value),16}");
            if (f.Figure.Denominator is not null)
            {
                line.Append(inv, $"  {f.Numerator:N0} / {f.Denominator:N0}");
            }
            await output.WriteLineAsync(line.ToString());
        }
    }

    private static string Format(double? value) => value is null ? "—" : value.Value.ToString(value.Value % 1 == 0 ? "N0" : "N1", CultureInfo.InvariantCulture);

    /// <summary>One row per province and figure, then the nation's rows (area "national").</summary>
    public static string Csv(NationalFigures nation)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder("area,name,figure,unit,from,to,numerator,denominator,value\n");
        void Row(string area, string name, Figure f, long n, long d, double? v) => s.Append(inv,
            $"{area},\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{f.Key},{f.Unit},{nation.Period.From:yyyy-MM-dd},{nation.Period.To:yyyy-MM-dd},{n},{d},{v?.ToString(inv)}\n");
        foreach (var p in nation.Provinces)
        {
            foreach (var f in FigureCatalogue.All)
            {
                var v = p.Totals[f.Key];
                Row(p.Code, p.Totals.Area.Name, f, v.Numerator, v.Denominator, v.Value);
            }
        }
        foreach (var f in nation.Figures)
        {
            Row(National, National, f.Figure, f.Numerator, f.Denominator, f.Value);
        }
        return s.ToString();
    }
}
