using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Demo;

/// <summary>
/// Each step changes the case as the matching <see cref="DisputeWorkflow"/> action does, adds the
/// rows it adds, and appends the timeline event with the case's next version.
/// </summary>
internal sealed partial class DemoCaseBuilder
{
    private void Register(CaseDraft c)
    {
        var d = c.Dispute;
        d.RegisteredAt = c.At;
        d.RegisteredOn = _clock.DayOf(c.At);
        Emit(c, DisputeEventType.Registered, null, d.Title);
    }

    private void Assign(CaseDraft c)
    {
        var d = c.Dispute;
        var officer = c.Facts.Officer!;
        d.ResponsibleOfficerId = officer.PersonId;
        d.Status = DisputeStatus.Assigned;
        Emit(c, DisputeEventType.Assigned, DisputeStatus.Registered, officer.NameZh);
    }

    private void Session(CaseDraft c, SessionOutcome outcome)
    {
        var d = c.Dispute;
        var from = d.Status;
        var place = Place(c.Facts);
        c.Sessions.Add(new MediationSession
        {
            Dispute = d, HeldAt = c.At, Place = place, Mediators = c.Facts.Mediators, Attendees = c.Facts.PartyNames,
            Minutes = DemoCaseTexts.Minutes(outcome), Outcome = outcome,
        });
        d.SessionCount++;
        d.Status = DisputeStatus.Mediating;
        Emit(c, DisputeEventType.SessionHeld, from, DemoCaseTexts.OutcomeZh(outcome) + " · " + place);
    }

    private void Resolve(CaseDraft c, DateOnly day)
    {
        var d = c.Dispute;
        var performBy = day.AddDays(_rng.Next(3, 31));
        var terms = Fill(c.Facts.Template.Terms, c.Facts, FormattableString.Invariant($"{performBy.Month}月{performBy.Day}日"));
        c.Agreement = new MediationAgreement
        {
            Dispute = d, Terms = terms, PerformBy = performBy, SignedBy = c.Facts.PartyNames, SignedOn = day,
            JudicialConfirmationBy = day.AddDays(_o.JudicialConfirmationDays),
        };
        d.Status = DisputeStatus.Resolved;
        d.ResolvedOn = day;
        d.Outcome = terms;
        Emit(c, DisputeEventType.Resolved, DisputeStatus.Mediating, terms);
    }

    private void Refer(CaseDraft c, DateOnly day)
    {
        var d = c.Dispute;
        var from = d.Status;
        var grid = c.Facts.Grid;
        var target = (ReferralTarget)(Weighted(DemoCaseTexts.ReferralWeights(d.Category)) + 1);
        var body = target switch
        {
            ReferralTarget.Court => grid.CountyNameZh + "人民法院",
            ReferralTarget.Department => grid.CountyNameZh + DemoCaseTexts.Department(d.Category),
            _ when d.Category == "medical" => grid.CountyNameZh + "医疗纠纷人民调解委员会",
            _ => grid.TownshipNameZh + "人民调解委员会",
        };
        d.Status = DisputeStatus.Referred;
        d.ReferredTo = target;
        d.ReferredBody = body;
        d.ReferredOn = day;
        d.ReferralAnswer = null;
        var label = target switch
        {
            ReferralTarget.Court => "人民法院",
            ReferralTarget.Department => "职能部门",
            _ => "人民调解委员会",
        };
        Emit(c, DisputeEventType.Referred, from, label + ": " + body);
    }

    /// <summary>The body's answer: resolved, or not resolvable (as the workflow records it, one event).</summary>
    private void Answer(CaseDraft c, DateOnly day, bool resolved)
    {
        var d = c.Dispute;
        var body = d.ReferredBody ?? "";
        var answer = (d.ReferredTo, resolved) switch
        {
            (ReferralTarget.Court, true) => "经" + body + "诉前调解，双方达成调解协议并申请司法确认。",
            (ReferralTarget.Court, false) => body + "已立案受理，纠纷转入诉讼程序。",
            (ReferralTarget.Department, true) => "经" + body + "督促处理，问题已解决，当事人表示满意。",
            (ReferralTarget.Department, false) => body + "答复：经核查不属于本部门处理范围，已告知当事人依法通过诉讼途径解决。",
            (_, true) => "经" + body + "调解，双方达成人民调解协议，已履行。",
            _ => "经" + body + "调解未能达成一致，已告知当事人依法通过诉讼途径解决。",
        };
        d.ReferralAnswer = answer;
        d.Outcome = answer;
        d.Status = resolved ? DisputeStatus.Resolved : DisputeStatus.NotResolvable;
        d.ResolvedOn = resolved ? day : null;
        Emit(c, resolved ? DisputeEventType.Resolved : DisputeEventType.NotResolvable, DisputeStatus.Referred, answer);
    }

