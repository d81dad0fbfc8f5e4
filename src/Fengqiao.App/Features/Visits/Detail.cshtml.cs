using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Demands;

namespace Fengqiao.Features.Visits;

/// <summary>One visit: the notes, and what it produced — the demand, and the way on to a dispute case or a hidden danger.</summary>
public sealed class DetailModel(AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public VisitDto Visit { get; private set; } = null!;
    public string? DemandCode { get; private set; }
    public DemandStatus? DemandStatus { get; private set; }
    public string? DisputeCode { get; private set; }
    public string? DangerCode { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLinksAsync(int id, string? disputeCode, string? dangerCode, long version, CancellationToken ct)
    {
        var c = checks.Create();
        switch (await VisitCommands.LinkAsync(db, c, id, new VisitLinksInput(disputeCode, dangerCode, version), ct))
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Ok:
                Message = l["Saved."];
                return Redirect($"/visits/{id}");
            case ChangeOutcome.Invalid:
                c.AddTo(ModelState);
                break;
            default:
                ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
                break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public string Local(DateTime utc) => VisitView.Local(clock, utc);

    /// <summary>The demand form for this visit, for a demand noticed only afterwards.</summary>
    public string NewDemandUrl =>
        $"/demands/new?household={Visit.HouseholdId}&visit={Visit.Id}";

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var visit = await VisitQueries.GetAsync(db, id, ct);
        if (visit is null)
        {
            return false;
        }
        Visit = visit;
        if (visit.DemandId is { } demandId)
        {
            var demand = await db.Set<Demand>().AsNoTracking().Where(d => d.Id == demandId).Select(d => new { d.Code, d.Status }).FirstOrDefaultAsync(ct);
            (DemandCode, DemandStatus) = (demand?.Code, demand?.Status);
        }
        if (visit.DisputeId is { } disputeId)
        {
            DisputeCode = await db.Disputes.AsNoTracking().Where(d => d.Id == disputeId).Select(d => d.Code).FirstOrDefaultAsync(ct);
        }
        if (visit.DangerId is { } dangerId)
        {
            DangerCode = await db.Dangers.AsNoTracking().Where(d => d.Id == dangerId).Select(d => d.Code).FirstOrDefaultAsync(ct);
        }
        return true;
    }
}
