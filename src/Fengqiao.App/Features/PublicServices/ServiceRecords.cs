using Fengqiao.Features.Calendar;

namespace Fengqiao.Features.PublicServices;

public sealed record OpenRecordInput(int? OutletId, string? ServiceCode, string? BundleCode, string? ResidentName, string? UserId, int? TicketId, int? AppointmentId);

public sealed record RecordActionInput(string? Action, string? Reason, int? TransferToOutletId, string? MaterialsChecked, long? Version);

public sealed record ReviewInput(int? Overall, int? Efficiency, int? Attitude, int? ServiceLevel, string? Comment);

/// <summary>
/// Service records (received → in progress → completed / rejected / transferred) with their
/// time limit on the shared working-day calendar; the five-level review afterwards; and the
/// rectification a bad review opens (15 working days, then a follow-up with the resident).
/// </summary>
public sealed class ServiceRecords(AppDb db, CalendarService calendar, LocalClock clock)
{
    public const int RectificationWorkingDays = 15;

    /// <summary>Opens one record, or one per service of a bundle ("a child's birth as one case").</summary>
    public async Task<IReadOnlyList<ServiceRecord>> OpenAsync(Checks c, OpenRecordInput i, CancellationToken ct)
    {
        // A record opened from a booked appointment (or its ticket) belongs to that resident, who can then follow and rate it.
        var appointmentId = i.AppointmentId ?? (i.TicketId is null ? null
            : await db.Tickets.Where(t => t.Id == i.TicketId && t.OutletId == i.OutletId).Select(t => t.AppointmentId).FirstOrDefaultAsync(ct));
        var booking = appointmentId is null ? null
            : await db.Appointments.Where(a => a.Id == appointmentId).Select(a => new { a.UserId, a.ResidentName }).FirstOrDefaultAsync(ct);
        var userId = i.UserId ?? booking?.UserId;
        var residentName = string.IsNullOrWhiteSpace(i.ResidentName) ? booking?.ResidentName : i.ResidentName;
        c.Required("residentName", residentName, 50)
            .When(string.IsNullOrWhiteSpace(i.ServiceCode) == string.IsNullOrWhiteSpace(i.BundleCode), "serviceCode", "Choose one service or one bundle.");
        var outlet = i.OutletId is null ? null : await db.Outlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == i.OutletId, ct);
        c.When(outlet is null, "outletId", "Choose an outlet in your jurisdiction.");
        IReadOnlyList<string> codes = [];
        if (!string.IsNullOrWhiteSpace(i.BundleCode))
        {
            var bundle = await db.ServiceBundles.AsNoTracking().FirstOrDefaultAsync(b => b.Code == i.BundleCode, ct);
            c.When(bundle is null, "bundleCode", "There is no such bundle.");
            codes = bundle?.Codes ?? [];
        }
        else if (!string.IsNullOrWhiteSpace(i.ServiceCode))
        {
            codes = [i.ServiceCode];
        }
        var services = await db.PublicServices.AsNoTracking().Where(s => codes.Contains(s.Code) && s.Active).ToDictionaryAsync(s => s.Code, ct);
        c.When(codes.Any(code => !services.ContainsKey(code)), "serviceCode", "There is no such service.")
            .When(outlet is not null && codes.Any(code => !outlet.Codes.Contains(code)), "serviceCode", "This outlet does not offer that service.");
        if (!c.Ok)
        {
            return [];
        }
        var today = clock.Today;
        var days = await calendar.FreshAsync(ct);
        var township = outlet!.AreaPath.Trim('/').Split('/').ElementAtOrDefault(3) ?? outlet.AreaPath.Trim('/').Split('/')[^1];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var records = new List<ServiceRecord>();
        foreach (var code in codes)
        {
            var service = services[code];
            records.Add(new ServiceRecord
            {
                Code = "S" + await CaseCodes.NextAsync(db, "S", township, today.Year, ct),
                OutletId = outlet.Id, AreaPath = outlet.AreaPath, ServiceCode = code, BundleCode = i.BundleCode, ResidentName = residentName!.Trim(),
                UserId = userId, TicketId = i.TicketId, AppointmentId = appointmentId, Status = RecordStatus.Received,
                ReceivedAt = clock.Now, ReceivedOn = today, DueDate = days.AddWorkingDays(today, service.TimeLimitWorkingDays),
                ClerkPersonId = db.Jurisdiction.PersonId, MaterialsChecked = new string('0', service.Materials(true).Count),
            });
        }
        db.ServiceRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return records;
    }

    /// <summary>start, complete, reject (with a reason), transfer (to another outlet), or check materials.</summary>
    public async Task<(ChangeOutcome Outcome, RecordStatus Status)> ActAsync(Checks c, int id, RecordActionInput i, CancellationToken ct)
    {
        var r = await db.ServiceRecords.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return (ChangeOutcome.NotFound, default);
        }
        c.When(i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok)
        {
            return (ChangeOutcome.Invalid, r.Status);
        }
        var open = r.Status is RecordStatus.Received or RecordStatus.InProgress;
        switch (i.Action)
        {
            case "start" when r.Status == RecordStatus.Received:
                r.Status = RecordStatus.InProgress;
                break;
            case "complete" when open:
                r.Status = RecordStatus.Completed;
                r.FinishedOn = clock.Today;
                break;
            case "reject" when open:
                c.Required("reason", i.Reason, 500);
                r.Status = RecordStatus.Rejected;
                r.RejectionReason = i.Reason?.Trim();
                r.FinishedOn = clock.Today;
                break;
            case "transfer" when open:
                var target = i.TransferToOutletId is null ? null
                    : await db.Outlets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == i.TransferToOutletId && o.Id != r.OutletId, ct);
                c.When(target is null || !target.Codes.Contains(r.ServiceCode), "transferToOutletId", "Choose another outlet that offers this service.");
                r.Status = RecordStatus.Transferred;
                r.TransferredToOutletId = target?.Id;
                r.FinishedOn = clock.Today;
                break;
            case "materials" when open:
                c.When(i.MaterialsChecked is null || i.MaterialsChecked.Length != r.MaterialsChecked.Length || i.MaterialsChecked.Any(ch => ch is not ('0' or '1')),
                    "materialsChecked", "Tick the materials that were seen.");
                r.MaterialsChecked = i.MaterialsChecked ?? r.MaterialsChecked;
                break;
            case "start" or "complete" or "reject" or "transfer" or "materials":
                return (ChangeOutcome.WrongState, r.Status);
            default:
                c.Add("action", "Choose what to do.");
                break;
        }
        if (!c.Ok)
        {
            return (ChangeOutcome.Invalid, r.Status);
        }
        return await db.SaveVersionedAsync(r, i.Version!.Value, ct) ? (ChangeOutcome.Ok, r.Status) : (ChangeOutcome.Conflict, r.Status);
    }

    /// <summary>
    /// The resident's review of a completed service. A bad review (level 1 or 2) opens a
    /// rectification for the outlet, due in 15 working days.
    /// </summary>
    public async Task<(ChangeOutcome Outcome, Review? Review)> ReviewAsync(Checks c, ServiceRecord record, ReviewInput i, CancellationToken ct)
    {
        static bool Level(int? v) => v is >= 1 and <= 5;
        c.When(!Level(i.Overall), "overall", "Choose a level from 1 (very dissatisfied) to 5 (very satisfied).")
            .When(!Level(i.Efficiency), "efficiency", "Choose a level from 1 (very dissatisfied) to 5 (very satisfied).")
            .When(!Level(i.Attitude), "attitude", "Choose a level from 1 (very dissatisfied) to 5 (very satisfied).")
            .When(!Level(i.ServiceLevel), "serviceLevel", "Choose a level from 1 (very dissatisfied) to 5 (very satisfied).")
            .Optional("comment", i.Comment, 1000);
        if (!c.Ok)
        {
            return (ChangeOutcome.Invalid, null);
        }
        if (record.Status != RecordStatus.Completed || await db.Reviews.IgnoreQueryFilters().AnyAsync(r => r.ServiceRecordId == record.Id, ct))
        {
            return (ChangeOutcome.WrongState, null);
        }
        var review = new Review
        {
            ServiceRecordId = record.Id, OutletId = record.OutletId, AreaPath = record.AreaPath, ClerkPersonId = record.ClerkPersonId,
            Overall = i.Overall!.Value, Efficiency = i.Efficiency!.Value, Attitude = i.Attitude!.Value, ServiceLevel = i.ServiceLevel!.Value,
            Comment = i.Comment?.Trim(), At = clock.Now, Day = clock.Today,
        };
        db.Reviews.Add(review);
        if (review.IsBad)
        {
            db.Rectifications.Add(new Rectification
            {
                Review = review, OutletId = record.OutletId, AreaPath = record.AreaPath, Status = RectificationStatus.Open,
                DueDate = (await calendar.FreshAsync(ct)).AddWorkingDays(clock.Today, RectificationWorkingDays),
            });
        }
        await db.SaveChangesAsync(ct);
        return (ChangeOutcome.Ok, review);
    }

    /// <summary>rectify (the measures taken), then follow-up (the resident was contacted) which closes it.</summary>
    public async Task<ChangeOutcome> RectifyAsync(Checks c, int id, string action, string? note, bool? satisfied, long? version, CancellationToken ct)
    {
        var task = await db.Rectifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (task is null)
        {
            return ChangeOutcome.NotFound;
        }
        c.When(version is null, "version", "Send the version you read, so that no one else's change is overwritten.").Required("note", note, 2000);
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        switch (action)
        {
            case "rectify" when task.Status == RectificationStatus.Open:
                (task.Status, task.Measures) = (RectificationStatus.Rectified, note!.Trim());
                break;
            case "follow-up" when task.Status == RectificationStatus.Rectified:
                c.When(satisfied is null, "satisfied", "Say whether the resident is now satisfied.");
                (task.Status, task.FollowUpNote, task.ResidentSatisfied, task.ClosedOn) = (RectificationStatus.Closed, note!.Trim(), satisfied, clock.Today);
                break;
            default:
                return ChangeOutcome.WrongState;
        }
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        return await db.SaveVersionedAsync(task, version!.Value, ct) ? ChangeOutcome.Ok : ChangeOutcome.Conflict;
    }

    /// <summary>The outlet appeals a mistaken or malicious review; a leader upholds (it stops counting) or rejects it.</summary>
    public async Task<ChangeOutcome> AppealAsync(Checks c, int reviewId, string? reason, bool? decision, CancellationToken ct)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null)
        {
            return ChangeOutcome.NotFound;
        }
        if (decision is null)
        {
            c.Required("reason", reason, 500);
            if (!c.Ok)
            {
                return ChangeOutcome.Invalid;
            }
            if (review.Appeal != AppealStatus.None)
            {
                return ChangeOutcome.WrongState;
            }
            (review.Appeal, review.AppealReason) = (AppealStatus.Pending, reason!.Trim());
        }
        else
        {
            if (review.Appeal != AppealStatus.Pending)
            {
                return ChangeOutcome.WrongState;
            }
            review.Appeal = decision.Value ? AppealStatus.Upheld : AppealStatus.Rejected;
        }
        await db.SaveChangesAsync(ct);
        return ChangeOutcome.Ok;
    }
}
