using System.Globalization;

namespace Fengqiao.Features.Statistics.Generator;

/// <summary>
/// The arguments of <c>generate-province</c>: <c>--scale</c> multiplies every count (1.0 is the whole province),
/// <c>--seed</c> makes the content repeatable, <c>--years</c> of activity ending on <c>--end</c> (default: yesterday in China).
/// </summary>
internal sealed record GeneratorOptions(double Scale, int Seed, int Years, DateOnly End)
{
    public const string Usage =
        "usage: generate-province [--scale 1.0] [--seed 20240524] [--years 5] [--end yyyy-MM-dd]   (into an empty, migrated database)";

    public DateOnly Start => End.AddYears(-Years).AddDays(1);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>A province-wide count scaled, at least <paramref name="min"/>.</summary>
    public int Count(double full, int min = 1) => (int)Math.Max(min, Math.Round(full * Scale, MidpointRounding.AwayFromZero));

    /// <summary>One independent random stream per table, so that adding a table does not change the others.</summary>
    public Random Stream(string table)
    {
        var h = 17;
        foreach (var c in table)
        {
            h = unchecked((h * 31) + c);
        }
        return new Random(unchecked((Seed * 397) ^ h));
    }

    public static GeneratorOptions? Parse(string[] args, TimeProvider clock, out string? error)
    {
        error = null;
        double scale = 1.0;
        int seed = 20240524, years = 5;
        var china = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var end = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), china).DateTime).AddDays(-1);
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var ok = args[i] switch
            {
                "--scale" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out scale) && scale is > 0 and <= 10,
                "--seed" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                "--years" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out years) && years is >= 1 and <= 30,
                "--end" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end),
                _ => false,
            };
            if (!ok)
            {
                error = $"Bad argument {args[i]} {value}".TrimEnd();
                return null;
            }
            i++;
        }
        return new GeneratorOptions(scale, seed, years, end);
    }
}
