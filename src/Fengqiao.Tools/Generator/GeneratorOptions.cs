namespace Fengqiao.Tools.Generator;

/// <summary>
/// The arguments of <c>generate-province</c>: <c>--scale</c> multiplies every count (1.0 is the whole province),
/// <c>--seed</c> makes the content repeatable, <c>--years</c> of activity ending on <c>--end</c> (default: yesterday in China),
/// <c>--province</c> the two digits every area code starts with (Jilin's 22 by default; <see cref="Provinces"/>).
/// </summary>
public sealed record GeneratorOptions(double Scale, int Seed, int Years, DateOnly End, string Province = Features.Demo.DemoPlaces.ProvinceCode)
{
    /// <summary>A Jilin code under the chosen province's two digits.</summary>
    public string Code(string jilinCode) => Provinces.Recode(jilinCode, Province);

    public DateOnly Start => End.AddYears(-Years).AddDays(1);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>A province-wide count scaled, at least <paramref name="min"/>.</summary>
    public int Count(double full, int min = 1) => (int)Math.Max(min, Math.Round(full * Scale, MidpointRounding.AwayFromZero));

    /// <summary>Yesterday in China: the default last day of activity.</summary>
    public static DateOnly Yesterday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(-1);

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
}
