using Fengqiao.Features.Calendar;
using Fengqiao.Features.Demo;
using Fengqiao.Features.Disputes;
using Fengqiao.Infrastructure.Privacy;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// What the generators share: the options, the area tree, the calendar and the ids handed out so far (units, people,
/// outlets, households), so that later tables refer to earlier rows without reading them back. Ids are given in order
/// from 1, the same way in every run.
/// </summary>
internal sealed class World
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public required GeneratorOptions Options { get; init; }
    public required ProvinceShape Shape { get; init; }
    public required WorkingCalendar Calendar { get; init; }
    public required DeadlineOptions Deadlines { get; init; }
    public required FieldProtector Protector { get; init; }

    // Units (ids), by the index of their area at its level.
    public int DepartmentUnit { get; set; }
    public int[] CityBureau { get; set; } = [];
    public int[] CountyBranch { get; set; } = [];
    public int[] Station { get; set; } = [];
    public int[] TownshipOffice { get; set; } = [];
    public int[] Committee { get; set; } = [];

    // People (ids).
    public int[] CommunityOfficer { get; set; } = [];
    public string[] CommunityOfficerName { get; set; } = [];
    public int[] StationDirector { get; set; } = [];
    public int[] StationClerk { get; set; } = [];
    public int[] GridOfficer { get; set; } = [];

    // Service outlets, one window per station.
    public int[] Outlet { get; set; } = [];
    public int[] FirstCounter { get; set; } = [];

    public int[] VolunteerTeam { get; set; } = [];

    /// <summary>Households of grid g are ids GridHouseholds[g]+1 … GridHouseholds[g+1].</summary>
    public int[] GridHouseholds { get; set; } = [];

    /// <summary>Counters for the app's case codes ("D-220102001-2026" → last number used).</summary>
    public Dictionary<string, int> CodeSeries { get; } = new(StringComparer.Ordinal);

    public DateOnly Start => Options.Start;
    public DateOnly End => Options.End;

    /// <summary>The next code of a series, as <c>CaseCodes.NextAsync</c> would give it: "220102001-2026-00042".</summary>
    public string NextCode(string prefix, string township, int year)
    {
        var series = $"{prefix}-{township}-{year}";
        var n = CodeSeries.GetValueOrDefault(series) + 1;
        CodeSeries[series] = n;
        return $"{township}-{year}-{n:00000}";
    }

    /// <summary>The grid of a household (0-based household index).</summary>
    public int GridOf(int household)
    {
        var i = Array.BinarySearch(GridHouseholds, household);
        // An exact hit is a grid's first household; otherwise the complement is the next grid's index.
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>An instant on a day in China, at a given hour and minute, stored as UTC like the app's clock does.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute, int second = 0) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)), China).ToUniversalTime();

    /// <summary>The day of the activity period for the i-th of n rows spread evenly, so that rows come in date order.</summary>
    public DateOnly DayFor(long i, long n) => Start.AddDays((int)(i * Options.Days / Math.Max(1, n)));

    public static string NameOf(Random rng) => new DemoNames(rng).Next().Zh;

    public static Bilingual BilingualName(Random rng) => new DemoNames(rng).Next();

    public static string Mobile(Random rng) =>
        string.Create(11, rng, (span, r) =>
        {
            span[0] = '1';
            span[1] = (char)('3' + r.Next(7));
            for (var i = 2; i < 11; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Index into <paramref name="cumulative"/> weights (ascending, last = total).</summary>
    public static int Weighted(Random rng, double[] cumulative)
    {
        var x = rng.NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }
        return cumulative.Length - 1;
    }

    public static double[] Cumulative(params double[] weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }
        return result;
    }
}
