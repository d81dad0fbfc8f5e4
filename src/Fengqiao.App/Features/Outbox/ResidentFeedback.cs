using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Open311;

namespace Fengqiao.Features.Outbox;

public enum FeedbackOutcome
{
    Ok,
    /// <summary>The link was altered, cut short or made up.</summary>
    BadLink,
    Expired,
    Invalid,
    /// <summary>"Not resolved" on a report that is not resolved (still open, or already reopened).</summary>
    NotResolvedYet,
    Conflict,
}

public sealed record FeedbackView(string Code, RequestStatus Status, bool Resolved, int? Rating, string? Comment, DateTimeOffset? NotResolvedAt);

/// <summary>
/// The return visit (回访) from a resolution notice's signed link: the reporter rates the handling, or says the matter
/// is not resolved, which reopens the case (or the danger, or the closed report) for its officers with the reason on the
/// timeline. No account is needed; the link names the report and expires.
/// </summary>
public sealed class ResidentFeedback(
    AppDb db, FeedbackLinks links, DisputeWorkflow workflow, LocalClock clock, IStringLocalizer<SharedResource> l, IOptions<OutboxOptions> options)
{
    public async Task<(FeedbackOutcome Outcome, FeedbackView? View)> ReadAsync(string? token, CancellationToken ct)
    {
        var (outcome, request) = await FindAsync(token, ct);
        return request is null ? (outcome, null) : (outcome, View(request, await ResolvedAsync(request, ct)));
    }

    public async Task<FeedbackOutcome> RateAsync(Checks c, string? token, int? stars, string? comment, CancellationToken ct)
    {
        var (outcome, r) = await FindAsync(token, ct);
        if (r is null)
        {
            return outcome;
        }
        c.When(stars is null or < 1 or > 5, "stars", "Choose from one to five stars.").Optional("comment", comment, 1000);
        if (!c.Ok)
        {
            return FeedbackOutcome.Invalid;
        }
        (r.Rating, r.RatedAt) = (stars, clock.Now);
        r.FeedbackComment = string.IsNullOrWhiteSpace(comment) ? r.FeedbackComment : comment.Trim();
        return await SaveAsync(r, ct);
    }

    public async Task<FeedbackOutcome> NotResolvedAsync(Checks c, string? token, string? reason, CancellationToken ct)
    {
        var (outcome, r) = await FindAsync(token, ct);
        if (r is null)
        {
            return outcome;
        }
        return await ReopenAsync(c, r, reason, ct);
    }

    /// <summary>
    /// The reporter says the resolved report <paramref name="r"/> is not resolved (from the notice's link, or through their Open311
    /// client): the case, the danger or the closed report is reopened for its officers with the reason on the timeline.
    /// The caller has found the report and may act for its reporter.
    /// </summary>
    public async Task<FeedbackOutcome> ReopenAsync(Checks c, ResidentRequest r, string? reason, CancellationToken ct)
    {
        c.Required("reason", reason, 1000);
        if (!c.Ok)
        {
            return FeedbackOutcome.Invalid;
        }
        if (!await ResolvedAsync(r, ct))
        {
            return FeedbackOutcome.NotResolvedYet;
        }
        var why = l["The resident says it is not resolved: {0}", reason!.Trim()].Value;
        (r.NotResolvedAt, r.FeedbackComment) = (clock.Now, reason.Trim());
        db.Jurisdiction.UserName = l["Resident (report {0})", r.Code].Value;
        if (r.DisputeId is { } disputeId)
        {
            var version = await db.Disputes.Where(d => d.Id == disputeId).Select(d => d.Version).FirstAsync(ct);
            var result = await workflow.ReopenAsync(disputeId, new ReasonInput(why, version), ct);
            return result.Status == WorkflowStatus.Ok ? FeedbackOutcome.Ok : FeedbackOutcome.Conflict;
        }
        if (r.DangerId is { } dangerId)
        {
            var version = await db.Dangers.Where(d => d.Id == dangerId).Select(d => d.Version).FirstAsync(ct);
            var change = await DangerCommands.ReopenAsync(db, c, workflow, clock, dangerId,
                new ReferDangerInput(null, clock.Today.AddDays(7), why.Length > 1000 ? why[..1000] : why, version), ct);
            return change.Outcome == ChangeOutcome.Ok ? FeedbackOutcome.Ok : FeedbackOutcome.Conflict;
        }
        (r.Status, r.StatusNotes, r.UpdatedAt) = (RequestStatus.Submitted, why.Length > 1000 ? why[..1000] : why, clock.Now);
        return await SaveAsync(r, ct);
    }

    private async Task<(FeedbackOutcome, ResidentRequest?)> FindAsync(string? token, CancellationToken ct)
    {
        var (code, expired) = links.Read(token);
        if (code is null)
        {
            return (expired ? FeedbackOutcome.Expired : FeedbackOutcome.BadLink, null);
        }
        // The signed link is the reporter's key to this one report: the system acts for them.
        db.Jurisdiction.GrantAll();
        var request = await db.ResidentRequests.FirstOrDefaultAsync(r => r.Code == code, ct);
        return (request is null ? FeedbackOutcome.BadLink : FeedbackOutcome.Ok, request);
    }

    /// <summary>Is what the report became resolved now (so that "not resolved" can reopen it)?</summary>
    private async Task<bool> ResolvedAsync(ResidentRequest r, CancellationToken ct)
    {
        if (r.DisputeId is { } disputeId)
        {
            var status = await db.Disputes.Where(d => d.Id == disputeId).Select(d => d.Status).FirstOrDefaultAsync(ct);
            return status is DisputeStatus.Resolved or DisputeStatus.FollowedUp or DisputeStatus.Closed;
        }
        if (r.DangerId is { } dangerId)
        {
            return await db.Dangers.AnyAsync(d => d.Id == dangerId && d.Status == DangerStatus.Verified, ct);
        }
        return r.Status == RequestStatus.Closed;
    }

    private static FeedbackView View(ResidentRequest r, bool resolved) => new(r.Code, r.Status, resolved, r.Rating, r.FeedbackComment, r.NotResolvedAt);

    private async Task<FeedbackOutcome> SaveAsync(ResidentRequest r, CancellationToken ct) =>
        await db.SaveVersionedAsync(r, r.Version, ct) ? FeedbackOutcome.Ok : FeedbackOutcome.Conflict;

    public int FeedbackDays => options.Value.FeedbackDays;
}
