using Fengqiao.Features.PublicServices;

namespace Fengqiao.Features.Public;

/// <summary>
/// The waiting-room screen of an outlet: the numbers being called and to which counter, how many
/// are waiting, the average wait. Public; the board refreshes itself every two seconds (htmx).
/// </summary>
public sealed class DisplayModel(AppDb db, LocalClock clock) : PageModel
{
    public int OutletId { get; private set; }
    public DisplayDto Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var board = await ServiceEndpoints.DisplayAsync(db, clock, id, ct);
        if (board is null)
        {
            return NotFound();
        }
        (OutletId, Board) = (id, board);
        return Page();
    }

    /// <summary>Only the board, for the page to swap in.</summary>
    public async Task<IActionResult> OnGetBoardAsync(int id, CancellationToken ct)
    {
        var board = await ServiceEndpoints.DisplayAsync(db, clock, id, ct);
        return board is null ? NotFound() : Partial("_DisplayBoard", board);
    }
}
