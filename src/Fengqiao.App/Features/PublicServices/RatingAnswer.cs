using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Fengqiao.Features.PublicServices;

/// <summary>The one answer to a resident's rating, on the counter's rating pad and in the resident's portal alike.</summary>
public static class RatingAnswer
{
    /// <summary>
    /// Takes the rating of <paramref name="record"/> (null: not found, or not the caller's) and answers as both pages do:
    /// the thanks and back to <paramref name="back"/>, or the page again with the reason on the form.
    /// </summary>
    public static async Task<IActionResult> AnswerAsync(PageModel page, ServiceRecords records, Checks checks, ServiceRecord? record,
        ReviewInput input, IStringLocalizer l, Action<string> thank, string back, Func<Task<IActionResult>> reload, CancellationToken ct)
    {
        if (record is null)
        {
            return new NotFoundResult();
        }
        var (outcome, review) = await records.ReviewAsync(checks, record, input, ct);
        var thanks = Explain(outcome, review, checks, page.ModelState, l);
        if (thanks is null)
        {
            return await reload();
        }
        thank(thanks);
        return new RedirectResult(back);
    }

    private static string? Explain(ChangeOutcome outcome, Review? review, Checks checks, ModelStateDictionary state, IStringLocalizer l)
    {
        switch (outcome)
        {
            case ChangeOutcome.Ok:
                // A bad review is followed up: say so, so the resident expects the call.
                return review is { IsBad: true }
                    ? l["Thank you. The bad review opens a rectification for this outlet."]
                    : l["Thank you for rating this service."];
            case ChangeOutcome.Invalid:
                checks.AddTo(state);
                return null;
            default:
                state.AddModelError("", l["Only a completed service can be rated, and only once."]);
                return null;
        }
    }
}
