using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Calendar;
using Fengqiao.Tests.Infrastructure;

namespace Fengqiao.Tests.Features.Calendar;

public abstract class CalendarApiTests(FengqiaoApp app)
{
    [Fact]
    public async Task TheYear2026ListsTheSpringFestivalAndItsMakeUpDays()
    {
        var officer = await app.ClientAsync("demo.officer");
        var year = await officer.GetJsonAsync<CalendarYearDto>("/api/calendar/2026");

        Assert.Equal((2026, false, true), (year.Year, year.Provisional, year.HasData));
        var spring = year.Days.Where(d => d.NameZh == "春节").ToList();
        Assert.Equal(9, spring.Count);
        Assert.All(spring, d => Assert.False(d.IsWorkingDay));
        Assert.Equal(new DateOnly(2026, 2, 15), spring[0].Date);
        var makeUp = Assert.Single(year.Days, d => d.Date == new DateOnly(2026, 2, 14));
        Assert.Equal((true, "春节调休上班", "Make-up working day (Spring Festival)", DayOfWeek.Saturday, true),
            (makeUp.IsWorkingDay, makeUp.NameZh, makeUp.NameEn, makeUp.DayOfWeek, makeUp.IsException));

        // 2025 is not edited by any test of this class, so its count is exact.
        Assert.Equal(248, (await officer.GetJsonAsync<CalendarYearDto>("/api/calendar/2025")).WorkingDays);
        var y2027 = await officer.GetJsonAsync<CalendarYearDto>("/api/calendar/2027");
        Assert.True(y2027.Provisional);
        Assert.All(y2027.Days, d => Assert.True(d.Provisional));
        var y2030 = await officer.GetJsonAsync<CalendarYearDto>("/api/calendar/2030");
        Assert.Equal((false, true, 0), (y2030.HasData, y2030.Provisional, y2030.Days.Count));
    }

