namespace Fengqiao.Features.Calendar;

/// <summary>
/// The public holidays and make-up working days shipped with the app, from the State Council
/// General Office notices on the arrangement of some public holidays
/// (国务院办公厅关于XXXX年部分节假日安排的通知). Only exceptions to the Monday–Friday rule are listed.
/// They are copied into the database at start-up (<see cref="CalendarService.SeedShippedAsync"/>);
/// from then on the table is the truth and administrators edit it through the API.
/// </summary>
public static class HolidayData
{
    private sealed record Festival(string NameZh, string NameEn, string? ShortEn = null)
    {
        public string MakeUpZh => $"{NameZh}调休上班";
        public string MakeUpEn => $"Make-up working day ({ShortEn ?? NameEn})";
    }

    private sealed record Entry(DateOnly Date, bool IsWorkingDay, string NameZh, string NameEn, bool Provisional);

    private static readonly Festival NewYear = new("元旦", "New Year's Day");
    private static readonly Festival SpringFestival = new("春节", "Spring Festival");
    private static readonly Festival Qingming = new("清明节", "Qingming Festival");
    private static readonly Festival LabourDay = new("劳动节", "Labour Day");
    private static readonly Festival DragonBoat = new("端午节", "Dragon Boat Festival");
    private static readonly Festival MidAutumn = new("中秋节", "Mid-Autumn Festival");
    private static readonly Festival NationalDay = new("国庆节", "National Day");
    private static readonly Festival NationalDayAndMidAutumn =
        new("国庆节、中秋节", "National Day and Mid-Autumn Festival", "National Day, Mid-Autumn");

    // Declared after the festivals: static fields are initialised in textual order.
    private static readonly Entry[] Table =
    [
        // 2024: 国务院办公厅关于2024年部分节假日安排的通知.
        .. Off(NewYear, 2024, 1, 1, 1, 1),
        .. Off(SpringFestival, 2024, 2, 10, 2, 17),
        .. Work(SpringFestival, 2024, (2, 4), (2, 18)),
        .. Off(Qingming, 2024, 4, 4, 4, 6),
        .. Work(Qingming, 2024, (4, 7)),
        .. Off(LabourDay, 2024, 5, 1, 5, 5),
        .. Work(LabourDay, 2024, (4, 28), (5, 11)),
        .. Off(DragonBoat, 2024, 6, 10, 6, 10),
        .. Off(MidAutumn, 2024, 9, 15, 9, 17),
        .. Work(MidAutumn, 2024, (9, 14)),
        .. Off(NationalDay, 2024, 10, 1, 10, 7),
        .. Work(NationalDay, 2024, (9, 29), (10, 12)),

        // 2025: 国务院办公厅关于2025年部分节假日安排的通知 (the first year with New Year's Eve
        // of the Spring Festival and 2 May as statutory holidays).
        .. Off(NewYear, 2025, 1, 1, 1, 1),
        .. Off(SpringFestival, 2025, 1, 28, 2, 4),
        .. Work(SpringFestival, 2025, (1, 26), (2, 8)),
        .. Off(Qingming, 2025, 4, 4, 4, 6),
        .. Off(LabourDay, 2025, 5, 1, 5, 5),
        .. Work(LabourDay, 2025, (4, 27)),
        .. Off(DragonBoat, 2025, 5, 31, 6, 2),
        .. Off(NationalDayAndMidAutumn, 2025, 10, 1, 10, 8),
        .. Work(NationalDayAndMidAutumn, 2025, (9, 28), (10, 11)),

        // 2026: 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025).
        .. Off(NewYear, 2026, 1, 1, 1, 3),
        .. Work(NewYear, 2026, (1, 4)),
        .. Off(SpringFestival, 2026, 2, 15, 2, 23),
        .. Work(SpringFestival, 2026, (2, 14), (2, 28)),
        .. Off(Qingming, 2026, 4, 4, 4, 6),
        .. Off(LabourDay, 2026, 5, 1, 5, 5),
        .. Work(LabourDay, 2026, (5, 9)),
        .. Off(DragonBoat, 2026, 6, 19, 6, 21),
        .. Off(MidAutumn, 2026, 9, 25, 9, 27),
        .. Off(NationalDay, 2026, 10, 1, 10, 7),
        .. Work(NationalDay, 2026, (9, 20), (10, 10)),

        // 2027: PROVISIONAL. The State Council's arrangement for 2027 was not published when this
        // was written, so only the statutory days of the national holiday regulations
        // (全国年节及纪念日放假办法, as revised in 2024) are shipped, without bridging days or make-up
        // working days. When the notice is published an administrator replaces these days through
        // the API (PUT and DELETE /api/calendar/{date}); days edited there are no longer provisional.
        .. Off(NewYear, 2027, 1, 1, 1, 1, provisional: true),
        .. Off(SpringFestival, 2027, 2, 5, 2, 8, provisional: true), // 除夕 (New Year's Eve) to the third day
        .. Off(Qingming, 2027, 4, 5, 4, 5, provisional: true),
        .. Off(LabourDay, 2027, 5, 1, 5, 2, provisional: true),
        .. Off(DragonBoat, 2027, 6, 9, 6, 9, provisional: true),
        .. Off(MidAutumn, 2027, 9, 15, 9, 15, provisional: true),
        .. Off(NationalDay, 2027, 10, 1, 10, 3, provisional: true),
    ];

    /// <summary>The years the shipped data covers, ascending.</summary>
    public static IReadOnlyList<int> Years { get; } = [.. Table.Select(e => e.Date.Year).Distinct().Order()];

    /// <summary>Years shipped with statutory days only, waiting for the State Council's notice.</summary>
    public static IReadOnlyList<int> ProvisionalYears { get; } = [.. Table.Where(e => e.Provisional).Select(e => e.Date.Year).Distinct().Order()];

    /// <summary>Every shipped day, as new entities (callers may add them to a context or change them).</summary>
    public static IReadOnlyList<CalendarDay> Days => [.. Table.Select(ToDay)];

    /// <summary>The shipped days of one year, as new entities.</summary>
    public static IReadOnlyList<CalendarDay> For(int year) => [.. Table.Where(e => e.Date.Year == year).Select(ToDay)];

    /// <summary>A calendar of the shipped days alone, before anything was read from the database.</summary>
    public static WorkingCalendar ShippedCalendar() => WorkingCalendar.From(Days);

    private static CalendarDay ToDay(Entry e) => new()
    {
        Date = e.Date,
        IsWorkingDay = e.IsWorkingDay,
        NameZh = e.NameZh,
        NameEn = e.NameEn,
        Provisional = e.Provisional,
    };

    /// <summary>Days off from one date to another, both included, within one year.</summary>
    private static IEnumerable<Entry> Off(Festival f, int year, int fromMonth, int fromDay, int toMonth, int toDay, bool provisional = false)
    {
        var first = new DateOnly(year, fromMonth, fromDay);
        var count = new DateOnly(year, toMonth, toDay).DayNumber - first.DayNumber + 1;
        return Enumerable.Range(0, count).Select(i => new Entry(first.AddDays(i), false, f.NameZh, f.NameEn, provisional));
    }

    /// <summary>Make-up working days (调休上班) for a festival.</summary>
    private static IEnumerable<Entry> Work(Festival f, int year, params (int Month, int Day)[] days) =>
        days.Select(d => new Entry(new DateOnly(year, d.Month, d.Day), true, f.MakeUpZh, f.MakeUpEn, false));
}
