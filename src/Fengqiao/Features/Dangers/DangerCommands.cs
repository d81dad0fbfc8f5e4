using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Features.Dangers;

/// <summary>Recording a hidden danger, shared by the API and the case page.</summary>
public static class DangerCommands
{
    public static async Task<Danger?> OpenAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, DangerInput i, CancellationToken ct)
    {
        c.When(i.Kind is null || !Enum.IsDefined(i.Kind.Value), "kind", "Choose the kind of danger.")
            .Required("description", i.Description, 2000).Required("responsibleParty", i.ResponsibleParty, 200).Optional("address", i.Address, 200)
            .When(i.RectifyBy is null, "rectifyBy", "This field is required.")
            .When(i.RectifyBy < clock.Today, "rectifyBy", "The rectification deadline cannot be in the past.")
            .When(i.RectifyBy > clock.Today.AddYears(5), "rectifyBy", "Give a deadline within five years.");
        var dispute = i.DisputeId is null ? null : await db.Disputes.FirstOrDefaultAsync(d => d.Id == i.DisputeId, ct);
        c.When(i.DisputeId is not null && dispute is null, "disputeId", "There is no such case in your jurisdiction.");
        Area? area = null;
        if (dispute is null)
        {
            area = string.IsNullOrWhiteSpace(i.AreaCode) ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == i.AreaCode, ct);
            c.When(i.DisputeId is null && (area is null || area.Level < AreaLevel.Community), "areaCode", "Give the grid or community where the danger is.");
        }
        if (!c.Ok)
        {
            return null;
        }
        var path = dispute?.AreaPath ?? area!.Path;
        var township = path.Trim('/').Split('/').ElementAtOrDefault(3) ?? path.Trim('/');
        await using var tx = await db.BeginOrJoinAsync(ct);
        var danger = new Danger
        {
            Code = "H" + await CaseCodes.NextAsync(db, "H", township, clock.Today.Year, ct),
            Kind = i.Kind!.Value, Description = i.Description!.Trim(), Address = i.Address?.Trim() ?? dispute?.Address,
            AreaId = dispute?.AreaId ?? area!.Id, AreaPath = path, ResponsibleParty = i.ResponsibleParty!.Trim(), RectifyBy = i.RectifyBy!.Value,
            Status = DangerStatus.Open, DisputeId = dispute?.Id, FoundById = db.Jurisdiction.PersonId, FoundOn = clock.Today,
        };
        db.Dangers.Add(danger);
        if (dispute is not null)
        {
            db.DisputeEvents.Add(workflow.NewEvent(dispute, DisputeEventType.DangerOpened, dispute.Status, danger.Description, dispute.Version));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return danger;
    }

    public static Task<DangerChange> RectifyAsync(AppDb db, Checks c, LocalClock clock, int id, RectifyInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, DangerStatus.Open, d =>
        {
            c.When(i.RectifiedOn is null, "rectifiedOn", "This field is required.")
                .When(i.RectifiedOn > clock.Today, "rectifiedOn", "A danger cannot be removed in the future.")
                .Required("rectifiedBy", i.RectifiedBy, 300).Optional("note", i.Note, 2000);
            if (c.Ok)
            {
                (d.Status, d.RectifiedOn, d.RectifiedBy, d.RectificationNote) = (DangerStatus.Rectified, i.RectifiedOn, i.RectifiedBy!.Trim(), i.Note?.Trim());
            }
        }, ct);

    /// <summary>Someone with a post has seen that the danger is gone: only then does it close.</summary>
    public static Task<DangerChange> VerifyAsync(AppDb db, Checks c, LocalClock clock, int id, long? version, CancellationToken ct) =>
        ChangeAsync(db, c, id, version, DangerStatus.Rectified, d =>
        {
            c.When(db.Jurisdiction.PersonId is null, "version", "Only a member of staff with a post can verify that a danger is gone.");
            if (c.Ok)
            {
                (d.Status, d.VerifiedOn, d.VerifiedById) = (DangerStatus.Verified, clock.Today, db.Jurisdiction.PersonId);
            }
        }, ct);

    public static Task<DangerChange> RejectAsync(AppDb db, Checks c, int id, ReasonInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, DangerStatus.Rectified, d =>
        {
            c.Required("reason", i.Reason, 500);
            if (c.Ok)
            {
                (d.Status, d.RectificationNote) = (DangerStatus.Open, i.Reason!.Trim());
            }
        }, ct);

    private static async Task<DangerChange> ChangeAsync(AppDb db, Checks c, int id, long? version, DangerStatus from, Action<Danger> change, CancellationToken ct)
    {
        var d = await db.Dangers.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new(DangerOutcome.NotFound);
        }
        c.When(version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok)
        {
            return new(DangerOutcome.Invalid, c);
        }
        if (d.Status != from)
        {
            return new(DangerOutcome.WrongState, Status: d.Status);
        }
        change(d);
        if (!c.Ok)
        {
            return new(DangerOutcome.Invalid, c);
        }
        return await db.SaveVersionedAsync(d, version!.Value, ct) ? new(DangerOutcome.Ok) : new(DangerOutcome.Conflict);
    }
}

public enum DangerOutcome
{
    Ok,
    NotFound,
    Invalid,
    WrongState,
    Conflict,
}

public sealed record DangerChange(DangerOutcome Outcome, Checks? Checks = null, DangerStatus Status = DangerStatus.Open);
