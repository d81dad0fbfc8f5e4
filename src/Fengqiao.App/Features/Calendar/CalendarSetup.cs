namespace Fengqiao.Features.Calendar;

public static class CalendarSetup
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarService>();
        return builder;
    }

    /// <summary>
    /// Writes the shipped holidays that the database does not hold yet and loads the calendar.
    /// Call at start-up, after the database is migrated.
    /// </summary>
    public static Task PrepareCalendarAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<CalendarService>().SeedShippedAsync(ct);
}
