using Fengqiao.Features.People;
using Fengqiao.Features.Calendar;

namespace Fengqiao.Features.Disputes;

public enum DisputeAction
{
    Edit = 1,
    Assign = 2,
    RecordSession = 3,
    Resolve = 4,
    Refer = 5,
    AnswerReferral = 6,
    Suspend = 7,
    Resume = 8,
    MarkNotResolvable = 9,
    FollowUp = 10,
    Close = 11,
    Reopen = 12,
    RequestJudicialConfirmation = 13,
}

public enum WorkflowStatus
{
    Ok,
    NotFound,
    Invalid,
    Illegal,
    Conflict,
}

public sealed record WorkflowOutcome(WorkflowStatus Status, Checks? Checks = null, string? Message = null, long? StaleVersion = null);

/// <summary>
/// The case lifecycle. Each action is allowed from some states only; it changes the case,
/// resets its deadline and appends one timeline event in the same save, guarded by the version
/// the user read, so a stale edit is refused (409) rather than overwriting someone's work.
/// </summary>
public sealed class DisputeWorkflow(
    AppDb db, ChecksFactory checks, CalendarService calendar, IOptions<DeadlineOptions> deadlines, LocalClock clock, DisputeCategories categories,
    IStringLocalizer<SharedResource> l)
{
    private static readonly DisputeStatus[] Working = [DisputeStatus.Assigned, DisputeStatus.Mediating, DisputeStatus.Referred];

    public static readonly IReadOnlyDictionary<DisputeAction, DisputeStatus[]> AllowedFrom = new Dictionary<DisputeAction, DisputeStatus[]>
    {
        [DisputeAction.Edit] = [DisputeStatus.Registered, DisputeStatus.Assigned, DisputeStatus.Mediating, DisputeStatus.Referred, DisputeStatus.Suspended],
        [DisputeAction.Assign] = [DisputeStatus.Registered, DisputeStatus.Assigned, DisputeStatus.Mediating, DisputeStatus.Referred, DisputeStatus.Suspended],
        [DisputeAction.RecordSession] = [DisputeStatus.Registered, DisputeStatus.Assigned, DisputeStatus.Mediating],
        [DisputeAction.Resolve] = [DisputeStatus.Mediating],
        [DisputeAction.Refer] = [DisputeStatus.Registered, DisputeStatus.Assigned, DisputeStatus.Mediating],
        [DisputeAction.AnswerReferral] = [DisputeStatus.Referred],
        [DisputeAction.Suspend] = Working,
        [DisputeAction.Resume] = [DisputeStatus.Suspended],
        [DisputeAction.MarkNotResolvable] = Working,
        [DisputeAction.FollowUp] = [DisputeStatus.Resolved, DisputeStatus.FollowedUp],
        [DisputeAction.Close] = [DisputeStatus.FollowedUp, DisputeStatus.NotResolvable],
        [DisputeAction.Reopen] = [DisputeStatus.Resolved, DisputeStatus.FollowedUp, DisputeStatus.Closed, DisputeStatus.NotResolvable],
        [DisputeAction.RequestJudicialConfirmation] = [DisputeStatus.Resolved, DisputeStatus.FollowedUp, DisputeStatus.Closed],
    };

    public static IEnumerable<DisputeAction> ActionsFor(DisputeStatus status) =>
        AllowedFrom.Where(a => a.Value.Contains(status)).Select(a => a.Key);

    private DateOnly Today => clock.Today;

    internal AppDb Db => db;
    internal IStringLocalizer Localizer => l;

    public Task<WorkflowOutcome> EditAsync(int id, EditInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.Edit, (d, c) =>
        {
            c.Required("title", i.Title, 200).Required("summary", i.Summary, 4000).Optional("address", i.Address, 200)
                .When(i.Risk is null || !Enum.IsDefined(i.Risk.Value), "risk", "Choose a risk colour.")
                .When(i.PeopleInvolved is null or < 1 or > 100000, "peopleInvolved", "Give the number of people involved (at least 1).");
            categories.Check(c, i.Category);
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            var changed = new List<string>();
            void Set<T>(string name, T current, T next, Action<T> apply)
            {
                if (!EqualityComparer<T>.Default.Equals(current, next))
                {
                    changed.Add(name);
                    apply(next);
                }
            }
            Set("title", d.Title, i.Title!.Trim(), v => d.Title = v);
            Set("summary", d.Summary, i.Summary!.Trim(), v => d.Summary = v);
            Set("category", d.Category, i.Category!, v => d.Category = v);
            Set("risk", d.Risk, i.Risk!.Value, v => d.Risk = v);
            Set("peopleInvolved", d.PeopleInvolved, i.PeopleInvolved!.Value, v => d.PeopleInvolved = v);
            Set("address", d.Address, string.IsNullOrWhiteSpace(i.Address) ? null : i.Address.Trim(), v => d.Address = v);
            d.SearchText = DisputeRegistration.SearchText(d, d.Parties.Select(p => p.Name));
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.Edited, string.Join(", ", changed)));
        }, ct, includeParties: true);

    public Task<WorkflowOutcome> AssignAsync(int id, AssignInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.Assign, async (d, c) =>
        {
            var officer = i.OfficerId is null ? null : await db.People.FirstOrDefaultAsync(p => p.Id == i.OfficerId, ct);
            c.When(officer is null, "officerId", "Choose a person in your jurisdiction.");
            await DisputeRegistration.CheckHandlersAsync(db, c, i.Handlers, ct);
            if (!c.Ok)
            {
                return null;
            }
            d.ResponsibleOfficerId = officer!.Id;
            DisputeRegistration.SetHandlers(db, d, i.Handlers);
            if (d.Status == DisputeStatus.Registered)
            {
                d.Status = DisputeStatus.Assigned;
            }
            return (DisputeEventType.Assigned, LocalizationSetup.Pick(officer.NameZh, officer.NameEn));
        }, ct, includeParties: true);

    public Task<WorkflowOutcome> RecordSessionAsync(int id, SessionInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.RecordSession, (d, c) =>
        {
            c.Required("place", i.Place, 200).Required("mediators", i.Mediators, 300)
                .Optional("attendees", i.Attendees, 500).Optional("minutes", i.Minutes, 4000)
                .When(i.HeldAt is null, "heldAt", "This field is required.")
                .When(i.HeldAt > clock.Now.AddHours(1), "heldAt", "A session cannot be recorded before it is held.")
                .When(i.Outcome is null || !Enum.IsDefined(i.Outcome.Value), "outcome", "Choose the outcome of the session.");
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            db.MediationSessions.Add(new MediationSession
            {
                DisputeId = d.Id, HeldAt = i.HeldAt!.Value.ToUniversalTime(), Place = i.Place!.Trim(), Mediators = i.Mediators!.Trim(),
                Attendees = i.Attendees?.Trim(), Minutes = i.Minutes?.Trim(), Outcome = i.Outcome!.Value,
            });
            d.SessionCount++;
            d.Status = DisputeStatus.Mediating;
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.SessionHeld, $"{l.Enum(i.Outcome.Value)} · {i.Place.Trim()}"));
        }, ct);

    public Task<WorkflowOutcome> ResolveAsync(int id, AgreementInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.Resolve, (d, c) =>
        {
            c.Required("terms", i.Terms, 4000).Required("signedBy", i.SignedBy, 300)
                .When(i.SignedOn is null, "signedOn", "This field is required.")
                .When(i.SignedOn > Today, "signedOn", "An agreement cannot be signed in the future.")
                .When(i.SignedOn < d.RegisteredOn, "signedOn", "An agreement cannot be signed before the case was registered.")
                .When(i.PerformBy < i.SignedOn, "performBy", "The agreement cannot be due before it is signed.");
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            db.MediationAgreements.Add(new MediationAgreement
            {
                DisputeId = d.Id, Terms = i.Terms!.Trim(), PerformBy = i.PerformBy, SignedBy = i.SignedBy!.Trim(), SignedOn = i.SignedOn!.Value,
                JudicialConfirmationBy = i.SignedOn.Value.AddDays(deadlines.Value.JudicialConfirmationDays),
            });
            d.Status = DisputeStatus.Resolved;
            d.ResolvedOn = i.SignedOn.Value;
            d.Outcome = i.Terms.Trim();
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.Resolved, i.Terms.Trim()));
        }, ct);

    public Task<WorkflowOutcome> ReferAsync(int id, ReferInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.Refer, (d, c) =>
        {
            c.When(i.To is null || !Enum.IsDefined(i.To.Value), "to", "Choose where the case is referred to.")
                .Required("body", i.Body, 200).Optional("note", i.Note, 2000);
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            d.Status = DisputeStatus.Referred;
            d.ReferredTo = i.To;
            d.ReferredBody = i.Body!.Trim();
            d.ReferredOn = Today;
            d.ReferralAnswer = null;
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.Referred, $"{l.Enum(i.To!.Value)}: {d.ReferredBody}"));
        }, ct);

    public Task<WorkflowOutcome> AnswerReferralAsync(int id, ReferralAnswerInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.AnswerReferral, (d, c) =>
        {
            c.Required("answer", i.Answer, 2000);
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            d.ReferralAnswer = i.Answer!.Trim();
            d.Outcome = d.ReferralAnswer;
            d.Status = i.Resolved ? DisputeStatus.Resolved : DisputeStatus.NotResolvable;
            d.ResolvedOn = i.Resolved ? Today : null;
            return Task.FromResult<(DisputeEventType, string?)?>((i.Resolved ? DisputeEventType.Resolved : DisputeEventType.NotResolvable, d.ReferralAnswer));
        }, ct);

    public Task<WorkflowOutcome> SuspendAsync(int id, ReasonInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.Suspend, (d, c) =>
        {
            c.Required("reason", i.Reason, 500);
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            d.StatusBeforeSuspension = d.Status;
            d.Status = DisputeStatus.Suspended;
            d.SuspensionReason = i.Reason!.Trim();
            d.SuspendedOn = Today;
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.Suspended, d.SuspensionReason));
        }, ct);

    public Task<WorkflowOutcome> ResumeAsync(int id, VersionInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.Resume, (d, _) =>
        {
            // The clock stood still while suspended: deadlines move by the days that passed.
            var since = d.SuspendedOn ?? Today;
            d.PausedWorkingDays += calendar.Current.WorkingDaysBetween(since, Today);
            d.PausedDays += Math.Max(0, Today.DayNumber - since.DayNumber);
            d.Status = d.StatusBeforeSuspension ?? DisputeStatus.Assigned;
            d.StatusBeforeSuspension = null;
            d.SuspendedOn = null;
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.Resumed, d.SuspensionReason));
        }, ct);

    public Task<WorkflowOutcome> MarkNotResolvableAsync(int id, ReasonInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.MarkNotResolvable, (d, c) =>
        {
            c.Required("reason", i.Reason, 500);
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            d.Status = DisputeStatus.NotResolvable;
            d.Outcome = i.Reason!.Trim();
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.NotResolvable, d.Outcome));
        }, ct);

    public Task<WorkflowOutcome> FollowUpAsync(int id, FollowUpInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.FollowUp, (d, c) =>
        {
            c.When(i.VisitedOn is null, "visitedOn", "This field is required.")
                .When(i.VisitedOn > Today, "visitedOn", "A visit cannot be recorded before it happens.")
                .When(i.VisitedOn < d.ResolvedOn, "visitedOn", "A return visit comes after the case was resolved.")
                .When(i.Satisfaction is null or < 1 or > 5, "satisfaction", "Satisfaction is from 1 (very dissatisfied) to 5 (very satisfied).")
                .Optional("newRisk", i.NewRisk, 1000).Optional("notes", i.Notes, 2000);
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            db.FollowUpVisits.Add(new FollowUpVisit
            {
                DisputeId = d.Id, VisitedOn = i.VisitedOn!.Value, AgreementKept = i.AgreementKept, NewRisk = i.NewRisk?.Trim(),
                Satisfaction = i.Satisfaction!.Value, Notes = i.Notes?.Trim(), VisitedById = db.Jurisdiction.PersonId,
            });
            d.Status = DisputeStatus.FollowedUp;
            var note = $"{l["Satisfaction"]} {i.Satisfaction}/5 · {(i.AgreementKept ? l["agreement kept"] : l["agreement not kept"])}";
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.FollowedUp, note));
        }, ct);

    public Task<WorkflowOutcome> CloseAsync(int id, ReasonInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.Close, (d, c) =>
        {
            c.Optional("reason", i.Reason, 500);
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            d.Status = DisputeStatus.Closed;
            d.ClosedOn = Today;
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.Closed, i.Reason?.Trim()));
        }, ct);

    public Task<WorkflowOutcome> ReopenAsync(int id, ReasonInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.Reopen, (d, c) =>
        {
            c.Required("reason", i.Reason, 500);
            if (!c.Ok)
            {
                return Task.FromResult<(DisputeEventType, string?)?>(null);
            }
            d.Status = DisputeStatus.Mediating;
            d.ResolvedOn = null;
            d.ClosedOn = null;
            d.Outcome = null;
            return Task.FromResult<(DisputeEventType, string?)?>((DisputeEventType.Reopened, i.Reason!.Trim()));
        }, ct);

    public Task<WorkflowOutcome> RequestJudicialConfirmationAsync(int id, VersionInput i, CancellationToken ct) =>
        RunAsync(id, i.Version, DisputeAction.RequestJudicialConfirmation, async (d, c) =>
        {
            var agreement = await db.MediationAgreements.Where(a => a.DisputeId == d.Id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
            c.When(agreement is null, "version", "There is no agreement to confirm.")
                .When(agreement is not null && Today > agreement.JudicialConfirmationBy, "version",
                    "The 30-day window to request judicial confirmation closed on {0}.", agreement?.JudicialConfirmationBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
            if (!c.Ok)
            {
                return null;
            }
            agreement!.JudicialConfirmationRequested = true;
            return (DisputeEventType.JudicialConfirmationRequested, (string?)null);
        }, ct);

    private async Task<WorkflowOutcome> RunAsync(
        int id, long? version, DisputeAction action, Func<Dispute, Checks, Task<(DisputeEventType Type, string? Note)?>> apply,
        CancellationToken ct, bool includeParties = false)
    {
        IQueryable<Dispute> query = includeParties ? db.Disputes.Include(d => d.Parties).Include(d => d.Handlers) : db.Disputes;
        var d = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new(WorkflowStatus.NotFound);
        }
        var c = checks.Create();
        if (version is null)
        {
            c.Add("version", "Send the version you read, so that no one else's change is overwritten.");
            return new(WorkflowStatus.Invalid, c);
        }
        if (version != d.Version)
        {
            return new(WorkflowStatus.Conflict, StaleVersion: version);
        }
        if (!AllowedFrom[action].Contains(d.Status) || d.MergedIntoId is not null)
        {
            return new(WorkflowStatus.Illegal, Message: l["A case that is {0} cannot be {1}.", l.Enum(d.Status), l.Enum(action).ToLowerInvariant()]);
        }
        var from = d.Status;
        var result = await apply(d, c);
        if (!c.Ok || result is null)
        {
            return new(WorkflowStatus.Invalid, c);
        }
        DeadlineRules.Apply(d, calendar.Current, deadlines.Value);
        db.DisputeEvents.Add(NewEvent(d, result.Value.Type, from, result.Value.Note, version.Value + 1));
        return await db.SaveVersionedAsync(d, version.Value, ct)
            ? new(WorkflowStatus.Ok)
            : new(WorkflowStatus.Conflict, StaleVersion: version);
    }

    internal DisputeEvent NewEvent(Dispute d, DisputeEventType type, DisputeStatus? from, string? note, long caseVersion)
    {
        var now = clock.Now;
        return new DisputeEvent
        {
            Dispute = d, Type = type, At = now, Day = clock.DayOf(now), AreaPath = d.AreaPath,
            Category = d.Category, Risk = d.Risk, Source = d.Source, FromStatus = from, ToStatus = d.Status, CaseVersion = caseVersion,
            ActorPersonId = db.Jurisdiction.PersonId, ActorName = db.Jurisdiction.UserName,
            Note = note is { Length: > 2000 } ? note[..2000] : note,
        };
    }
}
