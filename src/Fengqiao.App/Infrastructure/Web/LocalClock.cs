namespace Fengqiao.Infrastructure.Web;

/// <summary>
/// "Today" where the users are. Instants are stored in UTC; days (deadlines, statistics) are
/// days in the configured zone (Asia/Shanghai by default), so a case registered at 01:00 in
/// Changchun counts on that Changchun day.
/// </summary>
public sealed class LocalClock(TimeProvider time, IOptions<DisplayOptions> display)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(display.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DayOf(time.GetUtcNow());

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>A wall-clock time typed into a form (no offset) read as local time in the configured zone.</summary>
    public DateTimeOffset FromLocal(DateTime wallClock) =>
        new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), _zone.GetUtcOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified)));
}
