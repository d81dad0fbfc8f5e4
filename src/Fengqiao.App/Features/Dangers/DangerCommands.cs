using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Dangers;

public sealed record ReferDangerInput(string? ResponsibleParty, DateOnly? DueDate, string? Note, long? Version);

public sealed record PartyAnswerInput(string? Answer, DateOnly? PromisedBy, long? Version);

public sealed record AssessDangerInput(RiskColour? Risk, string? Measures, long? Version);

/// <summary>
/// The life of a hidden danger, shared by the API and the danger page: registered; referred to the responsible party, who
/// answers with a date; judged (研判); rectified; verified or sent back; reopened when it comes back. Every step is written
/// to the danger's own history and, when the danger came from a case, to that case's timeline, in the same transaction.
/// </summary>
public static class DangerCommands
{
    public static async Task<Danger?> OpenAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, DangerInput i, CancellationToken ct,
        IReadOnlyList<DangerPhoto>? photos = null)
    {
        // A draft sent again (the answer lost to a dropped signal) is the danger already registered, not a second one.
        if (i.ClientId is { } clientId && await db.Dangers.AsNoTracking().FirstOrDefaultAsync(d => d.ClientId == clientId, ct) is { } sent)
        {
            return sent;
        }
        c.When(i.Kind is null || !Enum.IsDefined(i.Kind.Value), "kind", "Choose the kind of danger.")
            .Required("description", i.Description, 2000).Required("responsibleParty", i.ResponsibleParty, 200).Optional("address", i.Address, 200)
            .When(i.RectifyBy is null, "rectifyBy", "This field is required.");
        CheckDeadline(c, clock, "rectifyBy", i.RectifyBy);
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
            ClientId = i.ClientId,
        };
        db.Dangers.Add(danger);
        foreach (var photo in photos ?? [])
        {
            photo.Danger = danger;
            db.Add(photo);
        }
        db.DangerEvents.Add(Event(db, clock, danger, DangerEventType.Registered, danger.Description, danger.RectifyBy));
        if (dispute is not null)
        {
            db.DisputeEvents.Add(workflow.NewEvent(dispute, DisputeEventType.DangerOpened, dispute.Status, danger.Description, dispute.Version));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (i.ClientId is { } raced && DbErrors.IsUniqueViolation(e))
        {
            // The same draft, sent twice at once: the other request registered it first (the unique index on ClientId;
            // EF has rolled back to its savepoint, so the transaction can still read).
            db.ChangeTracker.Clear();
            return await db.Dangers.AsNoTracking().FirstOrDefaultAsync(d => d.ClientId == raced, ct) ?? throw new InvalidOperationException("A danger failed to register.", e);
        }
        await tx.CommitAsync(ct);
        return danger;
    }

    /// <summary>Handed to the party who must remove it (the property company, the owner), with the date they must do it by.</summary>
    public static Task<DangerChange> ReferAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, int id, ReferDangerInput i, CancellationToken ct) =>
        ChangeAsync(db, c, workflow, clock, id, i.Version, [DangerStatus.Open], d =>
        {
            c.Required("responsibleParty", i.ResponsibleParty, 200).Optional("note", i.Note, 1000).When(i.DueDate is null, "dueDate", "This field is required.");
            CheckDeadline(c, clock, "dueDate", i.DueDate);
            if (!c.Ok)
            {
                return null;
            }
            (d.ResponsibleParty, d.RectifyBy, d.ReferredOn) = (i.ResponsibleParty!.Trim(), i.DueDate!.Value, clock.Today);
            return new(DangerEventType.Referred, Join(d.ResponsibleParty, i.Note), d.RectifyBy);
        }, ct);

    /// <summary>What the responsible party said, and the date they promise; the deadline follows a promise that is given.</summary>
    public static Task<DangerChange> AnswerAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, int id, PartyAnswerInput i, CancellationToken ct) =>
        ChangeAsync(db, c, workflow, clock, id, i.Version, [DangerStatus.Open], d =>
        {
            c.Required("answer", i.Answer, 1000).When(d.ReferredOn is null, "answer", "Refer the danger to the responsible party first.");
            if (i.PromisedBy is not null)
            {
                CheckDeadline(c, clock, "promisedBy", i.PromisedBy);
            }
            if (!c.Ok)
            {
                return null;
            }
            d.PartyAnswer = i.Answer!.Trim();
            d.RectifyBy = i.PromisedBy ?? d.RectifyBy;
            return new(DangerEventType.PartyAnswered, d.PartyAnswer, i.PromisedBy);
        }, ct);

    /// <summary>The judgement (研判): how serious it is and what is to be done, by a member of staff with a post.</summary>
    public static Task<DangerChange> AssessAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, int id, AssessDangerInput i, CancellationToken ct) =>
        ChangeAsync(db, c, workflow, clock, id, i.Version, [DangerStatus.Open, DangerStatus.Rectified], d =>
        {
            c.When(i.Risk is null || !Enum.IsDefined(i.Risk.Value), "risk", "Choose the risk level.").Required("measures", i.Measures, 1000)
                .When(db.Jurisdiction.PersonId is null, "risk", "Only a member of staff with a post can judge a danger.");
            if (!c.Ok)
            {
                return null;
            }
            (d.Risk, d.Measures, d.AssessedById) = (i.Risk, i.Measures!.Trim(), db.Jurisdiction.PersonId);
            return new(DangerEventType.Assessed, d.Measures, null, d.Risk);
        }, ct);

    public static Task<DangerChange> RectifyAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, int id, RectifyInput i, CancellationToken ct) =>
        ChangeAsync(db, c, workflow, clock, id, i.Version, [DangerStatus.Open], d =>
        {
            c.When(i.RectifiedOn is null, "rectifiedOn", "This field is required.")
                .When(i.RectifiedOn > clock.Today, "rectifiedOn", "A danger cannot be removed in the future.")
                .Required("rectifiedBy", i.RectifiedBy, 300).Optional("note", i.Note, 2000);
            if (!c.Ok)
            {
                return null;
            }
            (d.Status, d.RectifiedOn, d.RectifiedBy, d.RectificationNote) = (DangerStatus.Rectified, i.RectifiedOn, i.RectifiedBy!.Trim(), i.Note?.Trim());
            return new(DangerEventType.Rectified, Join(d.RectifiedBy, d.RectificationNote), null);
        }, ct);

    /// <summary>Someone with a post has seen that the danger is gone: only then does it close.</summary>
    public static Task<DangerChange> VerifyAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, int id, long? version, CancellationToken ct) =>
        ChangeAsync(db, c, workflow, clock, id, version, [DangerStatus.Rectified], d =>
        {
            c.When(db.Jurisdiction.PersonId is null, "version", "Only a member of staff with a post can verify that a danger is gone.");
            if (!c.Ok)
            {
                return null;
            }
            (d.Status, d.VerifiedOn, d.VerifiedById) = (DangerStatus.Verified, clock.Today, db.Jurisdiction.PersonId);
            return new(DangerEventType.Verified, null, null);
        }, ct);

    /// <summary>It is not gone: back to the responsible party, with the reason.</summary>
    public static Task<DangerChange> RejectAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, int id, ReasonInput i, CancellationToken ct) =>
        ChangeAsync(db, c, workflow, clock, id, i.Version, [DangerStatus.Rectified], d =>
        {
            c.Required("reason", i.Reason, 500);
            if (!c.Ok)
            {
                return null;
            }
            (d.Status, d.RectificationNote) = (DangerStatus.Open, i.Reason!.Trim());
            return new(DangerEventType.SentBack, d.RectificationNote, null);
        }, ct);

    /// <summary>A verified danger has come back (the plate is on the balcony again): open once more, with a new deadline.</summary>
    public static Task<DangerChange> ReopenAsync(AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, int id, ReferDangerInput i, CancellationToken ct) =>
        ChangeAsync(db, c, workflow, clock, id, i.Version, [DangerStatus.Verified], d =>
        {
            c.Required("note", i.Note, 1000).When(i.DueDate is null, "dueDate", "This field is required.");
            CheckDeadline(c, clock, "dueDate", i.DueDate);
            if (!c.Ok)
            {
                return null;
            }
            (d.Status, d.RectifyBy, d.VerifiedOn, d.VerifiedById, d.RectifiedOn, d.RectifiedBy) = (DangerStatus.Open, i.DueDate!.Value, null, null, null, null);
            return new(DangerEventType.Reopened, i.Note!.Trim(), d.RectifyBy);
        }, ct);

    private static void CheckDeadline(Checks c, LocalClock clock, string field, DateOnly? date) =>
        c.When(date < clock.Today, field, "The rectification deadline cannot be in the past.")
            .When(date > clock.Today.AddYears(5), field, "Give a deadline within five years.");

    private static string? Join(string? a, string? b) => string.IsNullOrWhiteSpace(b) ? a : a + " · " + b.Trim();

    private sealed record Step(DangerEventType Type, string? Note, DateOnly? DueDate, RiskColour? Risk = null);

    private static async Task<DangerChange> ChangeAsync(
        AppDb db, Checks c, DisputeWorkflow workflow, LocalClock clock, int id, long? version, DangerStatus[] from, Func<Danger, Step?> change, CancellationToken ct)
    {
        var d = await db.Dangers.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        c.When(version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok)
        {
            return new(ChangeOutcome.Invalid, c);
        }
        if (!from.Contains(d.Status))
        {
            return new(ChangeOutcome.WrongState, Status: d.Status);
        }
        if (change(d) is not { } step || !c.Ok)
        {
            return new(ChangeOutcome.Invalid, c);
        }
        db.DangerEvents.Add(Event(db, clock, d, step.Type, step.Note, step.DueDate, step.Risk));
        if (d.DisputeId is not null && await db.Disputes.FirstOrDefaultAsync(x => x.Id == d.DisputeId, ct) is { } dispute)
        {
            db.DisputeEvents.Add(workflow.NewEvent(dispute, OnCase(step.Type), dispute.Status, d.Code + ": " + (step.Note ?? d.Description), dispute.Version));
        }
        return await db.SaveVersionedAsync(d, version!.Value, ct) ? new(ChangeOutcome.Ok) : new(ChangeOutcome.Conflict);
    }

    private static DisputeEventType OnCase(DangerEventType type) => type switch
    {
        DangerEventType.Referred => DisputeEventType.DangerReferred,
        DangerEventType.PartyAnswered => DisputeEventType.DangerAnswered,
        DangerEventType.Assessed => DisputeEventType.DangerAssessed,
        DangerEventType.Rectified => DisputeEventType.DangerRectified,
        DangerEventType.Verified => DisputeEventType.DangerVerified,
        DangerEventType.SentBack => DisputeEventType.DangerSentBack,
        DangerEventType.Reopened => DisputeEventType.DangerReopened,
        _ => DisputeEventType.DangerOpened,
    };

    private static DangerEvent Event(AppDb db, LocalClock clock, Danger d, DangerEventType type, string? note, DateOnly? due, RiskColour? risk = null) => new()
    {
        Danger = d, Type = type, At = clock.Now, AreaPath = d.AreaPath, ToStatus = d.Status, ActorPersonId = db.Jurisdiction.PersonId,
        ActorName = db.Jurisdiction.UserName, Note = note is { Length: > 2000 } ? note[..2000] : note, DueDate = due, Risk = risk,
    };
}

public sealed record DangerChange(ChangeOutcome Outcome, Checks? Checks = null, DangerStatus Status = DangerStatus.Open);
