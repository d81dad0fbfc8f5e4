using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Dangers;

/// <summary>A hidden danger: who must remove it by when, the rectification, and the verification that closes it.</summary>
public sealed class DetailModel(AppDb db, ChecksFactory checks, DisputeWorkflow workflow, LocalClock clock, IStringLocalizer<SharedResource> l) : RecordPage
{
    public DangerDto Danger { get; private set; } = null!;
    public IReadOnlyList<DangerEventDto> History { get; private set; } = [];
    /// <summary>The ids of the photos taken where it was found.</summary>
    public IReadOnlyList<int> Photos { get; private set; } = [];

    /// <summary>The history as the shared timeline draws it, each step with its risk colour and deadline where it set them.</summary>
    public TimelineView HistoryView => new("danger-history", [.. History.Select(e => e.Line(l, DetailsOf(e)))]);

    private List<TimelineDetail> DetailsOf(DangerEventDto e)
    {
        var details = new List<TimelineDetail>();
        if (e.Risk is { } risk)
        {
            details.Add(new TimelineDetail(l.Enum(risk), "badge risk-" + risk.ToString().ToLowerInvariant()));
        }
        if (e.DueDate is { } due)
        {
            details.Add(new TimelineDetail("· " + l["by {0}", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
        }
        return details;
    }

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>One photo, through the danger's scope; never kept by a shared cache.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, int photo, CancellationToken ct)
    {
        var found = await db.Set<DangerPhoto>().AsNoTracking().Where(p => p.Id == photo && p.DangerId == id)
            .Select(p => new { p.ContentType, p.Bytes }).FirstOrDefaultAsync(ct);
        Response.Headers.CacheControl = "private, no-store";
        return found is null ? NotFound() : File(found.Bytes, found.ContentType);
    }

    public async Task<IActionResult> OnPostReferAsync(int id, string? responsibleParty, DateOnly? dueDate, string? note, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DangerCommands.ReferAsync(db, checks.Create(), workflow, clock, id, new ReferDangerInput(responsibleParty, dueDate, note, version), ct), ct);

    public async Task<IActionResult> OnPostAnswerAsync(int id, string? answer, DateOnly? promisedBy, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DangerCommands.AnswerAsync(db, checks.Create(), workflow, clock, id, new PartyAnswerInput(answer, promisedBy, version), ct), ct);

    public async Task<IActionResult> OnPostAssessAsync(int id, RiskColour? risk, string? measures, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DangerCommands.AssessAsync(db, checks.Create(), workflow, clock, id, new AssessDangerInput(risk, measures, version), ct), ct);

    public async Task<IActionResult> OnPostRectifyAsync(int id, DateOnly? rectifiedOn, string? rectifiedBy, string? note, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DangerCommands.RectifyAsync(db, checks.Create(), workflow, clock, id, new RectifyInput(rectifiedOn, rectifiedBy, note, version), ct), ct);

    public async Task<IActionResult> OnPostVerifyAsync(int id, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DangerCommands.VerifyAsync(db, checks.Create(), workflow, clock, id, version, ct), ct);

    public async Task<IActionResult> OnPostRejectAsync(int id, string? reason, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DangerCommands.RejectAsync(db, checks.Create(), workflow, clock, id, new ReasonInput(reason, version), ct), ct);

    public async Task<IActionResult> OnPostReopenAsync(int id, DateOnly? dueDate, string? note, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DangerCommands.ReopenAsync(db, checks.Create(), workflow, clock, id, new ReferDangerInput(null, dueDate, note, version), ct), ct);

    private Task<IActionResult> AnswerAsync(int id, DangerChange change, CancellationToken ct) =>
        AnswerAsync(id, change.Outcome, change.Checks, $"/dangers/{id}", l["A danger that is {0} cannot be changed this way.", l.Enum(change.Status)], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var danger = await DangerEndpoints.Project(db.Dangers.AsNoTracking().Where(d => d.Id == id)).FirstOrDefaultAsync(ct);
        if (danger is null)
        {
            return false;
        }
        Danger = danger;
        History = await DangerEndpoints.HistoryAsync(db, id, ct);
        Photos = await db.Set<DangerPhoto>().AsNoTracking().Where(p => p.DangerId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return true;
    }
}
