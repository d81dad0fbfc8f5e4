namespace Fengqiao.Features.Diversions;

public enum DeskOutcome
{
    Ok,
    /// <summary>The link was altered, cut short or made up.</summary>
    BadLink,
    Expired,
    Invalid,
    /// <summary>Not allowed in the diversion's present state (signed for twice, answered after returning …).</summary>
    WrongState,
    /// <summary>The link is for an earlier hand-over: the station has since sent the call elsewhere.</summary>
    Superseded,
    Conflict,
}

public sealed record DeskView(
    string IncidentNumber, DiversionStatus Status, string KindZh, string KindEn, string LegalBasis, string DepartmentZh, string DepartmentEn,
    string Summary, string? Address, string? CallerPhone, DateTimeOffset ReceivedAt, DateOnly DueOn, string? Answer, string? ReturnReason, long Version,
    DiversionAction[] Allowed);

/// <summary>
/// The department's side of a diversion, reached by the signed link in its e-mail, without a staff account: it reads the
/// call and signs for it, answers it, or returns it to the police with a reason. Reading changes nothing. The caller's
/// full number shows only once the department has signed for the call (to call back); before that, masked.
/// </summary>
public sealed class DepartmentDesk(AppDb db, DiversionLinks links, DiversionCommands commands, FieldProtector protector, IStringLocalizer<SharedResource> l)
{
    public async Task<(DeskOutcome Outcome, DeskView? View)> ReadAsync(string? token, CancellationToken ct)
    {
        var (outcome, d) = await FindAsync(token, ct);
        if (d is null)
        {
            return (outcome, null);
        }
        var kind = await db.Set<DiversionKind>().AsNoTracking().FirstAsync(k => k.Id == d.KindId, ct);
        var phone = d.Status is DiversionStatus.Accepted or DiversionStatus.Answered && d.CallerPhone is not null ? protector.Unprotect(d.CallerPhone) : d.CallerPhoneMasked;
        var allowed = outcome == DeskOutcome.Superseded ? [] : DiversionCommands.AllowedIn(d.Status).Where(a => a <= DiversionAction.Return).ToArray();
        return (outcome, new DeskView(d.IncidentNumber, d.Status, kind.NameZh, kind.NameEn, kind.LegalBasis, d.UnitNameZh, d.UnitNameEn, d.Summary, d.Address,
            phone, d.ReceivedAt, d.DueOn, d.Answer, d.ReturnReason, d.Version, allowed));
    }

    public async Task<DeskOutcome> ActAsync(Checks c, string? token, DiversionAction action, long? version, string? text, string? by, CancellationToken ct)
    {
        var (outcome, d) = await FindAsync(token, ct);
        if (d is null || outcome != DeskOutcome.Ok)
        {
            return outcome;
        }
        c.When(version is null, "version", "Send the version you read, so that no one else's change is overwritten.")
            .Optional("by", by, 100);
        if (action == DiversionAction.Answer)
        {
            c.Required("answer", text, 2000);
        }
        else if (action == DiversionAction.Return)
        {
            c.Required("reason", text, 1000);
        }
        if (action is not (DiversionAction.Accept or DiversionAction.Answer or DiversionAction.Return))
        {
            return DeskOutcome.WrongState;
        }
        if (!DiversionCommands.Allows(d.Status, action))
        {
            return DeskOutcome.WrongState;
        }
        if (!c.Ok)
        {
            return DeskOutcome.Invalid;
        }
        db.Jurisdiction.UserName = l["{0} (department link)", d.UnitNameZh].Value;
        var change = action switch
        {
            DiversionAction.Accept => await commands.AcceptAsync(d, version!.Value, by, ct),
            DiversionAction.Answer => await commands.AnswerAsync(d, version!.Value, text!, by, ct),
            _ => await commands.ReturnAsync(d, version!.Value, text!, by, ct),
        };
        return change.Outcome switch
        {
            ChangeOutcome.Ok => DeskOutcome.Ok,
            ChangeOutcome.WrongState => DeskOutcome.WrongState,
            _ => DeskOutcome.Conflict,
        };
    }

    private async Task<(DeskOutcome, Diversion?)> FindAsync(string? token, CancellationToken ct)
    {
        var (ticket, expired) = links.Read(token);
        if (ticket is not { } t)
        {
            return (expired ? DeskOutcome.Expired : DeskOutcome.BadLink, null);
        }
        // The signed link is the department's key to this one diversion: the system acts for it.
        db.Jurisdiction.GrantAll();
        var d = await db.Set<Diversion>().FirstOrDefaultAsync(x => x.Id == t.DiversionId, ct);
        if (d is null)
        {
            return (DeskOutcome.BadLink, null);
        }
        return (d.Round == t.Round ? DeskOutcome.Ok : DeskOutcome.Superseded, d);
    }
}
