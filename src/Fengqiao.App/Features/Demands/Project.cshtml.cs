namespace Fengqiao.Features.Demands;

/// <summary>A community project: its members, its orders with their totals, and the demands it answered.</summary>
public sealed class ProjectModel(AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public CommunityProjectDetail Detail { get; private set; } = null!;
    public DateOnly Today => clock.Today;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMemberAsync(int id, string? name, string? role, DateOnly? joinedOn, CancellationToken ct)
    {
        var c = checks.Create();
        var outcome = await ProjectCommands.AddMemberAsync(db, c, clock, id, new ProjectMemberInput(name, role, joinedOn), ct);
        return await AnswerAsync(id, c, outcome, ct);
    }

    public async Task<IActionResult> OnPostOrderAsync(
        int id, DateOnly? orderedOn, string? customer, string? item, int? quantity, decimal? amountYuan, CancellationToken ct)
    {
        var c = checks.Create();
        var outcome = await ProjectCommands.AddOrderAsync(db, c, clock, id, new ProjectOrderInput(orderedOn, customer, item, quantity, amountYuan), ct);
        return await AnswerAsync(id, c, outcome, ct);
    }

    private async Task<IActionResult> AnswerAsync(int id, Checks c, ChangeOutcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Ok:
                Message = l["Saved."];
                return Redirect($"/projects/{id}");
            default:
                c.AddTo(ModelState);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var detail = await ProjectQueries.DetailAsync(db, id, ct);
        if (detail is null)
        {
            return false;
        }
        Detail = detail;
        return true;
    }
}