    private void GiveUp(CaseDraft c)
    {
        var d = c.Dispute;
        var from = d.Status;
        var reason = Pick(DemoCaseTexts.NotResolvableReasons);
        d.Status = DisputeStatus.NotResolvable;
        d.Outcome = reason;
        Emit(c, DisputeEventType.NotResolvable, from, reason);
    }

    private void Suspend(CaseDraft c, DateOnly day)
    {
        var d = c.Dispute;
        var from = d.Status;
        var reason = Pick(DemoCaseTexts.SuspensionReasons);
        d.StatusBeforeSuspension = from;
        d.Status = DisputeStatus.Suspended;
        d.SuspensionReason = reason;
        d.SuspendedOn = day;
        Emit(c, DisputeEventType.Suspended, from, reason);
    }

    private void FollowUp(CaseDraft c, DateOnly day)
    {
        var d = c.Dispute;
        var satisfaction = Weighted(SatisfactionWeights) + 2;
        var kept = satisfaction >= 4 || _rng.NextDouble() < 0.6;
        c.Visit = new FollowUpVisit
        {
            Dispute = d, VisitedOn = day, AgreementKept = kept, NewRisk = kept ? null : "协议尚未完全履行，需继续跟踪。",
            Satisfaction = satisfaction, Notes = kept ? Pick(DemoCaseTexts.FollowUpNotes) : "协议部分履行，民警督促剩余事项按期完成。",
            VisitedById = c.Facts.Officer?.PersonId,
        };
        d.Status = DisputeStatus.FollowedUp;
        Emit(c, DisputeEventType.FollowedUp, DisputeStatus.Resolved,
            FormattableString.Invariant($"满意度 {satisfaction}/5 · {(kept ? "协议已履行" : "协议未履行")}"));
    }

    private void Close(CaseDraft c, DateOnly day)
    {
        var d = c.Dispute;
        d.Status = DisputeStatus.Closed;
        d.ClosedOn = day;
        Emit(c, DisputeEventType.Closed, DisputeStatus.FollowedUp, _rng.Next(2) == 0 ? "回访满意，予以结案。" : null);
    }

    /// <summary>A hidden danger behind the dispute: opened on the case without changing its state or version.</summary>
    private bool FoundDanger(CaseDraft c, DateOnly day)
    {
        if (c.Stopped || day > _yesterday)
        {
            c.Stopped = true;
            return false;
        }
        c.At = Stamp(c, day);
        var danger = CaseDanger(c, day);
        c.Danger = danger;
        Emit(c, DisputeEventType.DangerOpened, c.Dispute.Status, danger.Description, bump: false);
        return true;
    }

    private void Emit(CaseDraft c, DisputeEventType type, DisputeStatus? from, string? note, bool bump = true)
    {
        var d = c.Dispute;
        if (bump)
        {
            c.Version++;
        }
        c.Events.Add(new DisputeEvent
        {
            Dispute = d, Type = type, At = c.At, Day = _clock.DayOf(c.At), AreaPath = d.AreaPath, Category = d.Category, Risk = d.Risk,
            Source = d.Source, FromStatus = from, ToStatus = d.Status, CaseVersion = c.Version,
            ActorPersonId = c.Actor?.PersonId, ActorName = c.Actor?.NameZh,
            Note = note is { Length: > 2000 } ? note[..2000] : note,
        });
    }

    private string Place(CaseFacts f) => _rng.Next(6) switch
    {
        0 or 5 => f.Grid.CommunityNameZh + "调解室",
        1 => f.Grid.CommunityNameZh + "警务室",
        2 => f.Grid.CommunityNameZh + "党群服务中心",
        3 => f.Station.NameZh + "调解室",
        _ => "当事人家中",
    };
}
