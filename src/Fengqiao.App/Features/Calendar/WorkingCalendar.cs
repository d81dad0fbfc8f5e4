using System.Collections.Frozen;

namespace Fengqiao.Features.Calendar;

/// <summary>
/// Which days are working days in mainland China: Monday to Friday, except the stored
/// <see cref="CalendarDay"/> exceptions (public holidays, and weekend make-up working days).
/// An immutable snapshot: safe to share between threads; <see cref="CalendarService"/> swaps in
/// a new one when the table changes. Days are calendar dates in China (Asia/Shanghai).
/// </summary>
public sealed class WorkingCalendar(IReadOnlyDictionary<DateOnly, CalendarDay> exceptions)
{
    // Copies, so that no one holding an entity can change the snapshot under its readers.
    private readonly FrozenDictionary<DateOnly, CalendarDay> _exceptions =
        exceptions.ToFrozenDictionary(e => e.Key, e => e.Value.Copy());

    private readonly FrozenSet<int> _years = exceptions.Keys.Select(d => d.Year).ToFrozenSet();

    /// <summary>No exceptions at all: Monday to Friday only.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new(new Dictionary<DateOnly, CalendarDay>());

    /// <summary>A calendar of the given exception days (the last one wins for a repeated date).</summary>
    public static WorkingCalendar From(IEnumerable<CalendarDay> days)
    {
        var map = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in days)
        {
            map[day.Date] = day;
        }
        return new WorkingCalendar(map);
    }

    /// <summary>Every exception day, in date order.</summary>
    public IReadOnlyList<CalendarDay> Exceptions => [.. _exceptions.Values.OrderBy(d => d.Date)];

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day) =>
        _exceptions.TryGetValue(day, out var exception) ? exception.IsWorkingDay : !IsWeekend(day);

    /// <summary>The stored exception for the day, or null when the day follows the Monday–Friday rule.</summary>
    public CalendarDay? Exception(DateOnly day) => _exceptions.GetValueOrDefault(day);

    /// <summary>The exception days of one year, in date order.</summary>
    public IReadOnlyList<CalendarDay> ExceptionsIn(int year) =>
        [.. _exceptions.Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date)];

    /// <summary>Whether any exception is known for the year (every Chinese year has at least New Year's Day).</summary>
    public bool HasDataFor(int year) => _years.Contains(year);

    /// <summary>Whether the known days of the year are only provisional (or no days are known at all).</summary>
    public bool IsProvisional(int year) =>
        !HasDataFor(year) || _exceptions.Values.Any(d => d.Date.Year == year && d.Provisional);

    /// <summary>
    /// The deadline <paramref name="days"/> working days after <paramref name="start"/>: for 0, the
    /// start itself when it is a working day, else the next working day; otherwise the
    /// <paramref name="days"/>-th working day strictly after the start (a Friday plus one is the
    /// next Monday, unless that Monday is a holiday).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        if (days == 0)
        {
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }
            return day;
        }
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }

    /// <summary>The number of working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>; 0 when the range is empty.</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive <= fromExclusive)
        {
            return 0;
        }
        // Monday–Friday by arithmetic (whole weeks, then the few days left), then the exceptions.
        var span = toInclusive.DayNumber - fromExclusive.DayNumber;
        var count = span / 7 * 5;
        for (var day = fromExclusive.AddDays(span / 7 * 7 + 1); day <= toInclusive; day = day.AddDays(1))
        {
            if (!IsWeekend(day))
            {
                count++;
            }
        }
        foreach (var (date, exception) in _exceptions)
        {
            if (date > fromExclusive && date <= toInclusive && exception.IsWorkingDay == IsWeekend(date))
            {
                // A holiday on a weekday, or a make-up working day on a weekend.
                count += exception.IsWorkingDay ? 1 : -1;
            }
        }
        return count;
    }
}
