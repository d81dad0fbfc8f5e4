using Fengqiao.Features.Statistics;

namespace Fengqiao.Tests.Features.Statistics;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-11-29", "2025-01-01", "2025-11-29")] // the year so far: the same days a year before
    [InlineData("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28")] // a month: the month before, whole
    [InlineData("2026-03-01", "2026-03-15", "2026-02-01", "2026-02-15")] // a month so far: the same days of the month before
    [InlineData("2026-03-10", "2026-03-19", "2026-02-28", "2026-03-09")] // anything else: as many days just before
    public void APeriodIsComparedWithThePeriodALeaderExpects(string from, string to, string previousFrom, string previousTo)
    {
        var previous = new Period(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).Previous;
        Assert.Equal((previousFrom, previousTo), (previous.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), previous.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
