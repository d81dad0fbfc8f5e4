namespace Fengqiao.Features.Calendar;

/// <summary>A day of the calendar. <c>IsException</c> is false for a day that follows the Monday–Friday rule (then it has no names).</summary>
public sealed record CalendarDayDto(
    DateOnly Date, DayOfWeek DayOfWeek, bool IsWorkingDay, string? NameZh, string? NameEn, bool Provisional, bool IsException);

/// <summary>
/// The exceptions of a year and its number of working days. <c>Provisional</c> is true while
/// the year holds provisional days (or none at all, <c>HasData</c> false): then its deadlines may move.
/// </summary>
public sealed record CalendarYearDto(int Year, int WorkingDays, bool Provisional, bool HasData, IReadOnlyList<CalendarDayDto> Days);

public sealed record WorkingDaysDto(DateOnly From, int Days, DateOnly Due);

/// <summary>
/// Sets one day. A holiday on a weekday or a working day on a weekend is stored with its names.
/// A working weekday follows the Monday–Friday rule and is stored as no exception at all, as is a
/// day off on a weekend sent without names (a weekend holiday sent with names is kept, for its name).
/// </summary>
public sealed record CalendarDayInput(bool? IsWorkingDay, string? NameZh, string? NameEn, bool? Provisional = null);

public static class CalendarEndpoints
{
    public const int MinYear = 1950;
    public const int MaxYear = 2100;
    public const int MaxDays = 365;

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization(Policies.Staff);
        group.MapGet("/", GetThisYear).WithName("GetCalendar")
            .WithSummary("The same for ?year=yyyy, or for this year in the configured zone when no year is given.");
        group.MapGet("/{year:int}", GetYear).WithName("GetCalendarYear")
            .WithSummary("Public holidays and make-up working days of a year, and its number of working days.");
        group.MapGet("/add", Add).WithName("AddWorkingDays")
            .WithSummary("The date a number of working days after another: 0 is the day itself or the next working day.");
        group.MapPut("/{date}", Put).RequireAuthorization(Policies.ManageAreas).WithName("SetCalendarDay")
            .WithSummary("Makes a day a holiday or a make-up working day (or an ordinary day again).");
        group.MapDelete("/{date}", Delete).RequireAuthorization(Policies.ManageAreas).WithName("DeleteCalendarDay")
            .WithSummary("Removes an exception: the day follows the Monday–Friday rule again.");
        return app;
    }

    internal static CalendarDayDto ToDto(CalendarDay d) =>
        new(d.Date, d.Date.DayOfWeek, d.IsWorkingDay, d.NameZh, d.NameEn, d.Provisional, true);

    private static Task<Results<Ok<CalendarYearDto>, ValidationProblem>> GetThisYear(
        CalendarService calendar, ChecksFactory checks, LocalClock clock, int? year, CancellationToken ct) =>
        GetYear(calendar, checks, year ?? clock.Today.Year, ct);

    private static async Task<Results<Ok<CalendarYearDto>, ValidationProblem>> GetYear(
        CalendarService calendar, ChecksFactory checks, int year, CancellationToken ct)
    {
        var c = checks.Create().When(year is < MinYear or > MaxYear, "year", "Give a year between 1950 and {0}.", MaxYear);
        if (!c.Ok)
        {
            return c.Problem();
        }
        var current = await calendar.FreshAsync(ct);
        var workingDays = current.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31));
        var days = current.ExceptionsIn(year).Select(ToDto).ToList();
        return TypedResults.Ok(new CalendarYearDto(year, workingDays, current.IsProvisional(year), current.HasDataFor(year), days));
    }

    private static async Task<Results<Ok<WorkingDaysDto>, ValidationProblem>> Add(
        CalendarService calendar, ChecksFactory checks, [FromQuery(Name = "from")] DateOnly? start, int? days, CancellationToken ct)
    {
        var c = checks.Create()
            .When(start is null, "from", "This field is required.")
            .When(start is { Year: < MinYear or > MaxYear }, "from", "Give a year between 1950 and {0}.", MaxYear)
            .When(days is null, "days", "This field is required.")
            .When(days is < 0 or > MaxDays, "days", "Give a number of working days between 0 and {0}.", MaxDays);
        if (!c.Ok)
        {
            return c.Problem();
        }
        var current = await calendar.FreshAsync(ct);
        return TypedResults.Ok(new WorkingDaysDto(start!.Value, days!.Value, current.AddWorkingDays(start.Value, days.Value)));
    }

    private static async Task<Results<Ok<CalendarDayDto>, ValidationProblem, Conflict<ProblemDetails>>> Put(
        AppDb db, CalendarService calendar, ChecksFactory checks, IStringLocalizer<SharedResource> l,
        DateOnly date, CalendarDayInput input, CancellationToken ct)
    {
        // A holiday on a weekday or a working day on a weekend changes the count of working days;
        // a weekend holiday changes nothing but is kept when it is given a name (as shipped days are).
        var weekend = WorkingCalendar.IsWeekend(date);
        var named = !string.IsNullOrWhiteSpace(input.NameZh) || !string.IsNullOrWhiteSpace(input.NameEn);
        var isException = input.IsWorkingDay is { } working && (working == weekend || (weekend && named));
        var c = checks.Create()
            .When(date.Year is < MinYear or > MaxYear, "date", "Give a year between 1950 and {0}.", MaxYear)
            .When(input.IsWorkingDay is null, "isWorkingDay", "This field is required.");
        if (isException)
        {
            c.Required("nameZh", input.NameZh, CalendarDay.MaxNameLength).Required("nameEn", input.NameEn, CalendarDay.MaxNameLength);
        }
        else
        {
            c.Optional("nameZh", input.NameZh, CalendarDay.MaxNameLength).Optional("nameEn", input.NameEn, CalendarDay.MaxNameLength);
        }
        if (!c.Ok)
        {
            return c.Problem();
        }

        var set = db.Set<CalendarDay>();
        var row = await set.FirstOrDefaultAsync(d => d.Date == date, ct);
        CalendarDayDto result;
        if (isException)
        {
            if (row is null)
            {
                row = new CalendarDay { Date = date };
                set.Add(row);
            }
            row.IsWorkingDay = input.IsWorkingDay!.Value;
            row.NameZh = input.NameZh!.Trim();
            row.NameEn = input.NameEn!.Trim();
            row.Provisional = input.Provisional ?? false;
            result = ToDto(row);
        }
        else
        {
            if (row is not null)
            {
                set.Remove(row);
            }
            result = new CalendarDayDto(date, date.DayOfWeek, input.IsWorkingDay!.Value, null, null, false, false);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another administrator set the same day at the same moment.
            return Problems.Duplicate(l, "Someone else changed this record while you were editing it. Review the current version and try again.");
        }
        await calendar.ReloadAsync(ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<NoContent, NotFound>> Delete(AppDb db, CalendarService calendar, DateOnly date, CancellationToken ct)
    {
        var deleted = await db.Set<CalendarDay>().Where(d => d.Date == date).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return TypedResults.NotFound();
        }
        await calendar.ReloadAsync(ct);
        return TypedResults.NoContent();
    }
}