    [Fact]
    public async Task TheCalendarItselfListsThisYearOrTheYearAsked()
    {
        var officer = await app.ClientAsync("demo.officer");
        var thisYear = await officer.GetJsonAsync<CalendarYearDto>("/api/calendar");
        var shanghai = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        Assert.Equal(shanghai, thisYear.Year);

        var asked = await officer.GetJsonAsync<CalendarYearDto>("/api/calendar?year=2025");
        Assert.Equal((2025, 248), (asked.Year, asked.WorkingDays));
        Assert.Equal((await officer.GetJsonAsync<CalendarYearDto>("/api/calendar/2025")).Days, asked.Days);
        Assert.Contains(asked.Days, d => d.NameZh!.Contains("国庆", StringComparison.Ordinal) && !d.IsWorkingDay);

        var zh = await app.ClientAsync("demo.officer", "zh-CN");
        var tooEarly = await zh.GetAsync("/api/calendar?year=1900");
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("1950", (await tooEarly.ErrorsAsync())["year"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync(null)).GetAsync("/api/calendar")).StatusCode);
    }

    [Fact]
    public async Task DeadlinesSkipTheNationalDayWeek()
    {
        var officer = await app.ClientAsync("demo.officer");

        var next = await officer.GetJsonAsync<WorkingDaysDto>("/api/calendar/add?from=2026-09-30&days=1");
        Assert.Equal(new WorkingDaysDto(new DateOnly(2026, 9, 30), 1, new DateOnly(2026, 10, 8)), next);
        var third = await officer.GetJsonAsync<WorkingDaysDto>("/api/calendar/add?from=2026-09-30&days=3");
        Assert.Equal(new DateOnly(2026, 10, 10), third.Due); // Saturday, a make-up working day
        var same = await officer.GetJsonAsync<WorkingDaysDto>("/api/calendar/add?from=2026-10-03&days=0");
        Assert.Equal(new DateOnly(2026, 10, 8), same.Due);
    }

    [Fact]
    public async Task AnAdministratorAddsAHolidayAndDeadlinesSkipIt()
    {
        var admin = await app.ClientAsync("demo.admin");
        const string add = "/api/calendar/add?from=2026-12-30&days=1";
        Assert.Equal(new DateOnly(2026, 12, 31), (await admin.GetJsonAsync<WorkingDaysDto>(add)).Due);

        var put = await admin.PutAsJsonAsync("/api/calendar/2026-12-31", new { isWorkingDay = false, nameZh = "测试假日", nameEn = "Test holiday" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var day = (await put.Content.ReadFromJsonAsync<CalendarDayDto>(Api.Json))!;
        Assert.Equal((new DateOnly(2026, 12, 31), false, "测试假日", true, false), (day.Date, day.IsWorkingDay, day.NameZh, day.IsException, day.Provisional));

        // Thursday 31 December is now off and Friday 1 January 2027 is New Year's Day.
        Assert.Equal(new DateOnly(2027, 1, 4), (await admin.GetJsonAsync<WorkingDaysDto>(add)).Due);
        var year = await admin.GetJsonAsync<CalendarYearDto>("/api/calendar/2026");
        Assert.Contains(year.Days, d => d.Date == new DateOnly(2026, 12, 31) && d.NameEn == "Test holiday");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/2026-12-31")).StatusCode);
        Assert.Equal(new DateOnly(2026, 12, 31), (await admin.GetJsonAsync<WorkingDaysDto>(add)).Due);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/calendar/2026-12-31")).StatusCode);
    }

    [Fact]
    public async Task MakingAHolidayAnOrdinaryWorkingDayRemovesTheException()
    {
        var admin = await app.ClientAsync("demo.admin");
        const string add = "/api/calendar/add?from=2026-06-18&days=1";
        Assert.Equal(new DateOnly(2026, 6, 22), (await admin.GetJsonAsync<WorkingDaysDto>(add)).Due); // Friday 19 June is 端午节

        var put = await admin.PutAsJsonAsync("/api/calendar/2026-06-19", new { isWorkingDay = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var day = (await put.Content.ReadFromJsonAsync<CalendarDayDto>(Api.Json))!;
        Assert.Equal((true, false, (string?)null), (day.IsWorkingDay, day.IsException, day.NameZh));
        Assert.Equal(new DateOnly(2026, 6, 19), (await admin.GetJsonAsync<WorkingDaysDto>(add)).Due);
        Assert.DoesNotContain((await admin.GetJsonAsync<CalendarYearDto>("/api/calendar/2026")).Days, d => d.Date == new DateOnly(2026, 6, 19));

        var back = await admin.PutAsJsonAsync("/api/calendar/2026-06-19", new { isWorkingDay = false, nameZh = "端午节", nameEn = "Dragon Boat Festival" });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(new DateOnly(2026, 6, 22), (await admin.GetJsonAsync<WorkingDaysDto>(add)).Due);
    }

    [Fact]
    public async Task AWeekendHolidayIsKeptForItsNameAndAPlainWeekendIsNotStored()
    {
        var admin = await app.ClientAsync("demo.admin");

        // Sunday 4 October 2026, inside the National Day holiday: renaming it keeps it.
        var named = await admin.PutAsJsonAsync("/api/calendar/2026-10-04", new { isWorkingDay = false, nameZh = "国庆节", nameEn = "National Day" });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.True((await named.Content.ReadFromJsonAsync<CalendarDayDto>(Api.Json))!.IsException);
        Assert.Contains((await admin.GetJsonAsync<CalendarYearDto>("/api/calendar/2026")).Days, d => d.Date == new DateOnly(2026, 10, 4));

        // An ordinary Sunday sent as a day off is no exception: nothing is stored.
        var plain = await admin.PutAsJsonAsync("/api/calendar/2026-03-08", new { isWorkingDay = false });
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False((await plain.Content.ReadFromJsonAsync<CalendarDayDto>(Api.Json))!.IsException);
        Assert.DoesNotContain((await admin.GetJsonAsync<CalendarYearDto>("/api/calendar/2026")).Days, d => d.Date == new DateOnly(2026, 3, 8));
    }

    [Fact]
    public async Task OnlyAnAdministratorEditsTheCalendar()
    {
        var officer = await app.ClientAsync("demo.officer");
        var put = await officer.PutAsJsonAsync("/api/calendar/2026-12-30", new { isWorkingDay = false, nameZh = "假日", nameEn = "Holiday" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.DeleteAsync("/api/calendar/2026-10-01")).StatusCode);
        Assert.Equal(new DateOnly(2026, 12, 30), (await officer.GetJsonAsync<WorkingDaysDto>("/api/calendar/add?from=2026-12-30&days=0")).Due);

        var anonymous = await app.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/calendar/2026")).StatusCode);
    }

    [Fact]
    public async Task BadInputIsAValidationProblem()
    {
        var admin = await app.ClientAsync("demo.admin");

        var negative = await admin.GetAsync("/api/calendar/add?from=2026-09-30&days=-1");
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal("Give a number of working days between 0 and 365.", Assert.Single((await negative.ErrorsAsync())["days"]));

        var missing = await admin.GetAsync("/api/calendar/add?days=3");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("This field is required.", Assert.Single((await missing.ErrorsAsync())["from"]));

        var unnamed = await admin.PutAsJsonAsync("/api/calendar/2026-12-30", new { isWorkingDay = false, nameEn = new string('x', 51) });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        var errors = await unnamed.ErrorsAsync();
        Assert.Equal("This field is required.", Assert.Single(errors["nameZh"]));
        Assert.Equal("At most 50 characters.", Assert.Single(errors["nameEn"]));

        Assert.Contains("year", (await (await admin.GetAsync("/api/calendar/1800")).ErrorsAsync()).Keys);
    }
}

public sealed class SqliteCalendarApiTests(SqliteApp app) : CalendarApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCalendarApiTests(PostgresApp app) : CalendarApiTests(app), IClassFixture<PostgresApp>;
