namespace Fengqiao.Features.Statistics;

/// <summary>The days rollups are filed under: local days in the configured zone, and two sentinels.</summary>
public static class RollupDays
{
    /// <summary>For stocks that carry no date (a station, a resident): before any record began.</summary>
    public static readonly DateOnly Always = new(2000, 1, 1);

    /// <summary>For open items without a due date: never overdue.</summary>
    public static readonly DateOnly NoDue = new(9999, 12, 31);

    /// <summary>Set once at start-up from the display time zone (Asia/Shanghai unless configured).</summary>
    public static TimeZoneInfo Zone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>A UTC <see cref="DateTime"/> as stored for visits and households.</summary>
    public static DateOnly OfUtc(DateTime utc) => Of(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>The day after an inclusive end date: where a stock's −1 goes.</summary>
    public static DateOnly After(DateOnly end) => end == DateOnly.MaxValue ? end : end.AddDays(1);
}
