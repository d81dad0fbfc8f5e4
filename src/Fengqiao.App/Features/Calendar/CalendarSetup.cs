namespace Fengqiao.Features.Calendar;

public static class CalendarSetup
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarService>();
        // The shipped holidays that the database does not hold yet.
        builder.Services.AddDataSeed(DataSeeds.ReferenceData, "holidays", (sp, ct) => sp.GetRequiredService<CalendarService>().SeedShippedAsync(ct));
        return builder;
    }

    /// <summary>Loads the calendar. Call at start-up, after the database is prepared.</summary>
    public static Task PrepareCalendarAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<CalendarService>().ReloadAsync(ct);
}
