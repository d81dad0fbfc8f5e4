using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes.Documents;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Disputes;

/// <summary>
/// The case page: what it is about, where it stands and what is due, the actions its state
/// allows, sessions, agreement, return visits, dangers, supervision, and the timeline.
/// </summary>
public sealed class DetailModel(AppDb db, DisputeWorkflow workflow, ChecksFactory checks, LocalClock clock, DisputeCategories categories,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public DisputeDetail Case { get; private set; } = null!;
    public IReadOnlyList<PersonDto> Officers { get; private set; } = [];
    public IReadOnlyList<EventDto> Missed { get; private set; } = [];
    /// <summary>The latest entries, or the whole timeline when the reader asked for it (?timeline=all).</summary>
    public IReadOnlyList<EventDto> Timeline { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "timeline")] public string? TimelineMode { get; set; }
    public DisputeCategories Categories => categories;
    public DateOnly Today => clock.Today;

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(int id, int? officerId, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.AssignAsync(id, new AssignInput(officerId, null, version), ct), ct);

    public Task<IActionResult> OnPostSessionAsync(int id, DateTime? heldAt, string? place, string? mediators, string? attendees, string? minutes, SessionOutcome? outcome, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.RecordSessionAsync(id, new SessionInput(heldAt is null ? null : clock.FromLocal(heldAt.Value), place, mediators, attendees, minutes, outcome, version), ct), ct);

    public Task<IActionResult> OnPostResolveAsync(int id, string? terms, DateOnly? performBy, string? signedBy, DateOnly? signedOn, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.ResolveAsync(id, new AgreementInput(terms, performBy, signedBy, signedOn, version), ct), ct);

    public Task<IActionResult> OnPostReferAsync(int id, ReferralTarget? to, string? body, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.ReferAsync(id, new ReferInput(to, body, null, version), ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, string? answer, bool resolved, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.AnswerReferralAsync(id, new ReferralAnswerInput(answer, resolved, version), ct), ct);

    public Task<IActionResult> OnPostSuspendAsync(int id, string? reason, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.SuspendAsync(id, new ReasonInput(reason, version), ct), ct);

    public Task<IActionResult> OnPostResumeAsync(int id, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.ResumeAsync(id, new VersionInput(version), ct), ct);

    public Task<IActionResult> OnPostNotResolvableAsync(int id, string? reason, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.MarkNotResolvableAsync(id, new ReasonInput(reason, version), ct), ct);

    public Task<IActionResult> OnPostFollowUpAsync(int id, DateOnly? visitedOn, bool agreementKept, string? newRisk, int? satisfaction, string? notes, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.FollowUpAsync(id, new FollowUpInput(visitedOn, agreementKept, newRisk, satisfaction, notes, version), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(int id, string? reason, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.CloseAsync(id, new ReasonInput(reason, version), ct), ct);

    public Task<IActionResult> OnPostReopenAsync(int id, string? reason, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.ReopenAsync(id, new ReasonInput(reason, version), ct), ct);

    public Task<IActionResult> OnPostJudicialAsync(int id, long version, CancellationToken ct) =>
        ActAsync(id, () => workflow.RequestJudicialConfirmationAsync(id, new VersionInput(version), ct), ct);

    /// <summary>Opens a hidden danger found while handling this case (the pigeon plate).</summary>
    public async Task<IActionResult> OnPostDangerAsync(int id, DangerKind? kind, string? description, string? responsibleParty, DateOnly? rectifyBy, CancellationToken ct)
    {
        var c = checks.Create();
        var danger = await DangerCommands.OpenAsync(db, c, workflow, clock, new DangerInput(kind, description, null, null, id, responsibleParty, rectifyBy), ct);
        if (danger is not null)
        {
            Message = l["Hidden danger {0} recorded.", danger.Code];
            return Redirect($"/disputes/{id}");
        }
        c.AddTo(ModelState);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> ActAsync(int id, Func<Task<WorkflowOutcome>> action, CancellationToken ct)
    {
        var outcome = await action();
        switch (outcome.Status)
        {
            case WorkflowStatus.Ok:
                Message = l["Saved."];
                return Redirect($"/disputes/{id}");
            case WorkflowStatus.NotFound:
                return NotFound();
            case WorkflowStatus.Invalid:
                outcome.Checks!.AddTo(ModelState);
                break;
            case WorkflowStatus.Illegal:
                ModelState.AddModelError("", outcome.Message ?? "");
                break;
            default:
                ModelState.AddModelError("", l["Someone else changed this case while you were editing it. Review the current version and try again."]);
                Missed = (await DisputeQueries.LatestAsync(db, id, outcome.StaleVersion ?? 0, ct)).Latest;
                break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var detail = await DisputeQueries.DetailAsync(db, id, ct);
        if (detail is null)
        {
            return false;
        }
        Case = detail;
        Timeline = TimelineMode == "all" && detail.TimelineTotal > detail.Timeline.Count
            ? await DisputeQueries.TimelineAsync(db, id, ct)
            : detail.Timeline;
        var today = clock.Today;
        PostRole[] police = [PostRole.CommunityPolice, PostRole.StationDirector, PostRole.PoliceOfficer, PostRole.SecondedOfficer];
        Officers = await db.People.AsNoTracking()
            .Where(p => p.Posts.Any(x => police.Contains(x.Role) && x.Unit!.Kind != UnitKind.ProvincialDepartment && (x.EndDate == null || x.EndDate >= today)))
            .OrderBy(p => p.NameEn).Take(300).ToDto().ToListAsync(ct);
        return true;
    }

    /// <summary>The documents this case can have now (the API answers 409 for the others), with their URL slugs.</summary>
    public IEnumerable<(CaseDocumentKind Kind, string Slug)> Documents =>
        Enum.GetValues<CaseDocumentKind>().Where(k => k switch
        {
            CaseDocumentKind.Record => Case.Sessions.Count > 0,
            CaseDocumentKind.Agreement => Case.Agreements.Count > 0,
            CaseDocumentKind.JudicialConfirmation => Case.Agreements.Count > 0 && Case.AllowedActions.Contains(DisputeAction.RequestJudicialConfirmation)
                && Today <= Case.Agreements[^1].JudicialConfirmationBy,
            _ => true,
        }).Select(k => (k, k.Slug()));

    /// <summary>Each document can also be printed in the other language (for a party who reads it).</summary>
    public string OtherLanguage => LocalizationSetup.IsChinese ? LocalizationSetup.English : LocalizationSetup.Chinese;

    public string OtherLanguageLabel => LocalizationSetup.IsChinese ? "English version" : "Chinese version";

    public string Name(string zh, string? en) => LocalizationSetup.Pick(zh, en ?? zh);

    public string Local(DateTimeOffset instant) => clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Now, as a datetime-local input value in the users' zone.</summary>
    public string LocalInput => clock.ToLocal(clock.Now).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
