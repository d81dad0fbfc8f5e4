namespace Fengqiao.Features.PublicServices;

/// <summary>
/// The clerk's desk at one outlet: the day's bookings, the queue (issue a ticket, call the next one
/// to a counter), opening a service record (one service or a bundle), and the outlet's records.
/// An outlet outside the viewer's jurisdiction does not exist here (404).
/// </summary>
public sealed class DeskModel(AppDb db, ServiceDesk desk, ServiceRecords records, ChecksFactory checks, LocalClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    // "page" is Razor Pages' own route value: the list's page number is read from the query string only.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public OutletDto Site { get; private set; } = null!;
    /// <summary>The active services this outlet offers, in catalogue order.</summary>
    public IReadOnlyList<PublicService> Services { get; private set; } = [];
    /// <summary>The bundles whose every service this outlet offers.</summary>
    public IReadOnlyList<ServiceBundle> Bundles { get; private set; } = [];
    public IReadOnlyList<AppointmentDto> Bookings { get; private set; } = [];
    /// <summary>Today's tickets still waiting or being served.</summary>
    public IReadOnlyList<TicketDto> Tickets { get; private set; } = [];
    public Page<RecordDto> Records { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> ServiceNames { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today => clock.Today;

    // What was typed into the record form, shown again when it needs attention.
    public string? ServiceCode { get; private set; }
    public string? BundleCode { get; private set; }
    public string? ResidentName { get; private set; }
    public int? TicketId { get; private set; }

    [TempData] public string? Message { get; set; }
    /// <summary>The ticket just called, as "A003 → 1号窗口".</summary>
    [TempData] public string? Called { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Issues a queue ticket; with an appointment number the resident is checked in and served first.</summary>
    public async Task<IActionResult> OnPostTicketAsync(int id, string? serviceCode, int? appointmentId, CancellationToken ct)
    {
        if (!await db.Outlets.AnyAsync(o => o.Id == id, ct))
        {
            return NotFound();
        }
        if (appointmentId is not null)
        {
            var booked = await db.Appointments.AsNoTracking()
                .Where(a => a.Id == appointmentId && a.OutletId == id && a.Status == AppointmentStatus.Booked)
                .Select(a => a.ServiceCode).FirstOrDefaultAsync(ct);
            if (booked is null)
            {
                ModelState.AddModelError("appointmentId", l["There is no booked appointment with this number at this outlet."]);
                return await LoadAsync(id, ct) ? Page() : NotFound();
            }
            serviceCode = booked;
        }
        var ticket = await desk.TakeTicketAsync(id, serviceCode ?? "", appointmentId, ct);
        if (ticket is null)
        {
            ModelState.AddModelError("serviceCode", l["This outlet does not offer that service."]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        Message = l["Ticket {0} issued.", ticket.Label];
        return Redirect($"/services/outlets/{id}");
    }

    /// <summary>Calls the next ticket to one of this outlet's counters.</summary>
    public async Task<IActionResult> OnPostCallNextAsync(int id, int counterId, CancellationToken ct)
    {
        if (!await db.Set<Counter>().AnyAsync(c => c.Id == counterId && c.OutletId == id, ct))
        {
            return NotFound();
        }
        var ticket = await desk.CallNextAsync(counterId, ct);
        if (ticket is null)
        {
            Message = l["No one is waiting."];
        }
        else
        {
            Called = $"{ticket.Label} → {ticket.CounterName}";
        }
        return Redirect($"/services/outlets/{id}");
    }

    /// <summary>
    /// Opens a service record, or one per service of a bundle. A ticket taken with an appointment
    /// links the record to the resident's account, so that they can follow and rate it.
    /// </summary>
    public async Task<IActionResult> OnPostRecordAsync(int id, string? serviceCode, string? bundleCode, string? residentName, int? ticketId, CancellationToken ct)
    {
        if (!await db.Outlets.AnyAsync(o => o.Id == id, ct))
        {
            return NotFound();
        }
        (ServiceCode, BundleCode, ResidentName, TicketId) = (serviceCode, bundleCode, residentName, ticketId);
        var c = checks.Create();
        // The resident and their booking come from the ticket (ServiceRecords.OpenAsync); here only check it is this outlet's.
        c.When(ticketId is not null && !await db.Tickets.AnyAsync(t => t.Id == ticketId && t.OutletId == id, ct), "ticketId", "There is no such ticket at this outlet.");
        if (c.Ok)
        {
            var opened = await records.OpenAsync(c, new OpenRecordInput(id, serviceCode, bundleCode, residentName, null, ticketId, null), ct);
            if (c.Ok && opened.Count > 0)
            {
                Message = opened.Count == 1
                    ? l["Service record {0} opened.", opened[0].Code]
                    : l["{0} service records opened: {1}.", opened.Count, string.Join(", ", opened.Select(r => r.Code))];
                return Redirect($"/services/records/{opened[0].Id}");
            }
        }
        c.AddTo(ModelState);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public string ServiceName(string code) => ServiceNames.TryGetValue(code, out var name) ? name : code;

    public string Time(DateTimeOffset at) => clock.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    public bool IsOverdue(RecordDto r) => (r.Status is RecordStatus.Received or RecordStatus.InProgress) && r.DueDate < Today;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var site = await db.Outlets.AsNoTracking().Where(o => o.Id == id).ToDto().FirstOrDefaultAsync(ct);
        if (site is null)
        {
            return false;
        }
        Site = site;
        var today = clock.Today;
        var offered = site.ServiceCodes.Select(c => c.Trim()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var catalogue = await db.PublicServices.AsNoTracking().OrderBy(s => s.Category).ThenBy(s => s.Code).ToListAsync(ct);
        ServiceNames = catalogue.ToDictionary(s => s.Code, s => LocalizationSetup.Pick(s.NameZh, s.NameEn));
        Services = [.. catalogue.Where(s => s.Active && offered.Contains(s.Code))];
        var bundles = await db.ServiceBundles.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct);
        Bundles = [.. bundles.Where(b => b.Codes.Count > 0 && b.Codes.All(offered.Contains))];
        Bookings = await db.Appointments.AsNoTracking()
            .Where(a => a.OutletId == id && a.Slot!.Date == today)
            .OrderBy(a => a.Slot!.Start).ThenBy(a => a.Id).ToDto().ToListAsync(ct);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.OutletId == id && t.Day == today && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called))
            .OrderByDescending(t => t.Status).ThenBy(t => t.AppointmentId == null).ThenBy(t => t.Number).ToListAsync(ct);
        Tickets = [.. tickets.Select(t => t.ToDto())];
        Records = await ServiceEndpoints.Filter(db, id, null, null, null, today)
            .ToRecordPageAsync(db.Reviews, db.Rectifications, PageNumber, Paging.DefaultSize, ct);
        return true;
    }
}
