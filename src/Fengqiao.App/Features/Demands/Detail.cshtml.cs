using Fengqiao.Features.Calendar;

namespace Fengqiao.Features.Demands;

/// <summary>A demand: refer it to a unit with a deadline, record the unit's answer, close it with the resident's satisfaction.</summary>
public sealed class DetailModel(AppDb db, ChecksFactory checks, LocalClock clock, CalendarService calendar, IStringLocalizer<SharedResource> l) : RecordPage
{
    public DemandDetail Detail { get; private set; } = null!;
    public IReadOnlyList<DemandUnitOption> UnitOptions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Projects { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public DateOnly DefaultDueOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReferAsync(int id, int? unitId, DateOnly? dueOn, string? note, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DemandCommands.ReferAsync(db, checks.Create(), clock, calendar.Current, id, new DemandReferInput(unitId, dueOn, note, version), ct), ct);

    public async Task<IActionResult> OnPostAnswerAsync(int id, string? answer, string? answeredByName, DateOnly? answeredOn, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DemandCommands.AnswerAsync(db, checks.Create(), clock, id, new DemandAnswerInput(answer, answeredByName, answeredOn, version), ct), ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, int? satisfaction, string? note, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DemandCommands.CloseAsync(db, checks.Create(), clock, id, new DemandCloseInput(satisfaction, note, version), ct), ct);

    public async Task<IActionResult> OnPostLinkAsync(int id, int? projectId, long version, CancellationToken ct) =>
        await AnswerAsync(id, await DemandCommands.LinkProjectAsync(db, checks.Create(), clock, l, id, new DemandLinkInput(projectId, version), ct), ct);

    private Task<IActionResult> AnswerAsync(int id, DemandChange change, CancellationToken ct) =>
        AnswerAsync(id, change.Outcome, change.Checks, $"/demands/{id}", l["A demand that is {0} cannot be changed this way.", l.Enum(change.Status)], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var today = clock.Today;
        var detail = await DemandQueries.DetailAsync(db, id, today, ct);
        if (detail is null)
        {
            return false;
        }
        Detail = detail;
        if (detail.AllowedActions.Contains(DemandAction.Refer))
        {
            var path = await db.Demands.AsNoTracking().Where(d => d.Id == id).Select(d => d.AreaPath).FirstAsync(ct);
            UnitOptions = await DemandQueries.ReferralOptionsAsync(db, path, ct);
            DefaultDueOn = calendar.Current.AddWorkingDays(today, DemandCommands.DefaultReferralWorkingDays);
        }
        if (detail.AllowedActions.Contains(DemandAction.LinkProject))
        {
            var projects = await ProjectQueries.Filter(db, null, null).Select(p => new { p.Id, p.Name }).Take(200).ToListAsync(ct);
            Projects = [.. projects.Select(p => (p.Id, p.Name))];
        }
        return true;
    }
}
