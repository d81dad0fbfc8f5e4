using Fengqiao.Features.Calendar;
using Fengqiao.Features.PublicServices;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Portal;

public sealed record BookableOutlet(int Id, string Name, string? Address);

/// <summary>
/// A resident books a service: a service that takes appointments, an outlet that offers it, a
/// working day, then one of its free times. Outlets are public places, so they are read without
/// the staff jurisdiction filter. A seat is never sold twice (<see cref="ServiceDesk.BookAsync"/>).
/// </summary>
public sealed class BookModel(AppDb db, ServiceDesk desk, CalendarService calendar, UserManager<AppUser> users, LocalClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true, Name = "outlet")] public int? OutletId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }

    /// <summary>Active services that can be booked, in catalogue order.</summary>
    public IReadOnlyList<PublicService> Services { get; private set; } = [];
    /// <summary>The outlets offering the chosen service (all outlets before one is chosen).</summary>
    public IReadOnlyList<BookableOutlet> Outlets { get; private set; } = [];
    public IReadOnlyList<SlotDto> Slots { get; private set; } = [];
    /// <summary>A service, an outlet and a day were chosen: the free times are shown.</summary>
    public bool Searched { get; private set; }
    public bool ClosedThatDay { get; private set; }
    public DateOnly Today => clock.Today;
    public PublicService? Chosen => Services.FirstOrDefault(s => s.Code == Service);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int? slotId, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (slotId is null || string.IsNullOrWhiteSpace(Service))
        {
            ModelState.AddModelError("slotId", l["Choose a time."]);
            await LoadAsync(ct);
            return Page();
        }
        var name = (user.DisplayName ?? user.UserName ?? "").Trim();
        name = name.Length > 50 ? name[..50] : name;
        var (result, appointment) = await desk.BookAsync(user.Id, name, slotId.Value, Service, ct);
        if (result == BookingResult.Booked && appointment is not null)
        {
            var booked = await db.Appointments.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == appointment.Id).ToDto().FirstAsync(ct);
            var service = await db.PublicServices.AsNoTracking().Where(s => s.Code == booked.ServiceCode)
                .Select(s => new { s.NameZh, s.NameEn }).FirstOrDefaultAsync(ct);
            // Shown on the portal page, which reads it as its own message.
            TempData["Message"] = l["Booked: {0} at {1} on {2} at {3}. Your appointment number is {4}.",
                service is null ? booked.ServiceCode : LocalizationSetup.Pick(service.NameZh, service.NameEn),
                LocalizationSetup.Pick(booked.OutletNameZh, booked.OutletNameEn),
                booked.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                booked.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
                booked.Id].Value;
            return Redirect("/portal");
        }
        ModelState.AddModelError("", result switch
        {
            BookingResult.Full => l["This time is fully booked. Choose another."],
            BookingResult.AlreadyBooked => l["You have already booked this time."],
            BookingResult.Past => l["This time has passed."],
            BookingResult.NotOffered => l["This outlet does not offer that service."],
            _ => l["There is no such time."],
        });
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var days = await calendar.FreshAsync(ct);
        var date = Date ??= days.AddWorkingDays(today, 1);
        var catalogue = await db.PublicServices.AsNoTracking().Where(s => s.Active)
            .OrderBy(s => s.Category).ThenBy(s => s.Code).ToListAsync(ct);
        Services = [.. catalogue.Where(s => s.Channels.HasFlag(ServiceChannels.Appointment))];
        var service = string.IsNullOrWhiteSpace(Service) ? null : Service.Trim();
        if (service is not null && !Services.Any(s => s.Code == service))
        {
            ModelState.AddModelError("service", l["This service cannot be booked; choose another."]);
            service = null;
        }
        Service = service;
        var outlets = await db.Outlets.IgnoreQueryFilters().AsNoTracking()
            .Where(o => service == null || o.ServiceCodes.Contains(service))
            .OrderBy(o => o.AreaPath).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.NameZh, o.NameEn, o.Address, o.ServiceCodes })
            .ToListAsync(ct);
        Outlets = [.. outlets
            .Where(o => service is null || o.ServiceCodes.Split(',', StringSplitOptions.TrimEntries).Contains(service))
            .Select(o => new BookableOutlet(o.Id, LocalizationSetup.Pick(o.NameZh, o.NameEn), o.Address))];
        if (OutletId is { } chosen && !Outlets.Any(o => o.Id == chosen))
        {
            ModelState.AddModelError("outlet", l["This outlet does not offer that service."]);
            OutletId = null;
        }
        if (service is null || OutletId is null)
        {
            return;
        }
        Searched = true;
        ClosedThatDay = !days.IsWorkingDay(date);
        if (date < today)
        {
            ModelState.AddModelError("date", l["Choose a day from today on."]);
            return;
        }
        var slots = await desk.SlotsAsync(OutletId.Value, date, ct) ?? [];
        if (date == today)
        {
            // Times already past today are not offered.
            var now = TimeOnly.FromDateTime(clock.ToLocal(clock.Now).DateTime);
            slots = [.. slots.Where(s => s.Start > now)];
        }
        Slots = slots;
    }
}
