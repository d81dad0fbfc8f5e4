using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Diversions;

/// <summary>
/// Where a department's e-mail link leads: the diverted call, and a form to sign for it, answer it or return it with a
/// reason. Opening the page changes nothing; each form posts with antiforgery and the version it showed.
/// </summary>
[AllowAnonymous]
public sealed class DeptModel(DepartmentDesk desk, ChecksFactory checks, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public long? Version { get; set; }
    [BindProperty] public string? By { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public DeskView? View { get; private set; }
    public DeskOutcome Outcome { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        ActAsync(DiversionAction.Accept, null, "Signed for. Please handle it and answer here by the due date.", ct);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) =>
        ActAsync(DiversionAction.Answer, Answer, "Answered. The 110 command centre has been told.", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        ActAsync(DiversionAction.Return, Reason, "Returned to the police with your reason.", ct);

    private async Task<IActionResult> ActAsync(DiversionAction action, string? text, string done, CancellationToken ct)
    {
        var c = checks.Create();
        Outcome = await desk.ActAsync(c, Token, action, Version, text, By, ct);
        if (Outcome == DeskOutcome.Ok)
        {
            Message = l[done];
            return RedirectToPage(new { t = Token });
        }
        c.AddTo(ModelState);
        return await ShowAsync(ct, Outcome);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, DeskOutcome? kept = null)
    {
        var (outcome, view) = await desk.ReadAsync(Token, ct);
        (Outcome, View) = (kept ?? outcome, view);
        Response.StatusCode = Outcome switch
        {
            DeskOutcome.Expired => StatusCodes.Status410Gone,
            DeskOutcome.BadLink or DeskOutcome.Invalid => StatusCodes.Status400BadRequest,
            DeskOutcome.WrongState or DeskOutcome.Conflict when kept is not null => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
