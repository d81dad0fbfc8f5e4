namespace Fengqiao.Features.Teams;

/// <summary>A community meeting: who came, the minutes, and its decisions — overdue ones stand out, and each is marked done when carried out.</summary>
public sealed class MeetingDetailModel(AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l) : RecordPage
{
    public MeetingDetailDto Meeting { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDoneAsync(int id, int taskId, long version, CancellationToken ct)
    {
        var c = checks.Create();
        var outcome = await MeetingCommands.MarkDoneAsync(db, c, clock, id, taskId, new TaskDoneInput(null, version), ct);
        return await AnswerAsync(id, outcome, c, $"/meetings/{id}", l["This decision has already been carried out."], ct);
    }

    protected override void ShowChecks(Checks checks) => TeamPages.ShowErrors(ModelState, checks, "");

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await TeamQueries.MeetingAsync(db, id, clock.Today, ct);
        if (meeting is null)
        {
            return false;
        }
        Meeting = meeting;
        return true;
    }
}
