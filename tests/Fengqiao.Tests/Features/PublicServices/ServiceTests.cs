using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.PublicServices;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.PublicServices;

/// <summary>One-window services through the HTTP API, on both databases.</summary>
public abstract class ServiceTests(FengqiaoApp app)
{
    private static int _residents;

    private async Task<OutletDto> OutletAsync(HttpClient admin, string station = "重庆路派出所")
    {
        var unit = await DemoFacts.UnitAsync(admin, station);
        var response = await admin.PostAsJsonAsync("/api/services/outlets", new
        {
            unitId = unit.Id, kind = "StationWindow", nameZh = $"{station}综合窗口{Interlocked.Increment(ref _residents)}", nameEn = "Comprehensive window",
            openingHours = "08:30-11:30,13:30-17:00", slotMinutes = 30,
            serviceCodes = new[] { "ID-RENEW", "ID-TEMP", "HR-NEWBORN", "MED-INSURANCE", "ID-FIRST", "EE-PASSPORT", "TR-VIOLATION" },
            counters = new[] { "1号窗口", "2号窗口" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<OutletDto>(Api.Json))!;
    }

    private async Task<HttpClient> ResidentAsync(string displayName = "王先生")
    {
        var client = await app.ClientAsync(null);
        var phone = $"139{Environment.ProcessId % 10000:0000}{Interlocked.Increment(ref _residents):0000}";
        var registered = await client.PostAsJsonAsync("/api/portal/register", new { userName = phone, displayName, password = "Resident-Pass-1" });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var signedIn = await client.PostAsJsonAsync("/api/account/login", new { userName = phone, password = "Resident-Pass-1" });
        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        return client;
    }

    private DateOnly NextWorkingDay => app.Services.GetRequiredService<CalendarService>().Current
        .AddWorkingDays(app.Services.GetRequiredService<LocalClock>().Today, 1);

    [Fact]
    public async Task TheExpresswayStationListsItsLoungeChargingAndFirstAidAndOutletsFilterByFacility()
    {
        var anyone = await app.ClientAsync(null);
        var charging = await anyone.PageAsync<OutletDto>("/api/services/outlets?facility=Charging");
        var expressway = Assert.Single(charging.Items);
        Assert.Equal(OutletKind.ExpresswayStation, expressway.Kind);
        Assert.Superset(new HashSet<Facilities> { Facilities.Lounge, Facilities.Charging, Facilities.FirstAid }, expressway.Facilities.ToHashSet());

        var admin = await app.ClientAsync("demo.admin", "zh-CN");
        var unit = await DemoFacts.UnitAsync(admin, "重庆路派出所");
        var bad = await admin.PostAsJsonAsync("/api/services/outlets", new
        {
            unitId = unit.Id, kind = "StationWindow", nameZh = "便民窗口", nameEn = "Window", openingHours = "08:30-11:30",
            serviceCodes = new[] { "ID-RENEW" }, counters = new[] { "1号窗口" }, facilities = new[] { "None" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("没有这种便民设施。", Assert.Single((await bad.ErrorsAsync())["facilities"]));
        var made = await admin.PostAsJsonAsync("/api/services/outlets", new
        {
            unitId = unit.Id, kind = "StationWindow", nameZh = "便民窗口甲", nameEn = "Window A", openingHours = "08:30-11:30",
            serviceCodes = new[] { "ID-RENEW" }, counters = new[] { "1号窗口" }, facilities = new[] { "DrinkingWater", "StepFreeAccess" },
        });
        Assert.Equal([Facilities.DrinkingWater, Facilities.StepFreeAccess], (await made.Content.ReadFromJsonAsync<OutletDto>(Api.Json))!.Facilities);
    }

    [Fact]
    public async Task ASlotsLastSeatGoesToExactlyOneOfFiftyConcurrentBookings()
    {
        var admin = await app.ClientAsync("demo.admin");
        var outlet = await OutletAsync(admin);
        var slot = (await admin.GetJsonAsync<List<SlotDto>>($"/api/services/outlets/{outlet.Id}/slots?date={NextWorkingDay:yyyy-MM-dd}"))[0];
        Assert.Equal(4, slot.Capacity); // two counters, two seats each

        for (var n = 0; n < slot.Capacity - 1; n++)
        {
            var early = await ResidentAsync();
            Assert.Equal(HttpStatusCode.Created, (await early.PostAsJsonAsync("/api/services/appointments", new { slotId = slot.Id, serviceCode = "ID-RENEW" })).StatusCode);
        }
        var crowd = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ResidentAsync()));
        var answers = await Task.WhenAll(crowd.Select(c => c.PostAsJsonAsync("/api/services/appointments", new { slotId = slot.Id, serviceCode = "ID-RENEW" })));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var after = (await admin.GetJsonAsync<List<SlotDto>>($"/api/services/outlets/{outlet.Id}/slots?date={NextWorkingDay:yyyy-MM-dd}"))[0];
        Assert.Equal((4, 0), (after.Booked, after.Free));
        var day = await admin.GetJsonAsync<List<AppointmentDto>>($"/api/services/outlets/{outlet.Id}/appointments?date={NextWorkingDay:yyyy-MM-dd}");
        Assert.Equal(4, day.Count(a => a.Status == AppointmentStatus.Booked));
    }

    [Fact]
    public async Task ASignUpNeedsAMobileNumberOrEMailAndAFreshName()
    {
        var client = await app.ClientAsync(null, "zh-CN");
        var bad = await client.PostAsJsonAsync("/api/portal/register", new { userName = "12345", displayName = "王", password = "Resident-Pass-1" });
        Assert.Equal("手机号码为以 1 开头的 11 位数字。", Assert.Single((await bad.ErrorsAsync())["userName"]));
        var weak = await client.PostAsJsonAsync("/api/portal/register", new { userName = "wang@example.com", displayName = "王", password = "short" });
        Assert.Contains("password", (await weak.ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/portal/register", new { userName = "zhao@example.com", displayName = "赵", password = "Resident-Pass-1" })).StatusCode);
        var again = await client.PostAsJsonAsync("/api/portal/register", new { userName = "zhao@example.com", displayName = "赵", password = "Resident-Pass-1" });
        Assert.Equal("该用户名已有账号，请直接登录。", Assert.Single((await again.ErrorsAsync())["userName"]));
    }

    [Fact]
    public async Task AResidentBooksSeesAndCancelsTheirOwnAppointmentOnly()
    {
        var admin = await app.ClientAsync("demo.admin");
        var outlet = await OutletAsync(admin);
        var slots = await admin.GetJsonAsync<List<SlotDto>>($"/api/services/outlets/{outlet.Id}/slots?date={NextWorkingDay:yyyy-MM-dd}");
        var me = await ResidentAsync("李女士");
        var other = await ResidentAsync("赵先生");

        var booked = await me.PostAsJsonAsync("/api/services/appointments", new { slotId = slots[1].Id, serviceCode = "ID-RENEW" });
        var appointment = (await booked.Content.ReadFromJsonAsync<AppointmentDto>(Api.Json))!;
        Assert.Equal(("李女士", slots[1].Start), (appointment.ResidentName, appointment.Start));
        Assert.Equal(HttpStatusCode.Conflict, (await me.PostAsJsonAsync("/api/services/appointments", new { slotId = slots[1].Id, serviceCode = "ID-RENEW" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await me.PostAsJsonAsync("/api/services/appointments", new { slotId = slots[1].Id, serviceCode = "CERT-NOCRIME" })).StatusCode);

        Assert.Empty(await other.GetJsonAsync<List<AppointmentDto>>("/api/services/appointments/mine"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/services/appointments/{appointment.Id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/services/outlets/{outlet.Id}/appointments")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsync($"/api/services/appointments/{appointment.Id}/cancel", null)).StatusCode);
        Assert.Equal(AppointmentStatus.Cancelled, Assert.Single(await me.GetJsonAsync<List<AppointmentDto>>("/api/services/appointments/mine")).Status);
        var slot = (await admin.GetJsonAsync<List<SlotDto>>($"/api/services/outlets/{outlet.Id}/slots?date={NextWorkingDay:yyyy-MM-dd}"))[1];
        Assert.Equal(0, slot.Booked);
    }

    [Fact]
    public async Task TheQueueCallsAppointmentsFirstAndNeverTheSameTicketTwice()
    {
        var clerk = await app.ClientAsync("demo.director");
        var admin = await app.ClientAsync("demo.admin");
        var outlet = await OutletAsync(admin);
        var walkIn = await (await clerk.PostAsJsonAsync($"/api/services/outlets/{outlet.Id}/tickets", new { serviceCode = "ID-TEMP" })).Content.ReadFromJsonAsync<TicketDto>(Api.Json);
        var second = await (await clerk.PostAsJsonAsync($"/api/services/outlets/{outlet.Id}/tickets", new { serviceCode = "TR-VIOLATION" })).Content.ReadFromJsonAsync<TicketDto>(Api.Json);
        Assert.Equal(("A001", "A002"), (walkIn!.Label, second!.Label));

        var calls = await Task.WhenAll(outlet.Counters.Select(c => clerk.PostAsync($"/api/services/counters/{c.Id}/call-next", null)));
        var called = await Task.WhenAll(calls.Select(c => c.Content.ReadFromJsonAsync<TicketDto>(Api.Json)));
        Assert.Equal(["A001", "A002"], called.Select(t => t!.Label).Order());
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsync($"/api/services/counters/{outlet.Counters[0].Id}/call-next", null)).StatusCode);

        var display = await (await app.ClientAsync(null)).GetJsonAsync<DisplayDto>($"/api/services/outlets/{outlet.Id}/display");
        Assert.Contains(display.Calling, t => t.Label == "A002");
    }

    [Fact]
    public async Task TimeLimitsFollowTheWorkingDayCalendar()
    {
        var admin = await app.ClientAsync("demo.admin");
        var outlet = await OutletAsync(admin);
        var calendar = app.Services.GetRequiredService<CalendarService>();
        var today = app.Services.GetRequiredService<LocalClock>().Today;

        var before = await OpenAsync(admin, outlet.Id, "EE-PASSPORT");
        Assert.Equal(calendar.Current.AddWorkingDays(today, 7), before.DueDate);

        // A holiday declared inside the period pushes the time limit out by one working day.
        var holiday = calendar.Current.AddWorkingDays(today, 3);
        var put = await admin.PutAsJsonAsync($"/api/calendar/{holiday:yyyy-MM-dd}", new { isWorkingDay = false, nameZh = "临时假日", nameEn = "Extra holiday" });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        try
        {
            var after = await OpenAsync(admin, outlet.Id, "EE-PASSPORT");
            Assert.Equal(calendar.Current.AddWorkingDays(before.DueDate, 1), after.DueDate);
        }
        finally
        {
            await admin.DeleteAsync($"/api/calendar/{holiday:yyyy-MM-dd}");
        }
    }

    [Fact]
    public async Task ABundleOpensEveryServiceOfTheBirthAsOneCase()
    {
        var admin = await app.ClientAsync("demo.admin");
        var outlet = await OutletAsync(admin);
        var response = await admin.PostAsJsonAsync("/api/services/records", new { outletId = outlet.Id, bundleCode = "B-BIRTH", residentName = "王先生" });
        var records = (await response.Content.ReadFromJsonAsync<List<RecordDto>>(Api.Json))!;
        Assert.Equal(["HR-NEWBORN", "ID-FIRST", "MED-INSURANCE"], records.Select(r => r.ServiceCode));
        Assert.All(records, r => Assert.Equal("B-BIRTH", r.BundleCode));
    }

    [Fact]
    public async Task ABadReviewOpensARectificationThatClosesAfterTheFollowUp()
    {
        var admin = await app.ClientAsync("demo.admin");
        var outlet = await OutletAsync(admin);
        var record = await OpenAsync(admin, outlet.Id, "ID-TEMP");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/services/records/{record.Id}/review", Review(1))).StatusCode);
        record = await ActAsync(admin, record, "complete");

        var reviewed = await admin.PostAsJsonAsync($"/api/services/records/{record.Id}/review", Review(2));
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        record = await admin.GetJsonAsync<RecordDto>($"/api/services/records/{record.Id}");
        var task = record.Rectification!;
        var calendar = app.Services.GetRequiredService<CalendarService>().Current;
        Assert.Equal(calendar.AddWorkingDays(app.Services.GetRequiredService<LocalClock>().Today, 15), task.DueDate);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/services/rectifications/{task.Id}/rectify", new { note = "窗口增加引导员", version = task.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/services/rectifications/{task.Id}/follow-up", new { note = "电话回访，群众表示满意", satisfied = true, version = task.Version + 1 })).StatusCode);
        record = await admin.GetJsonAsync<RecordDto>($"/api/services/records/{record.Id}");
        Assert.Equal((RectificationStatus.Closed, true), (record.Rectification!.Status, record.Rectification.ResidentSatisfied));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/services/reviews/{record.Review!.Id}/appeal", new { reason = "群众误评" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/services/reviews/{record.Review.Id}/appeal", new { upheld = true })).StatusCode);
        Assert.Equal(AppealStatus.Upheld, (await admin.GetJsonAsync<RecordDto>($"/api/services/records/{record.Id}")).Review!.Appeal);
    }

    [Fact]
    public async Task AnotherStationsOutletAndRecordsDoNotExist()
    {
        var admin = await app.ClientAsync("demo.admin");
        var outlet = await OutletAsync(admin);
        var record = await OpenAsync(admin, outlet.Id, "ID-TEMP");
        var stranger = await app.ClientAsync("demo.officer2");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/services/records/{record.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/services/records/{record.Id}/act", new { action = "complete", version = record.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/services/outlets/{outlet.Id}/appointments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/services/counters/{outlet.Counters[0].Id}/call-next", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/services/outlets/{outlet.Id}/tickets", new { serviceCode = "ID-TEMP" })).StatusCode);
        var list = await stranger.PageAsync<RecordDto>($"/api/services/records?q={record.Code}");
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task TheNumbersCountServicesHandledAndComprehensiveWindows()
    {
        var admin = await app.ClientAsync("demo.admin");
        var before = await admin.GetJsonAsync<ServiceNumbers>("/api/services/stats?area=220104001");
        var outlet = await OutletAsync(admin);
        var record = await OpenAsync(admin, outlet.Id, "TR-VIOLATION");
        await ActAsync(admin, record, "complete");

        var after = await admin.GetJsonAsync<ServiceNumbers>("/api/services/stats?area=220104001");
        Assert.Equal(before.Handled + 1, after.Handled);
        Assert.Equal(1, after.Stations);
        Assert.Equal(1, after.StationsWithComprehensiveWindow);
    }

    private static object Review(int level) => new { overall = level, efficiency = level, attitude = level, serviceLevel = level, comment = "等待时间太长" };

    private static async Task<RecordDto> OpenAsync(HttpClient client, int outletId, string service)
    {
        var response = await client.PostAsJsonAsync("/api/services/records", new { outletId, serviceCode = service, residentName = "张女士" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Assert.Single((await response.Content.ReadFromJsonAsync<List<RecordDto>>(Api.Json))!);
    }

    private static async Task<RecordDto> ActAsync(HttpClient client, RecordDto record, string action)
    {
        var response = await client.PostAsJsonAsync($"/api/services/records/{record.Id}/act", new { action, version = record.Version });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RecordDto>(Api.Json))!;
    }
}

public sealed class SqliteServiceTests(SqliteApp app) : ServiceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresServiceTests(PostgresApp app) : ServiceTests(app), IClassFixture<PostgresApp>;
