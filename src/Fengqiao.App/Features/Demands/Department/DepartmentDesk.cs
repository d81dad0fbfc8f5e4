namespace Fengqiao.Features.Demands.Department;

public enum DeskOutcome
{
    Ok,
    /// <summary>The link was altered, cut short or made up.</summary>
    BadLink,
    Expired,
    Invalid,
    /// <summary>The referral is no longer waiting on the unit (answered, sent back, or referred anew): nothing was changed.</summary>
    NotNow,
    Conflict,
}

/// <summary>What the department sees of the referral: the demand as far as it needs it, and what it has done so far.</summary>
public sealed record DeskView(
    string DemandCode, DemandCategory Category, string Description, string UnitNameZh, string UnitNameEn, DateOnly ReferredOn, DateOnly DueOn,
    string? Note, DateOnly? AcceptedOn, string? AcceptedByName, string? Answer, DateOnly? AnsweredOn, string? AnsweredByName,
    DateOnly? ReturnedOn, string? ReturnReason, bool Open, long Version);

/// <summary>
/// The department's side of a referral, reached by the signed link in its message and without a staff account: sign
/// for it, answer it, or send it back with a reason. The answer goes through <see cref="DemandCommands.AnswerAsync"/>,
/// exactly as a staff-recorded one, marked as the unit's own; a return opens the demand again for the station.
/// </summary>
public sealed class DepartmentDesk(AppDb db, DepartmentLinks links, LocalClock clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(DeskOutcome Outcome, DeskView? View)> ReadAsync(string? token, CancellationToken ct)
    {
        var (outcome, referral) = await FindAsync(token, ct);
        if (referral is null)
        {
            return (outcome, null);
        }
        var d = await db.Demands.AsNoTracking().Where(x => x.Id == referral.DemandId)
            .Select(x => new { x.Code, x.Category, x.Description, x.Version, Open = x.Status == DemandStatus.Referred }).FirstAsync(ct);
        var latest = await db.DemandReferrals.AsNoTracking().Where(r => r.DemandId == referral.DemandId).MaxAsync(r => r.Id, ct);
        var r = referral;
        return (outcome, new DeskView(d.Code, d.Category, d.Description, r.UnitNameZh, r.UnitNameEn, r.ReferredOn, r.DueOn, r.Note,
            r.AcceptedOn, r.AcceptedByName, r.Answer, r.AnsweredOn, r.AnsweredByName, r.ReturnedOn, r.ReturnReason,
            d.Open && r.IsOpen && latest == r.Id, d.Version));
    }

    public Task<DeskOutcome> AcceptAsync(Checks c, string? token, string? name, long? version, CancellationToken ct) =>
        ActAsync(c, token, (r, demandId) => r.AcceptedOn is not null
            ? Task.FromResult(new DemandChange(ChangeOutcome.WrongState))
            : DemandCommands.AcceptAsync(db, c, clock, demandId, new DemandReferralInput(name, null, version), ct), ct);

    public Task<DeskOutcome> AnswerAsync(Checks c, string? token, string? answer, string? name, long? version, CancellationToken ct) =>
        ActAsync(c, token, (r, demandId) =>
        {
            // Who answers is the unit's to say; the answer's own rules are the demand's.
            c.Required("answeredByName", name, 200);
            if (!c.Ok)
            {
                return Task.FromResult(new DemandChange(ChangeOutcome.Invalid, c));
            }
            (r.AnsweredByUnit, r.AcceptedOn, r.AcceptedByName) = (true, r.AcceptedOn ?? clock.Today, r.AcceptedByName ?? name!.Trim());
            return DemandCommands.AnswerAsync(db, c, clock, demandId, new DemandAnswerInput(answer, name, null, version), ct);
        }, ct);

    public Task<DeskOutcome> ReturnAsync(Checks c, string? token, string? reason, string? name, long? version, CancellationToken ct) =>
        ActAsync(c, token, (_, demandId) => DemandCommands.ReturnAsync(db, c, clock, demandId, new DemandReferralInput(name, reason, version), ct), ct);

    /// <summary>Finds the link's referral (tracked, so that the command's save carries what is marked on it) and acts while it is open.</summary>
    private async Task<DeskOutcome> ActAsync(Checks c, string? token, Func<Referral, int, Task<DemandChange>> act, CancellationToken ct)
    {
        var (outcome, referral) = await FindAsync(token, ct, tracked: true);
        if (referral is null)
        {
            return outcome;
        }
        var open = await db.DemandReferrals.Where(r => r.DemandId == referral.DemandId).MaxAsync(r => r.Id, ct) == referral.Id && referral.IsOpen;
        if (!open)
        {
            return DeskOutcome.NotNow;
        }
        db.Jurisdiction.UserName = l["Unit {0} (by its link)", referral.UnitNameZh].Value;
        var change = await act(referral, referral.DemandId);
        if (change.Outcome != ChangeOutcome.Ok)
        {
            db.ChangeTracker.Clear();
        }
        return change.Outcome switch
        {
            ChangeOutcome.Ok => DeskOutcome.Ok,
            ChangeOutcome.Invalid => c.Errors.ContainsKey("") ? DeskOutcome.NotNow : DeskOutcome.Invalid,
            ChangeOutcome.WrongState or ChangeOutcome.NotFound => DeskOutcome.NotNow,
            _ => DeskOutcome.Conflict,
        };
    }

    private async Task<(DeskOutcome, Referral?)> FindAsync(string? token, CancellationToken ct, bool tracked = false)
    {
        var (key, expired) = links.Read(token);
        if (key is null)
        {
            return (expired ? DeskOutcome.Expired : DeskOutcome.BadLink, null);
        }
        // The signed link is the unit's key to this one referral: the system acts for it.
        db.Jurisdiction.GrantAll();
        var query = tracked ? db.DemandReferrals : db.DemandReferrals.AsNoTracking();
        var referral = await query.FirstOrDefaultAsync(r => r.LinkKey == key, ct);
        return (referral is null ? DeskOutcome.BadLink : DeskOutcome.Ok, referral);
    }
}
