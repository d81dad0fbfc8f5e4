using Fengqiao.Features.Areas;
using System.Security.Claims;

namespace Fengqiao.Features.PublicServices;

public sealed record BookInput(int? SlotId, string? ServiceCode, string? ResidentName);

public sealed record TicketInput(string? ServiceCode, int? AppointmentId);

public sealed record RectifyTaskInput(string? Note, bool? Satisfied, long? Version);

public sealed record AppealInput(string? Reason, bool? Upheld);

public static class ServiceEndpoints
{
    public static WebApplicationBuilder AddPublicServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceDesk>();
        builder.Services.AddScoped<ServiceRecords>();
        builder.Services.AddDataSeed(DataSeeds.ReferenceData, "service catalogue", (sp, ct) => sp.SeedCatalogueAsync(ct));
        return builder;
    }

    public static IEndpointRouteBuilder MapPublicServices(this IEndpointRouteBuilder app)
    {
        // What anyone may know: the catalogue, the outlets, free slots, the waiting-room display.
        var open = app.MapGroup("/api/services").WithTags("One-window services").AllowAnonymous();
        open.MapGet("/catalogue", async (AppDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.PublicServices.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Category).ThenBy(s => s.Code).ToListAsync(ct)).Select(s => s.ToDto())));
        open.MapGet("/bundles", async (AppDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.ServiceBundles.AsNoTracking().ToListAsync(ct)).Select(b => new BundleDto(b.Code, b.NameZh, b.NameEn, b.Codes))));
        open.MapGet("/outlets", Outlets).WithSummary("Service outlets (public places): station windows, hospital police offices, self-service points.");
        open.MapGet("/outlets/{id:int}/slots", Slots).WithSummary("Appointment slots of a day with their free seats.");
        open.MapGet("/outlets/{id:int}/display", Display).WithSummary("The waiting-room display: numbers being called now.");

        var resident = app.MapGroup("/api/services").WithTags("One-window services").RequireAuthorization(Policies.Resident);
        resident.MapPost("/appointments", Book).WithSummary("Book a slot. Capacity holds under concurrent bookings: one seat, one winner.");
        resident.MapGet("/appointments/mine", Mine);
        resident.MapPost("/appointments/{id:int}/cancel", Cancel);
        resident.MapGet("/records/mine", MyRecords);

        var staff = app.MapGroup("/api/services").WithTags("One-window services").RequireAuthorization(Policies.Staff);
        staff.MapPost("/outlets", CreateOutlet).RequireAuthorization(Policies.ManageStaff).WithSummary("Open an outlet for a unit in your jurisdiction.");
        staff.MapGet("/outlets/{id:int}/appointments", DayBookings).WithSummary("The day's bookings at an outlet in your jurisdiction.");
        staff.MapPost("/outlets/{id:int}/tickets", TakeTicket).WithSummary("Issue a queue ticket (the outlet's kiosk).");
        staff.MapPost("/counters/{id:int}/call-next", CallNext).WithSummary("Call the next ticket to this counter.");
        staff.MapGet("/records", Records);
        staff.MapGet("/records/{id:int}", Record);
        staff.MapPost("/records", OpenRecords).WithSummary("Open a service record, or one per service of a bundle.");
        staff.MapPost("/records/{id:int}/act", Act).WithSummary("start | complete | reject | transfer | materials, with the version you read.");
        staff.MapPost("/reviews/{id:int}/appeal", Appeal).WithSummary("Appeal a mistaken or malicious review; a leader decides with upheld=true/false.");
        staff.MapGet("/rectifications", Rectifications);
        staff.MapPost("/rectifications/{id:int}/{action}", Rectify).WithSummary("rectify (measures taken) | follow-up (resident contacted; closes it).");
        staff.MapGet("/stats", Stats).WithSummary("Services handled, waiting times, completion within time limit, review rates, comprehensive windows.");

        app.MapResidentAccounts();

        // A review comes from the resident (their own record) or from the counter's rating pad.
        app.MapPost("/api/services/records/{id:int}/review", ReviewRecord).WithTags("One-window services").RequireAuthorization();
        return app;
    }

    private static string? UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static async Task<Ok<Page<OutletDto>>> Outlets(AppDb db, string? q, OutletKind? kind, Facilities? facility, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Outlets.IgnoreQueryFilters().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(o => EF.Functions.Like(o.NameZh, like, "\\") || EF.Functions.Like(o.NameEn, like, "\\"));
        }
        if (kind is not null)
        {
            query = query.Where(o => o.Kind == kind);
        }
        if (facility is { } f && f != Facilities.None)
        {
            query = query.Where(o => (o.Facilities & f) == f);
        }
        return TypedResults.Ok(await query.OrderBy(o => o.AreaPath).ThenBy(o => o.Id).ToDto().ToPageAsync(page, pageSize, ct));
    }

    private static async Task<Results<Created<OutletDto>, ValidationProblem>> CreateOutlet(AppDb db, ChecksFactory checks, OutletInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var outlet = await OutletCommands.CreateAsync(db, c, input, ct);
        return outlet is null
            ? c.Problem()
            : TypedResults.Created($"/api/services/outlets/{outlet.Id}", await db.Outlets.AsNoTracking().Where(o => o.Id == outlet.Id).ToDto().FirstAsync(ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<SlotDto>>, NotFound>> Slots(ServiceDesk desk, LocalClock clock, int id, DateOnly? date, CancellationToken ct) =>
        await desk.SlotsAsync(id, date ?? clock.Today, ct) is { } slots ? TypedResults.Ok(slots) : TypedResults.NotFound();

    internal static async Task<DisplayDto?> DisplayAsync(AppDb db, LocalClock clock, int id, CancellationToken ct)
    {
        var outlet = await db.Outlets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (outlet is null)
        {
            return null;
        }
        var today = clock.Today;
        var tickets = db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.OutletId == id && t.Day == today);
        var calling = (await tickets.Where(t => t.Status == TicketStatus.Called).OrderByDescending(t => t.CalledAt).Take(6).ToListAsync(ct)).Select(t => t.ToDto()).ToList();
        var waiting = await tickets.CountAsync(t => t.Status == TicketStatus.Waiting, ct);
        var waits = await tickets.Where(t => t.CalledAt != null).Select(t => new { t.IssuedAt, t.CalledAt }).ToListAsync(ct);
        return new DisplayDto(outlet.NameZh, outlet.NameEn, calling, waiting,
            waits.Count == 0 ? null : Math.Round(waits.Average(w => (w.CalledAt!.Value - w.IssuedAt).TotalMinutes), 1));
    }

    private static async Task<Results<Ok<DisplayDto>, NotFound>> Display(AppDb db, LocalClock clock, int id, CancellationToken ct) =>
        await DisplayAsync(db, clock, id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Results<Created<AppointmentDto>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> Book(
        ServiceDesk desk, AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l, HttpContext http, BookInput input, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == UserId(http), ct);
        var c = checks.Create().When(input.SlotId is null, "slotId", "Choose a time.").Required("serviceCode", input.ServiceCode, 20);
        var name = string.IsNullOrWhiteSpace(input.ResidentName) ? user.DisplayName : input.ResidentName.Trim();
        c.Required("residentName", name, 50);
        if (!c.Ok)
        {
            return c.Problem();
        }
        var (result, appointment) = await desk.BookAsync(user.Id, name!, input.SlotId!.Value, input.ServiceCode!, ct);
        return result switch
        {
            BookingResult.Booked => TypedResults.Created($"/api/services/appointments/{appointment!.Id}",
                await db.Appointments.IgnoreQueryFilters().Where(a => a.Id == appointment.Id).ToDto().FirstAsync(ct)),
            BookingResult.NotFound => TypedResults.NotFound(),
            BookingResult.Full => Problems.Duplicate(l, "This time is fully booked. Choose another."),
            BookingResult.AlreadyBooked => Problems.Duplicate(l, "You have already booked this time."),
            BookingResult.Past => c.Add("slotId", "This time has passed.").Problem(),
            _ => c.Add("serviceCode", "This outlet does not offer that service.").Problem(),
        };
    }

    private static async Task<Ok<List<AppointmentDto>>> Mine(AppDb db, HttpContext http, CancellationToken ct)
    {
        var me = UserId(http);
        return TypedResults.Ok(await db.Appointments.IgnoreQueryFilters().AsNoTracking().Where(a => a.UserId == me)
            .OrderByDescending(a => a.Slot!.Date).ThenByDescending(a => a.Slot!.Start).ToDto().ToListAsync(ct));
    }

    private static async Task<Results<NoContent, NotFound>> Cancel(ServiceDesk desk, HttpContext http, int id, CancellationToken ct) =>
        await desk.CancelAsync(UserId(http)!, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<List<RecordDto>>> MyRecords(AppDb db, HttpContext http, CancellationToken ct)
    {
        var me = UserId(http);
        var records = db.ServiceRecords.IgnoreQueryFilters().AsNoTracking().Where(r => r.UserId == me).OrderByDescending(r => r.ReceivedAt);
        return TypedResults.Ok(await records.ToDtosAsync(db.Reviews.IgnoreQueryFilters(), db.Rectifications.IgnoreQueryFilters(), ct));
    }

    private static async Task<Results<Ok<List<AppointmentDto>>, NotFound>> DayBookings(AppDb db, LocalClock clock, int id, DateOnly? date, CancellationToken ct)
    {
        if (!await db.Outlets.AnyAsync(o => o.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var day = date ?? clock.Today;
        return TypedResults.Ok(await db.Appointments.AsNoTracking().Where(a => a.OutletId == id && a.Slot!.Date == day)
            .OrderBy(a => a.Slot!.Start).ToDto().ToListAsync(ct));
    }

    private static async Task<Results<Created<TicketDto>, NotFound, ValidationProblem>> TakeTicket(
        ServiceDesk desk, AppDb db, ChecksFactory checks, int id, TicketInput input, CancellationToken ct)
    {
        if (!await db.Outlets.AnyAsync(o => o.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var ticket = await desk.TakeTicketAsync(id, input.ServiceCode ?? "", input.AppointmentId, ct);
        return ticket is null
            ? checks.Create().Add("serviceCode", "This outlet does not offer that service.").Problem()
            : TypedResults.Created($"/api/services/outlets/{id}/display", ticket.ToDto());
    }

    private static async Task<Results<Ok<TicketDto>, NoContent, NotFound>> CallNext(ServiceDesk desk, AppDb db, int id, CancellationToken ct)
    {
        if (!await db.Set<Counter>().AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        return await desk.CallNextAsync(id, ct) is { } ticket ? TypedResults.Ok(ticket.ToDto()) : TypedResults.NoContent();
    }

    internal static IQueryable<ServiceRecord> Filter(AppDb db, int? outlet, RecordStatus? status, bool? overdue, string? q, DateOnly today)
    {
        var query = db.ServiceRecords.AsNoTracking();
        if (outlet is not null)
        {
            query = query.Where(r => r.OutletId == outlet);
        }
        if (status is not null)
        {
            query = query.Where(r => r.Status == status);
        }
        if (overdue == true)
        {
            query = query.Where(r => (r.Status == RecordStatus.Received || r.Status == RecordStatus.InProgress) && r.DueDate < today);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(r => EF.Functions.Like(r.ResidentName, like, "\\") || r.Code == q.Trim());
        }
        return query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id);
    }

    private static async Task<Ok<Page<RecordDto>>> Records(AppDb db, LocalClock clock, int? outlet, RecordStatus? status, bool? overdue, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Filter(db, outlet, status, overdue, q, clock.Today).ToRecordPageAsync(db.Reviews, db.Rectifications, page, pageSize, ct));

    internal static async Task<RecordDto?> RecordAsync(AppDb db, int id, CancellationToken ct) =>
        (await db.ServiceRecords.AsNoTracking().Where(r => r.Id == id).ToDtosAsync(db.Reviews, db.Rectifications, ct)).FirstOrDefault();

    private static async Task<Results<Ok<RecordDto>, NotFound>> Record(AppDb db, int id, CancellationToken ct) =>
        await RecordAsync(db, id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<Created<List<RecordDto>>, ValidationProblem>> OpenRecords(
        AppDb db, ServiceRecords records, ChecksFactory checks, OpenRecordInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var opened = await records.OpenAsync(c, input, ct);
        if (!c.Ok)
        {
            return c.Problem();
        }
        var ids = opened.Select(r => r.Id).ToList();
        var dtos = await db.ServiceRecords.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToDtosAsync(db.Reviews, db.Rectifications, ct);
        return TypedResults.Created($"/api/services/records/{ids[0]}", dtos);
    }

    private static async Task<Results<Ok<RecordDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Act(
        AppDb db, ServiceRecords records, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, RecordActionInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var (outcome, status) = await records.ActAsync(c, id, input, ct);
        return outcome switch
        {
            ChangeOutcome.Ok => TypedResults.Ok((await RecordAsync(db, id, ct))!),
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.WrongState => Problems.Duplicate(l, "A record that is {0} cannot be changed this way.", Infrastructure.Localization.LocalizationSetup.Enum(l, status)),
            _ => Problems.Conflict(l, (await RecordAsync(db, id, ct))!),
        };
    }

    private static async Task<Results<Ok<ReviewDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> ReviewRecord(
        AppDb db, ServiceRecords records, ChecksFactory checks, IStringLocalizer<SharedResource> l, HttpContext http, int id, ReviewInput input, CancellationToken ct)
    {
        // Residents rate their own records; staff hand the rating pad over at their counter.
        var me = UserId(http);
        var record = http.User.IsInRole(Roles.Resident)
            ? await db.ServiceRecords.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == id && r.UserId == me, ct)
            : await db.ServiceRecords.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create();
        var (outcome, review) = await records.ReviewAsync(c, record, input, ct);
        return outcome switch
        {
            ChangeOutcome.Ok => TypedResults.Ok(new ReviewDto(review!.Id, review.Overall, review.Efficiency, review.Attitude, review.ServiceLevel, review.Comment, review.Appeal, review.AppealReason)),
            ChangeOutcome.Invalid => c.Problem(),
            _ => Problems.Duplicate(l, "Only a completed service can be rated, and only once."),
        };
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, Conflict<ProblemDetails>, ForbidHttpResult>> Appeal(
        ServiceRecords records, ChecksFactory checks, IStringLocalizer<SharedResource> l, HttpContext http, int id, AppealInput input, CancellationToken ct)
    {
        if (input.Upheld is not null && !http.User.IsInRole(Roles.Leader) && !http.User.IsInRole(Roles.Administrator))
        {
            return TypedResults.Forbid();
        }
        var c = checks.Create();
        return await records.AppealAsync(c, id, input.Reason, input.Upheld, ct) switch
        {
            ChangeOutcome.Ok => TypedResults.NoContent(),
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            _ => Problems.Duplicate(l, "This review's appeal cannot be changed this way."),
        };
    }

    private static async Task<Ok<Page<RectificationDto>>> Rectifications(AppDb db, RectificationStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var q = db.Rectifications.AsNoTracking();
        if (status is not null)
        {
            q = q.Where(t => t.Status == status);
        }
        return TypedResults.Ok(await q.OrderBy(t => t.Status).ThenBy(t => t.DueDate)
            .Select(t => new RectificationDto(t.Id, t.ReviewId, t.Review!.ServiceRecord!.Code, t.Review.ServiceRecordId, t.DueDate, t.Status, t.Measures, t.FollowUpNote, t.ResidentSatisfied, t.Version))
            .ToPageAsync(page, pageSize, ct));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Rectify(
        ServiceRecords records, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, string action, RectifyTaskInput input, CancellationToken ct)
    {
        var c = checks.Create();
        return await records.RectifyAsync(c, id, action, input.Note, input.Satisfied, input.Version, ct) switch
        {
            ChangeOutcome.Ok => TypedResults.NoContent(),
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.Conflict => Problems.Duplicate(l, "Someone else changed this record while you were editing it. Review the current version and try again."),
            _ => Problems.Duplicate(l, "This rectification cannot be changed this way."),
        };
    }

    private static async Task<Results<Ok<ServiceNumbers>, NotFound>> Stats(AppDb db, LocalClock clock, string? area, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = clock.Today;
        var prefix = string.IsNullOrWhiteSpace(area) ? "/" : db.SubtreePrefix(area);
        if (prefix == AppDb.NoArea)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await ServiceStats.ComputeAsync(db, prefix, from ?? new DateOnly(today.Year, 1, 1), to ?? today, today, ct));
    }
}
