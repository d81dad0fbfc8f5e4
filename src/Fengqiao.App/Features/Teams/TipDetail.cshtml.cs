namespace Fengqiao.Features.Teams;

/// <summary>
/// One tip. The receiving station sees the tipster, acknowledges and handles the tip, and may
/// reveal the tipster's full number with a reason (audited); everyone else sees that it exists.
/// </summary>
public sealed class TipDetailModel(AppDb db, ChecksFactory checks, FieldProtector protector, IOptions<PrivacyOptions> privacy, LocalClock clock,
    IStringLocalizer<SharedResource> l) : RecordPage
{
    public TipDto Tip { get; private set; } = null!;
    public LocalClock Clock => clock;
    /// <summary>The full number, only on the answer to a reveal.</summary>
    public string? RevealedPhone { get; private set; }
    public bool MayReveal => privacy.Value.Revealers.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, long version, CancellationToken ct)
    {
        var c = checks.Create();
        return await AnswerAsync(id, c, await TipCommands.AcknowledgeAsync(db, c, clock, id, version, ct), ct);
    }

    public async Task<IActionResult> OnPostHandleAsync(int id, string? note, long version, CancellationToken ct)
    {
        var c = checks.Create();
        return await AnswerAsync(id, c, await TipCommands.HandleAsync(db, c, clock, id, new HandleTipInput(note, version), ct), ct);
    }

    public async Task<IActionResult> OnPostRevealAsync(int id, string? reason, CancellationToken ct)
    {
        var c = checks.Create();
        var (outcome, phone) = await TipCommands.RevealPhoneAsync(db, c, protector, MayReveal, id, new RevealInput(reason), ct);
        switch (outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Forbidden:
                return Forbid();
            case ChangeOutcome.Invalid:
                TeamPages.ShowErrors(ModelState, c, "");
                break;
            default:
                RevealedPhone = phone ?? l["No phone number was given."];
                break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private Task<IActionResult> AnswerAsync(int id, Checks c, ChangeOutcome outcome, CancellationToken ct) =>
        AnswerAsync(id, outcome, c, $"/tips/{id}", l["This tip has already moved on; reload it."], ct);

    protected override void ShowChecks(Checks checks) => TeamPages.ShowErrors(ModelState, checks, "");

    public string StationName => LocalizationSetup.Pick(Tip.StationNameZh, Tip.StationNameEn);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var tip = await TeamQueries.TipAsync(db, id, ct);
        if (tip is null)
        {
            return false;
        }
        Tip = tip;
        return true;
    }
}
