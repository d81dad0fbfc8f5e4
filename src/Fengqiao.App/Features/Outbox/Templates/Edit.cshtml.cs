using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Outbox.Templates;

/// <summary>
/// Edits one notice template: Preview renders it with a sample report and saves nothing; Save checks it again and saves
/// it unless someone else changed it meanwhile; Reset goes back to the built-in wording.
/// </summary>
[Authorize(Policy = OutboxEndpoints.AdminPolicy)]
public sealed class EditModel(TemplateEditor editor, ChecksFactory checks, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "event")] public string? Event { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public long Version { get; set; }
    [TempData] public string? Message { get; set; }

    public TemplateForm Form { get; private set; } = null!;
    public TemplatePreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await editor.LoadAsync(Event, Language, ct) is not { } form)
        {
            return NotFound();
        }
        (Form, Subject, Body, Version) = (form, form.Subject, form.Body, form.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await editor.LoadAsync(Event, Language, ct) is not { } form)
        {
            return NotFound();
        }
        Form = form;
        var c = checks.Create();
        Preview = editor.Check(c, form.Kind, form.Language, Subject, Body);
        return Answer(c, Preview is null ? TemplateOutcome.Invalid : TemplateOutcome.Ok);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var outcome = await editor.SaveAsync(c, Event, Language, Subject, Body, Version, ct);
        return await AfterAsync(c, outcome, "Saved. The next notices use this template.", ct);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var outcome = await editor.ResetAsync(Event, Language, Version, ct);
        return await AfterAsync(c, outcome, "Back to the built-in wording.", ct);
    }

    private async Task<IActionResult> AfterAsync(Checks c, TemplateOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome == TemplateOutcome.Ok)
        {
            Message = l[done];
            return RedirectToPage(new { @event = Event, language = Language });
        }
        if (await editor.LoadAsync(Event, Language, ct) is not { } form)
        {
            return NotFound();
        }
        Form = form;
        return Answer(c, outcome);
    }

    private PageResult Answer(Checks c, TemplateOutcome outcome)
    {
        switch (outcome)
        {
            case TemplateOutcome.Invalid:
                c.AddTo(ModelState);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case TemplateOutcome.Conflict:
                ModelState.AddModelError("", l["Someone else changed this template while you were editing it. Review the current version and try again."]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        return Page();
    }
}
