using Fengqiao.Features.Calendar;

namespace Fengqiao.Features.PublicServices;

public sealed record SlotDto(int Id, DateOnly Date, TimeOnly Start, int Capacity, int Booked)
{
    public int Free => Math.Max(0, Capacity - Booked);
}

public enum BookingResult
{
    Booked,
    Full,
    NotFound,
    AlreadyBooked,
    NotOffered,
    Past,
}

/// <summary>
/// Appointments and the queue at an outlet. A seat is taken by a conditional UPDATE
/// (Booked + 1 where Booked &lt; Capacity), so under any number of concurrent bookings for the
/// last seat exactly one succeeds; a ticket is called the same way (Waiting → Called once).
/// </summary>
public sealed class ServiceDesk(AppDb db, CalendarService calendar, LocalClock clock)
{
    /// <summary>Seats per counter per slot.</summary>
    public const int SeatsPerCounter = 2;

    /// <summary>
    /// The slots of an outlet on a day, made on first request from its opening hours. Public:
    /// residents choose from these, so outlets are read without the staff jurisdiction filter.
    /// </summary>
    public async Task<IReadOnlyList<SlotDto>?> SlotsAsync(int outletId, DateOnly date, CancellationToken ct)
    {
        var outlet = await db.Outlets.IgnoreQueryFilters().Include(o => o.Counters).AsNoTracking().FirstOrDefaultAsync(o => o.Id == outletId, ct);
        if (outlet is null)
        {
            return null;
        }
        if (!(await calendar.FreshAsync(ct)).IsWorkingDay(date) || date < clock.Today)
        {
            return [];
        }
        var slots = db.Slots.IgnoreQueryFilters().Where(s => s.OutletId == outletId && s.Date == date);
        if (!await slots.AnyAsync(ct))
        {
            await CreateSlotsAsync(outlet, date, ct);
        }
        return await slots.OrderBy(s => s.Start).Select(s => new SlotDto(s.Id, s.Date, s.Start, s.Capacity, s.Booked)).ToListAsync(ct);
    }

    private async Task CreateSlotsAsync(Outlet outlet, DateOnly date, CancellationToken ct)
    {
        var capacity = Math.Max(1, outlet.Counters.Count) * SeatsPerCounter;
        foreach (var (from, to) in outlet.Periods())
        {
            for (var t = from; t.AddMinutes(outlet.SlotMinutes) <= to && t >= from; t = t.AddMinutes(outlet.SlotMinutes))
            {
                db.Slots.Add(new Slot { OutletId = outlet.Id, AreaPath = outlet.AreaPath, Date = date, Start = t, Capacity = capacity });
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another request made this day's slots at the same moment; theirs are as good.
        }
        db.ChangeTracker.Clear();
    }

    public async Task<(BookingResult Result, Appointment? Appointment)> BookAsync(
        string userId, string residentName, int slotId, string serviceCode, CancellationToken ct)
    {
        var slot = await db.Slots.IgnoreQueryFilters().Include(s => s.Outlet).AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot?.Outlet is null)
        {
            return (BookingResult.NotFound, null);
        }
        if (!slot.Outlet.Codes.Contains(serviceCode))
        {
            return (BookingResult.NotOffered, null);
        }
        if (slot.Date < clock.Today)
        {
            return (BookingResult.Past, null);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Appointments.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.SlotId == slotId && a.UserId == userId, ct);
        if (existing is { Status: AppointmentStatus.Booked })
        {
            return (BookingResult.AlreadyBooked, existing);
        }
        var taken = await db.Slots.IgnoreQueryFilters().Where(s => s.Id == slotId && s.Booked < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), ct);
        if (taken == 0)
        {
            return (BookingResult.Full, null);
        }
        var appointment = existing ?? new Appointment
        {
            SlotId = slotId, OutletId = slot.OutletId, AreaPath = slot.AreaPath, UserId = userId, ResidentName = residentName, ServiceCode = serviceCode,
        };
        appointment.ServiceCode = serviceCode;
        appointment.ResidentName = residentName;
        appointment.Status = AppointmentStatus.Booked;
        appointment.BookedAt = clock.Now;
        appointment.CancelledAt = null;
        if (existing is null)
        {
            db.Appointments.Add(appointment);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (BookingResult.Booked, appointment);
    }

    /// <summary>A resident cancels their own booking; the seat is given back.</summary>
    public async Task<bool> CancelAsync(string userId, int appointmentId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.Appointments.IgnoreQueryFilters()
            .Where(a => a.Id == appointmentId && a.UserId == userId && a.Status == AppointmentStatus.Booked)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AppointmentStatus.Cancelled).SetProperty(a => a.CancelledAt, clock.Now), ct);
        if (cancelled == 0)
        {
            return false;
        }
        var slotId = await db.Appointments.IgnoreQueryFilters().Where(a => a.Id == appointmentId).Select(a => a.SlotId).FirstAsync(ct);
        await db.Slots.IgnoreQueryFilters().Where(s => s.Id == slotId && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Takes a queue ticket at an outlet: "A012" — the day's twelfth.</summary>
    public async Task<Ticket?> TakeTicketAsync(int outletId, string serviceCode, int? appointmentId, CancellationToken ct)
    {
        var outlet = await db.Outlets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == outletId, ct);
        if (outlet is null || !outlet.Codes.Contains(serviceCode))
        {
            return null;
        }
        var today = clock.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await CaseCodes.NextNumberAsync(db, $"T-{outletId}-{today:yyyyMMdd}", ct);
        var ticket = new Ticket
        {
            OutletId = outletId, AreaPath = outlet.AreaPath, Day = today, Number = number, Label = $"{(appointmentId is null ? 'A' : 'Y')}{number:000}",
            ServiceCode = serviceCode, AppointmentId = appointmentId, Status = TicketStatus.Waiting, IssuedAt = clock.Now,
        };
        db.Tickets.Add(ticket);
        if (appointmentId is not null)
        {
            await db.Appointments.IgnoreQueryFilters().Where(a => a.Id == appointmentId && a.OutletId == outletId && a.Status == AppointmentStatus.Booked)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AppointmentStatus.CheckedIn), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    /// <summary>
    /// Calls the next waiting ticket to a counter — appointments first, then in order of issue.
    /// Two clerks pressing "next" at once never get the same ticket.
    /// </summary>
    public async Task<Ticket?> CallNextAsync(int counterId, CancellationToken ct)
    {
        var counter = await db.Set<Counter>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == counterId, ct);
        if (counter is null)
        {
            return null;
        }
        var today = clock.Today;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var next = await db.Tickets.AsNoTracking()
                .Where(t => t.OutletId == counter.OutletId && t.Day == today && t.Status == TicketStatus.Waiting)
                .OrderBy(t => t.AppointmentId == null).ThenBy(t => t.Number).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                return null;
            }
            // Whoever was calling at this counter is done.
            await db.Tickets.Where(t => t.CounterId == counterId && t.Day == today && t.Status == TicketStatus.Called)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Done).SetProperty(t => t.FinishedAt, clock.Now), ct);
            var won = await db.Tickets.Where(t => t.Id == next && t.Status == TicketStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Called).SetProperty(t => t.CalledAt, clock.Now)
                    .SetProperty(t => t.CounterId, counterId).SetProperty(t => t.CounterName, counter.Name), ct);
            if (won == 1)
            {
                return await db.Tickets.AsNoTracking().FirstAsync(t => t.Id == next, ct);
            }
        }
        return null;
    }
}
