using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Diversions;

/// <summary>One diversion with its timeline; a returned one can be sent to another kind or taken as a police matter.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailModel(AppDb db, StationDesk desk, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? KindCode { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public long? Version { get; set; }
    [TempData] public string? Message { get; set; }

    public DiversionDetail Detail { get; private set; } = null!;
    public List<KindRow> Kinds { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostRedivertAsync(int id, CancellationToken ct)
    {
        var c = checks.Create();
        return await AfterAsync(id, c, await desk.RedivertAsync(c, id, new RedivertInput(KindCode, Note, Version), ct), "Sent to the new department.", ct);
    }

    public async Task<IActionResult> OnPostPoliceAsync(int id, CancellationToken ct)
    {
        var c = checks.Create();
        return await AfterAsync(id, c, await desk.TakeAsPoliceAsync(c, id, new PoliceMatterInput(Note, Version), ct), "Taken as a police matter.", ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Checks c, DiversionChange change, string done, CancellationToken ct)
    {
        switch (change.Outcome)
        {
            case ChangeOutcome.Ok:
                Message = l[done];
                return RedirectToPage(new { id });
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.WrongState:
                Refusal = l["A diversion that is {0} cannot be changed this way.", l.Enum(change.Status)];
                break;
            case ChangeOutcome.Conflict:
                Refusal = l["Someone else changed this record while you were editing it. Review the current version and try again."];
                break;
            default:
                c.AddTo(ModelState);
                break;
        }
        var shown = await ShowAsync(id, ct);
        Response.StatusCode = change.Outcome == ChangeOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return shown;
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        if (await DiversionQueries.DetailAsync(db, id, clock.Today, ct) is not { } detail)
        {
            return NotFound();
        }
        Detail = detail;
        Kinds = [.. (await db.Set<DiversionKind>().AsNoTracking().Where(k => k.Active).OrderBy(k => k.Code)
            .Select(k => new { k.Id, k.Code, k.NameZh, k.NameEn, k.LegalBasis, k.TimeLimitWorkingDays, k.Version }).ToListAsync(ct))
            .Select(k => new KindRow(k.Id, k.Code, k.NameZh, k.NameEn, null, null, null, null, k.LegalBasis, k.TimeLimitWorkingDays, true, null, k.Version))];
        return Page();
    }
}
