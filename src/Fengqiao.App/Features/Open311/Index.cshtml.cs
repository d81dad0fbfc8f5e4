using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Open311;

/// <summary>The station's incoming residents' reports: each becomes a case, a danger, a demand or a tip, or is closed.</summary>
public sealed class IndexModel(AppDb db, RequestTriage triage, ChecksFactory checks, RequestServices services, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public RequestStatus? Status { get; set; } = RequestStatus.Submitted;
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<RequestRow> Requests { get; private set; } = null!;
    public RequestServices Services => services;
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Requests = await RequestTriage.Rows(RequestEndpoints.Filter(db, Status)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);

    public async Task<IActionResult> OnPostAsync(int id, string? act, string? reason, RiskColour? risk, long version, CancellationToken ct)
    {
        var c = checks.Create();
        var outcome = await triage.TriageAsync(c, id, new TriageInput(act, reason, risk, version), ct);
        switch (outcome)
        {
            case ChangeOutcome.Ok:
                Message = l["Saved."];
                return Redirect("/requests");
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.WrongState:
                ModelState.AddModelError("", l["This report has already been dealt with."]);
                break;
            case ChangeOutcome.Conflict:
                ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
                break;
            default:
                c.AddTo(ModelState);
                break;
        }
        await OnGetAsync(ct);
        return Page();
    }
}
