using Fengqiao.Features.Areas;
using Fengqiao.Features.Supervision;

namespace Fengqiao.Features.Demo;

public static partial class DemoSetup
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<DemoCaseSeeder>();
        builder.Services.AddScoped<DemoServiceSeeder>();
        builder.Services.AddDataSeed(DataSeeds.Demo, "roles and demo", (sp, ct) => sp.SeedDemoAsync(ct));
        return builder;
    }

    /// <summary>
    /// Ensures the sign-in roles exist and, in demo mode, seeds the demo province into a database
    /// that has no areas yet. Runs as the system (unrestricted jurisdiction).
    /// </summary>
    public static async Task SeedDemoAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<Jurisdiction>().GrantAll();
        await RoleSeed.EnsureRolesAsync(provider);
        if (!provider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return;
        }

        var log = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSetup));
        var db = provider.GetRequiredService<AppDb>();
        if (await db.Areas.IgnoreQueryFilters().AnyAsync(ct))
        {
            LogAlreadyPresent(log);
            return;
        }

        // Tens of thousands of made-up rows: one audit entry says the demo was seeded, not one per row.
        provider.GetRequiredService<Jurisdiction>().AuditChanges = false;
        Infrastructure.Audit.AuditLog.Write(db, "demo-seeded", "Database", "demo");
        await db.SaveChangesAsync(ct);
        var started = TimeProvider.System.GetTimestamp();
        var (areas, units, people, posts, secondments) = await provider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        var elapsedMs = (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        LogSeeded(log, areas, units, people, posts, secondments, elapsedMs);

        started = TimeProvider.System.GetTimestamp();
        var caseSeeder = provider.GetRequiredService<DemoCaseSeeder>();
        var cases = await caseSeeder.SeedAsync(ct);
        LogCasesSeeded(log, cases, caseSeeder.DangerCount, (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        // Overdue demo cases and dangers carry their supervision notices from the start.
        await provider.GetRequiredService<Escalation>().RunOnceAsync(provider.GetRequiredService<LocalClock>().Today, ct);

        started = TimeProvider.System.GetTimestamp();
        var serviceSeeder = provider.GetRequiredService<DemoServiceSeeder>();
        var records = await serviceSeeder.SeedAsync(ct);
        LogServicesSeeded(log, serviceSeeder.OutletCount, records, serviceSeeder.TicketCount, serviceSeeder.ReviewCount,
            serviceSeeder.RectificationCount, (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);

        await Board.BoardDemo.SeedAsync(db, provider.GetRequiredService<TimeProvider>(), ct);

        started = TimeProvider.System.GetTimestamp();
        var households = await Households.HouseholdsDemo.SeedAsync(db, provider.GetRequiredService<Infrastructure.Privacy.FieldProtector>(), ct);
        var visits = await Visits.VisitsDemo.SeedAsync(db, provider.GetRequiredService<LocalClock>(), ct);
        await Demands.DemandsDemo.SeedAsync(db, provider.GetRequiredService<LocalClock>(), ct);
        await Diversions.DiversionsDemo.SeedAsync(db, provider.GetRequiredService<Infrastructure.Privacy.FieldProtector>(), ct);
        await Demands.DepartmentsDemo.SeedAsync(db, provider.GetRequiredService<Infrastructure.Privacy.FieldProtector>(), ct);
        await Teams.TeamsDemo.SeedAsync(db, provider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Auth.AppUser>>(),
            provider.GetRequiredService<Infrastructure.Privacy.FieldProtector>(), provider.GetRequiredService<LocalClock>(), provider.GetRequiredService<TimeProvider>(), ct);
        LogFieldWorkSeeded(log, households, visits, (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);

        // The grid index may have been built over the empty database.
        provider.GetService<GridLocator>()?.Invalidate();
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "Demo province seeded: {Areas} areas, {Units} units, {People} people, {Posts} posts, {Secondments} secondments in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, int areas, int units, int people, int posts, int secondments, long elapsedMs);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information,
        Message = "Demo cases seeded: {Cases} dispute cases and {Dangers} hidden dangers in {ElapsedMs} ms")]
    private static partial void LogCasesSeeded(ILogger logger, int cases, int dangers, long elapsedMs);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information,
        Message = "Demo services seeded: {Outlets} outlets, {Records} service records, {Tickets} queue tickets, {Reviews} reviews and {Rectifications} rectifications in {ElapsedMs} ms")]
    private static partial void LogServicesSeeded(ILogger logger, int outlets, int records, int tickets, int reviews, int rectifications, long elapsedMs);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Demo field work seeded: {Households} households, {Visits} visits in {ElapsedMs} ms")]
    private static partial void LogFieldWorkSeeded(ILogger logger, int households, int visits, long elapsedMs);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Demo mode: the database already holds areas, so nothing was seeded")]
    private static partial void LogAlreadyPresent(ILogger logger);
}
