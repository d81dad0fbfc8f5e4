using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Teams;

namespace Fengqiao.Features.Open311;

public sealed record TriageInput(string? Action, string? Reason, RiskColour? Risk, long? Version, DemandCategory? Category = null);

public sealed record RequestRow(int Id, string Code, string ServiceCode, string Description, string? Address, string? Reporter, RequestStatus Status,
    string? StatusNotes, DateTimeOffset RequestedAt, DateOnly? ExpectedOn, int? DisputeId, int? DangerId, int? DemandId, int? TipId, long Version);

/// <summary>
/// Staff turn an incoming report into a dispute case, a hidden danger, a demand or a tip, or
/// close it with a reason. The Open311 status and the public notes follow.
/// </summary>
public sealed class RequestTriage(AppDb db, DisputeRegistration registration, DisputeWorkflow workflow, LocalClock clock, FieldProtector protector,
    IStringLocalizer<SharedResource> l)
{
    public static IQueryable<RequestRow> Rows(IQueryable<ResidentRequest> q) =>
        q.Select(r => new RequestRow(r.Id, r.Code, r.ServiceCode, r.Description, r.AddressString,
            r.Anonymous ? null : ((r.LastName ?? "") + (r.FirstName ?? "")), r.Status, r.StatusNotes, r.RequestedAt, r.ExpectedOn, r.DisputeId, r.DangerId, r.DemandId, r.TipId, r.Version));

    public async Task<ChangeOutcome> TriageAsync(Checks c, int id, TriageInput i, CancellationToken ct)
    {
        var r = await db.ResidentRequests.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return ChangeOutcome.NotFound;
        }
        c.When(i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        if (r.Status != RequestStatus.Submitted)
        {
            return ChangeOutcome.WrongState;
        }
        // The record it becomes and the report's new status commit together, or neither does.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = await ApplyAsync(c, r, i, ct);
        if (outcome != ChangeOutcome.Ok)
        {
            return outcome;
        }
        r.UpdatedAt = clock.Now;
        if (!await db.SaveVersionedAsync(r, i.Version!.Value, ct))
        {
            return ChangeOutcome.Conflict;
        }
        await tx.CommitAsync(ct);
        return ChangeOutcome.Ok;
    }

    private async Task<ChangeOutcome> ApplyAsync(Checks c, ResidentRequest r, TriageInput i, CancellationToken ct)
    {
        var reporter = r.Anonymous || string.IsNullOrWhiteSpace((r.LastName ?? "") + (r.FirstName ?? "")) ? l["Anonymous resident"].Value : $"{r.LastName}{r.FirstName}";
        switch (i.Action)
        {
            case "dispute":
                var category = r.ServiceCode.StartsWith("dispute-", StringComparison.Ordinal) ? r.ServiceCode["dispute-".Length..] : "other";
                var area = r.AreaId is null ? null : await db.Areas.IgnoreQueryFilters().Where(a => a.Id == r.AreaId).Select(a => a.Code).FirstOrDefaultAsync(ct);
                var title = r.Description.Length > 60 ? r.Description[..60] + "…" : r.Description;
                var (dispute, _) = await registration.RegisterAsync(c, new RegisterInput(title, r.Description, DisputeSource.ResidentReport, category,
                    i.Risk ?? RiskColour.Yellow, 2, r.AddressString, null, null, area, [new PartyInput(PartyRole.Applicant, reporter, null, null)],
                    db.Jurisdiction.PersonId, null, null, null), ct);
                if (dispute is null)
                {
                    return ChangeOutcome.Invalid;
                }
                (r.Status, r.DisputeId, r.StatusNotes) = (RequestStatus.BecameDispute, dispute.Id, l["Registered as dispute case {0}; the community police will contact the parties.", dispute.Code].Value);
                break;
            case "danger":
                var kind = Enum.TryParse<DangerKind>(r.ServiceCode.Replace("danger-", "", StringComparison.Ordinal), true, out var k) ? k : DangerKind.Other;
                var areaCode = r.AreaId is null ? null : await db.Areas.IgnoreQueryFilters().Where(a => a.Id == r.AreaId).Select(a => a.Code).FirstOrDefaultAsync(ct);
                var danger = await DangerCommands.OpenAsync(db, c, workflow, clock,
                    new DangerInput(kind, r.Description, r.AddressString, areaCode, null, l["To be identified"], clock.Today.AddDays(7)), ct);
                if (danger is null)
                {
                    return ChangeOutcome.Invalid;
                }
                (r.Status, r.DangerId, r.StatusNotes) = (RequestStatus.BecameDanger, danger.Id, l["Recorded as hidden danger {0}; it will be checked and removed.", danger.Code].Value);
                break;
            case "demand":
                var demandArea = r.AreaId is null ? null : await db.Areas.IgnoreQueryFilters().Where(a => a.Id == r.AreaId).Select(a => a.Code).FirstOrDefaultAsync(ct);
                var demand = await DemandCommands.CreateAsync(db, c, clock,
                    new DemandInput(i.Category ?? DemandCategory.Other, DemandSource.Open311, r.Description, demandArea, null, null), ct);
                if (demand is null)
                {
                    return ChangeOutcome.Invalid;
                }
                (r.Status, r.DemandId, r.StatusNotes) = (RequestStatus.BecameDemand, demand.Id, l["Recorded as demand {0} and passed to the unit that can meet it.", demand.Code].Value);
                break;
            case "tip":
                var station = r.StationUnitId is null ? null : await db.Units.Where(u => u.Id == r.StationUnitId).Select(u => new { u.Id, u.AreaPath }).FirstOrDefaultAsync(ct);
                c.When(station is null, "action", "There is no police station for this area in your jurisdiction.");
                if (station is null)
                {
                    return ChangeOutcome.Invalid;
                }
                // The reporter becomes the tipster: only the receiving station will see who it was.
                var tip = await TipCommands.ReceiveAsync(db, protector, clock,
                    new TipCommands.TipTarget(station.Id, station.AreaPath, null, reporter, Phone(r), r.UserId), r.Description, ct);
                (r.Status, r.TipId, r.StatusNotes) = (RequestStatus.BecameTip, tip.Id, l["Passed to the police as a confidential tip. Thank you."].Value);
                break;
            case "close":
                c.Required("reason", i.Reason, 500);
                if (!c.Ok)
                {
                    return ChangeOutcome.Invalid;
                }
                (r.Status, r.StatusNotes) = (RequestStatus.Closed, i.Reason!.Trim());
                break;
            default:
                c.Add("action", "Choose what to do.");
                return ChangeOutcome.Invalid;
        }
        return ChangeOutcome.Ok;
    }

    /// <summary>The reporter's mobile number, decrypted only to pass it on to the receiving station's tip.</summary>
    private string? Phone(ResidentRequest r)
    {
        var phone = r.Phone is null ? null : protector.Unprotect(r.Phone);
        return ChineseMobile.IsValid(phone) ? phone : null;
    }
}

