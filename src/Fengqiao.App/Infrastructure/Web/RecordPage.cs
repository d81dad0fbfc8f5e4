namespace Fengqiao.Infrastructure.Web;

/// <summary>
/// The shape of a record's page (a danger, a demand, a service record, a tip, a meeting's decision): it loads the record
/// by id and answers every command on it the same way. Saved: back to the record, with a message. Not there or outside
/// the jurisdiction: 404. Not the caller's: 403. Invalid: the checks beside their fields. The wrong state, or someone
/// else's change meanwhile: a message above the form, with the record shown as it now is, so nothing is overwritten silently.
/// </summary>
public abstract class RecordPage : PageModel
{
    [TempData] public string? Message { get; set; }

    /// <summary>Loads the record for the page; false when the caller cannot see it.</summary>
    protected abstract Task<bool> LoadAsync(int id, CancellationToken ct);

    /// <summary>Shows a command's failed checks; pages whose fields are named otherwise say how.</summary>
    protected virtual void ShowChecks(Checks checks) => checks.AddTo(ModelState);

    /// <param name="wrongState">What to tell the user when the record's state does not allow the step, in their language.</param>
    protected async Task<IActionResult> AnswerAsync(int id, ChangeOutcome outcome, Checks? checks, string savedUrl, string wrongState, CancellationToken ct)
    {
        var l = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        switch (outcome)
        {
            case ChangeOutcome.Ok:
                Message = l["Saved."];
                return Redirect(savedUrl);
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Forbidden:
                return Forbid();
            case ChangeOutcome.Invalid when checks is not null:
                ShowChecks(checks);
                break;
            case ChangeOutcome.WrongState:
                ModelState.AddModelError("", wrongState);
                break;
            default:
                ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
                break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
