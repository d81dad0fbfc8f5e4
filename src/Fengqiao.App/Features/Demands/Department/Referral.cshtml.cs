using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Demands.Department;

/// <summary>
/// Where a referral's message leads the unit's contact, without a staff account: sign for the referral, answer it, or
/// send it back with a reason. Opening the page changes nothing; only the forms' POSTs do (with antiforgery).
/// </summary>
[AllowAnonymous]
public sealed class ReferralModel(DepartmentDesk desk, ChecksFactory checks, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public long? Version { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? AnsweredByName { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Name { get; set; }
    [TempData] public string? Message { get; set; }

    public DeskView? View { get; private set; }
    public DeskOutcome Outcome { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        var c = checks.Create();
        return await AfterAsync(c, await desk.AcceptAsync(c, Token, Name, Version, ct), "Signed for: the station sees it on the case.", ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        var c = checks.Create();
        return await AfterAsync(c, await desk.AnswerAsync(c, Token, Answer, AnsweredByName, Version, ct), "Thank you: your answer is on the case.", ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        var c = checks.Create();
        return await AfterAsync(c, await desk.ReturnAsync(c, Token, Reason, Name, Version, ct), "Sent back: the station will take it up again.", ct);
    }

    private async Task<IActionResult> AfterAsync(Checks c, DeskOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome == DeskOutcome.Ok)
        {
            Message = l[done];
            return RedirectToPage(new { t = Token });
        }
        if (outcome == DeskOutcome.Invalid)
        {
            c.AddTo(ModelState);
        }
        return await ShowAsync(ct, outcome);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, DeskOutcome? kept = null)
    {
        var (outcome, view) = await desk.ReadAsync(Token, ct);
        (Outcome, View) = (kept ?? outcome, view);
        Response.StatusCode = (view, kept) switch
        {
            (null, _) => outcome == DeskOutcome.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest,
            (_, DeskOutcome.Invalid) => StatusCodes.Status400BadRequest,
            (_, DeskOutcome.NotNow or DeskOutcome.Conflict) => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
