using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Fengqiao.Features.Teams;

/// <summary>A community meeting: who came, the minutes, and its decisions — overdue ones stand out, and each is marked done when carried out.</summary>
public sealed class MeetingDetailModel(AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public MeetingDetailDto Meeting { get; private set; } = null!;
    public DateOnly Today => clock.Today;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDoneAsync(int id, int taskId, long version, CancellationToken ct)
    {
        var c = checks.Create();
        switch (await MeetingCommands.MarkDoneAsync(db, c, clock, id, taskId, new TaskDoneInput(null, version), ct))
        {
            case TeamOutcome.NotFound:
                return NotFound();
            case TeamOutcome.Ok:
                Message = l["Saved."];
                return Redirect($"/meetings/{id}");
            case TeamOutcome.Invalid:
                TeamPages.ShowErrors(ModelState, c, "");
                break;
            case TeamOutcome.WrongState:
                ModelState.AddModelError("", l["This decision has already been carried out."]);
                break;
            default:
                ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
                break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await TeamQueries.MeetingAsync(db, id, clock.Today, ct);
        if (meeting is null)
        {
            return false;
        }
        Meeting = meeting;
        return true;
    }
}
