using Fengqiao.Features.Outbox;
using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Report;

/// <summary>
/// Where a resolution notice's links lead: one tap on a star opens this page with the stars chosen, and Save records
/// them; "not resolved" asks why and reopens the case. Opening the page changes nothing; only the form's POST does.
/// </summary>
[AllowAnonymous]
public sealed class FeedbackModel(ResidentFeedback feedback, ChecksFactory checks, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty(SupportsGet = true)] public int? Stars { get; set; }
    [BindProperty(SupportsGet = true)] public string? Resolved { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public FeedbackView? View { get; private set; }
    public FeedbackOutcome Outcome { get; private set; }
    public bool AskingWhy => Resolved == "no";
    public int FeedbackDays => feedback.FeedbackDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        var c = checks.Create();
        Outcome = await feedback.RateAsync(c, Token, Stars, Comment, ct);
        return await AfterAsync(c, "Thank you: your rating has been recorded.", ct);
    }

    public async Task<IActionResult> OnPostNotResolvedAsync(CancellationToken ct)
    {
        var c = checks.Create();
        Resolved = "no";
        Outcome = await feedback.NotResolvedAsync(c, Token, Reason, ct);
        return await AfterAsync(c, "Thank you: the case has been reopened and its officers have been told.", ct);
    }

    private async Task<IActionResult> AfterAsync(Checks c, string done, CancellationToken ct)
    {
        if (Outcome == FeedbackOutcome.Ok)
        {
            Message = l[done];
            return RedirectToPage(new { t = Token });
        }
        c.AddTo(ModelState);
        return await ShowAsync(ct, Outcome);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, FeedbackOutcome? kept = null)
    {
        var (outcome, view) = await feedback.ReadAsync(Token, ct);
        (Outcome, View) = (kept ?? outcome, view);
        if (View is null)
        {
            Response.StatusCode = outcome == FeedbackOutcome.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
        }
        else if (kept is FeedbackOutcome.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
