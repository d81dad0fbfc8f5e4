using System.Globalization;
using Fengqiao.Features.Calendar;

namespace Fengqiao.Tests.Features.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Shipped = HolidayData.ShippedCalendar();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every make-up working day of the State Council notices, with the weekday the notice gives.</summary>
    private static readonly (string Date, DayOfWeek DayOfWeek)[] NoticeMakeUpDays =
    [
        ("2024-02-04", DayOfWeek.Sunday), ("2024-02-18", DayOfWeek.Sunday), ("2024-04-07", DayOfWeek.Sunday),
        ("2024-04-28", DayOfWeek.Sunday), ("2024-05-11", DayOfWeek.Saturday), ("2024-09-14", DayOfWeek.Saturday),
        ("2024-09-29", DayOfWeek.Sunday), ("2024-10-12", DayOfWeek.Saturday),
        ("2025-01-26", DayOfWeek.Sunday), ("2025-02-08", DayOfWeek.Saturday), ("2025-04-27", DayOfWeek.Sunday),
        ("2025-09-28", DayOfWeek.Sunday), ("2025-10-11", DayOfWeek.Saturday),
        ("2026-01-04", DayOfWeek.Sunday), ("2026-02-14", DayOfWeek.Saturday), ("2026-02-28", DayOfWeek.Saturday),
        ("2026-05-09", DayOfWeek.Saturday), ("2026-09-20", DayOfWeek.Sunday), ("2026-10-10", DayOfWeek.Saturday),
    ];

    // Declared after the array it is made from: static initialisers run in textual order.
    public static TheoryData<string, DayOfWeek> MakeUpDays { get; } = new(NoticeMakeUpDays);

    [Theory]
    [MemberData(nameof(MakeUpDays))]
    public void EachMakeUpDayFallsOnTheWeekdayTheNoticeGivesAndIsAWorkingDay(string date, DayOfWeek dayOfWeek)
    {
        var day = D(date);
        Assert.Equal(dayOfWeek, day.DayOfWeek);
        Assert.True(Shipped.IsWorkingDay(day));
        var exception = Assert.IsType<CalendarDay>(Shipped.Exception(day));
        Assert.True(exception.IsWorkingDay);
        Assert.EndsWith("调休上班", exception.NameZh, StringComparison.Ordinal);
        Assert.StartsWith("Make-up working day (", exception.NameEn, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedMakeUpDaysAreExactlyThoseOfTheNotices()
    {
        var listed = NoticeMakeUpDays.Select(m => D(m.Date)).Order().ToList();
        var shipped = HolidayData.Days.Where(d => d.IsWorkingDay).Select(d => d.Date).Order().ToList();
        Assert.Equal(listed, shipped);
    }

    [Theory]
    [InlineData("元旦", "2024-01-01", "2024-01-01", DayOfWeek.Monday, DayOfWeek.Monday)]
    [InlineData("春节", "2024-02-10", "2024-02-17", DayOfWeek.Saturday, DayOfWeek.Saturday)]
    [InlineData("清明节", "2024-04-04", "2024-04-06", DayOfWeek.Thursday, DayOfWeek.Saturday)]
    [InlineData("劳动节", "2024-05-01", "2024-05-05", DayOfWeek.Wednesday, DayOfWeek.Sunday)]
    [InlineData("端午节", "2024-06-10", "2024-06-10", DayOfWeek.Monday, DayOfWeek.Monday)]
    [InlineData("中秋节", "2024-09-15", "2024-09-17", DayOfWeek.Sunday, DayOfWeek.Tuesday)]
    [InlineData("国庆节", "2024-10-01", "2024-10-07", DayOfWeek.Tuesday, DayOfWeek.Monday)]
    [InlineData("元旦", "2025-01-01", "2025-01-01", DayOfWeek.Wednesday, DayOfWeek.Wednesday)]
    [InlineData("春节", "2025-01-28", "2025-02-04", DayOfWeek.Tuesday, DayOfWeek.Tuesday)]
    [InlineData("清明节", "2025-04-04", "2025-04-06", DayOfWeek.Friday, DayOfWeek.Sunday)]
    [InlineData("劳动节", "2025-05-01", "2025-05-05", DayOfWeek.Thursday, DayOfWeek.Monday)]
    [InlineData("端午节", "2025-05-31", "2025-06-02", DayOfWeek.Saturday, DayOfWeek.Monday)]
    [InlineData("国庆节、中秋节", "2025-10-01", "2025-10-08", DayOfWeek.Wednesday, DayOfWeek.Wednesday)]
    [InlineData("元旦", "2026-01-01", "2026-01-03", DayOfWeek.Thursday, DayOfWeek.Saturday)]
    [InlineData("春节", "2026-02-15", "2026-02-23", DayOfWeek.Sunday, DayOfWeek.Monday)]
    [InlineData("清明节", "2026-04-04", "2026-04-06", DayOfWeek.Saturday, DayOfWeek.Monday)]
    [InlineData("劳动节", "2026-05-01", "2026-05-05", DayOfWeek.Friday, DayOfWeek.Tuesday)]
    [InlineData("端午节", "2026-06-19", "2026-06-21", DayOfWeek.Friday, DayOfWeek.Sunday)]
    [InlineData("中秋节", "2026-09-25", "2026-09-27", DayOfWeek.Friday, DayOfWeek.Sunday)]
    [InlineData("国庆节", "2026-10-01", "2026-10-07", DayOfWeek.Thursday, DayOfWeek.Wednesday)]
    [InlineData("元旦", "2027-01-01", "2027-01-01", DayOfWeek.Friday, DayOfWeek.Friday)]
    [InlineData("春节", "2027-02-05", "2027-02-08", DayOfWeek.Friday, DayOfWeek.Monday)]
    [InlineData("清明节", "2027-04-05", "2027-04-05", DayOfWeek.Monday, DayOfWeek.Monday)]
    [InlineData("劳动节", "2027-05-01", "2027-05-02", DayOfWeek.Saturday, DayOfWeek.Sunday)]
    [InlineData("端午节", "2027-06-09", "2027-06-09", DayOfWeek.Wednesday, DayOfWeek.Wednesday)]
    [InlineData("中秋节", "2027-09-15", "2027-09-15", DayOfWeek.Wednesday, DayOfWeek.Wednesday)]
    [InlineData("国庆节", "2027-10-01", "2027-10-03", DayOfWeek.Friday, DayOfWeek.Sunday)]
    public void EachHolidayRunsFromAndToTheDaysOfTheNotice(string nameZh, string from, string to, DayOfWeek first, DayOfWeek last)
    {
        var (start, end) = (D(from), D(to));
        Assert.Equal((first, last), (start.DayOfWeek, end.DayOfWeek));
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            Assert.False(Shipped.IsWorkingDay(day), $"{day:yyyy-MM-dd} should be a holiday");
            Assert.Equal(nameZh, Shipped.Exception(day)?.NameZh);
        }
        // The holiday is no longer than the notice says.
        Assert.NotEqual(nameZh, Shipped.Exception(start.AddDays(-1))?.NameZh);
        Assert.NotEqual(nameZh, Shipped.Exception(end.AddDays(1))?.NameZh);
    }

    [Fact]
    public void EveryShippedDayIsNamedInBothLanguagesAndIsReallyAnException()
    {
        var days = HolidayData.Days;
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
        Assert.All(days, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(d.NameEn));
            Assert.InRange(d.NameZh.Length, 1, CalendarDay.MaxNameLength);
            Assert.InRange(d.NameEn.Length, 1, CalendarDay.MaxNameLength);
            if (d.IsWorkingDay)
            {
                // A make-up working day is only ever a Saturday or a Sunday.
                Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date:yyyy-MM-dd} is a {d.Date.DayOfWeek}");
                Assert.False(d.Provisional);
            }
        });
        Assert.Equal(new[] { 2024, 2025, 2026, 2027 }, HolidayData.Years);
        Assert.Equal(new[] { 28, 28, 33, 13 }, HolidayData.Years.Select(y => HolidayData.For(y).Count(d => !d.IsWorkingDay)));
    }

    [Theory]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void AYearHasTheWorkingDaysOfItsNotice(int year, int workingDays)
    {
        Assert.Equal(workingDays, Shipped.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Fact]
    public void AroundNationalDay2026()
    {
        // Wednesday 30 September; 1–7 October are off; Saturday 10 October is a make-up working day.
        Assert.Equal(D("2026-10-08"), Shipped.AddWorkingDays(D("2026-09-30"), 1));
        Assert.Equal(DayOfWeek.Thursday, D("2026-10-08").DayOfWeek);
        Assert.Equal(D("2026-10-09"), Shipped.AddWorkingDays(D("2026-09-30"), 2));
        Assert.Equal(D("2026-10-10"), Shipped.AddWorkingDays(D("2026-09-30"), 3));
        Assert.Equal(D("2026-10-12"), Shipped.AddWorkingDays(D("2026-09-30"), 4));
        Assert.True(Shipped.IsWorkingDay(D("2026-10-10")));
        Assert.False(Shipped.IsWorkingDay(D("2026-10-11")));
        // Sunday 20 September is a make-up working day too.
        Assert.Equal(D("2026-09-20"), Shipped.AddWorkingDays(D("2026-09-18"), 1));
    }

    [Fact]
    public void AroundTheSpringFestival2026()
    {
        Assert.Equal(DayOfWeek.Friday, D("2026-02-13").DayOfWeek);
        Assert.Equal(D("2026-02-14"), Shipped.AddWorkingDays(D("2026-02-13"), 1));
        Assert.Equal(D("2026-02-24"), Shipped.AddWorkingDays(D("2026-02-13"), 2));
        Assert.Equal(D("2026-02-24"), Shipped.AddWorkingDays(D("2026-02-14"), 1));
        var eve = Assert.IsType<CalendarDay>(Shipped.Exception(D("2026-02-16")));
        Assert.Equal(("春节", "Spring Festival", false), (eve.NameZh, eve.NameEn, eve.IsWorkingDay));
    }

    [Fact]
    public void WeekendsAreSkipped()
    {
        foreach (var calendar in new[] { Shipped, WorkingCalendar.WeekdaysOnly })
        {
            Assert.Equal(DayOfWeek.Friday, D("2026-03-06").DayOfWeek);
            Assert.False(calendar.IsWorkingDay(D("2026-03-07")));
            Assert.False(calendar.IsWorkingDay(D("2026-03-08")));
            Assert.True(calendar.IsWorkingDay(D("2026-03-09")));
            Assert.Equal(D("2026-03-09"), calendar.AddWorkingDays(D("2026-03-06"), 1));
            Assert.Equal(D("2026-03-13"), calendar.AddWorkingDays(D("2026-03-06"), 5));
            Assert.Equal(D("2026-03-09"), calendar.AddWorkingDays(D("2026-03-07"), 1));
        }
        // A Friday plus one is the Monday, unless the Monday is a holiday (Qingming 2026).
        Assert.Equal(D("2026-04-07"), Shipped.AddWorkingDays(D("2026-04-03"), 1));
        Assert.Equal(D("2026-04-06"), WorkingCalendar.WeekdaysOnly.AddWorkingDays(D("2026-04-03"), 1));
    }

    [Fact]
    public void ZeroDaysIsTheDayItselfOrTheNextWorkingDay()
    {
        Assert.Equal(D("2026-09-30"), Shipped.AddWorkingDays(D("2026-09-30"), 0));
        Assert.Equal(D("2026-10-08"), Shipped.AddWorkingDays(D("2026-10-03"), 0));
        Assert.Equal(D("2026-10-10"), Shipped.AddWorkingDays(D("2026-10-10"), 0));
        Assert.Equal(D("2026-03-09"), Shipped.AddWorkingDays(D("2026-03-07"), 0));
    }

    [Fact]
    public void NegativeDaysAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.AddWorkingDays(D("2026-09-30"), -1));
    }

    [Fact]
    public void WorkingDaysBetweenCountsAcrossAHoliday()
    {
        Assert.Equal(3, Shipped.WorkingDaysBetween(D("2026-09-30"), D("2026-10-10")));
        Assert.Equal(0, Shipped.WorkingDaysBetween(D("2026-09-30"), D("2026-10-07")));
        Assert.Equal(1, Shipped.WorkingDaysBetween(D("2026-09-29"), D("2026-10-07")));
        Assert.Equal(0, Shipped.WorkingDaysBetween(D("2026-10-10"), D("2026-10-10")));
        Assert.Equal(0, Shipped.WorkingDaysBetween(D("2026-10-10"), D("2026-09-30")));
        // The inverse of AddWorkingDays.
        Assert.Equal(5, Shipped.WorkingDaysBetween(D("2026-02-10"), Shipped.AddWorkingDays(D("2026-02-10"), 5)));
    }

    [Theory]
    [InlineData("2023-12-15", "2024-01-20")]
    [InlineData("2024-01-31", "2025-03-01")]
    [InlineData("2025-09-26", "2025-10-13")]
    [InlineData("2026-02-01", "2026-03-01")]
    [InlineData("2026-12-25", "2027-02-15")]
    [InlineData("2026-10-03", "2026-10-04")]
    public void WorkingDaysBetweenAgreesWithCountingDayByDay(string from, string to)
    {
        var (start, end) = (D(from), D(to));
        var counted = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (Shipped.IsWorkingDay(day))
            {
                counted++;
            }
        }
        Assert.Equal(counted, Shipped.WorkingDaysBetween(start, end));
    }

    [Fact]
    public void The2027DaysAreProvisional()
    {
        Assert.Equal(new[] { 2027 }, HolidayData.ProvisionalYears);
        Assert.True(Shipped.HasDataFor(2027));
        Assert.True(Shipped.IsProvisional(2027));
        Assert.False(Shipped.IsProvisional(2026));
        Assert.All(HolidayData.For(2027), d => Assert.True(d.Provisional));
        Assert.All(HolidayData.For(2026), d => Assert.False(d.Provisional));
        var eve = Assert.IsType<CalendarDay>(Shipped.Exception(D("2027-02-05")));
        Assert.Equal(("春节", true), (eve.NameZh, eve.Provisional));

        Assert.False(Shipped.HasDataFor(2028));
        Assert.True(Shipped.IsProvisional(2028));
        Assert.False(WorkingCalendar.WeekdaysOnly.HasDataFor(2026));
    }

    [Fact]
    public void ASnapshotDoesNotChangeWhenItsSourceDoes()
    {
        var day = new CalendarDay { Date = D("2026-12-31"), IsWorkingDay = false, NameZh = "测试", NameEn = "Test" };
        var calendar = WorkingCalendar.From([day]);
        day.IsWorkingDay = true;
        Assert.False(calendar.IsWorkingDay(D("2026-12-31")));
        Assert.Equal(D("2027-01-01"), calendar.AddWorkingDays(D("2026-12-30"), 1));
        Assert.Single(calendar.ExceptionsIn(2026));
        Assert.Empty(calendar.ExceptionsIn(2027));
    }
}
