using System.Security.Claims;
using Fengqiao.Features.Open311;
using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Report;

/// <summary>
/// A signed-in resident's own reports. Residents have no jurisdiction: the read is their own rows
/// only, by user id, with the area filter set aside on purpose.
/// </summary>
[Authorize(Policy = Policies.Resident)]
public sealed class MineModel(AppDb db, RequestServices services, LocalClock clock) : PageModel
{
    /// <summary>How many of the latest reports are shown.</summary>
    public const int Shown = 100;

    public sealed record Row(string Code, string TypeName, string SubmittedOn, RequestStatus Status);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null)
        {
            return Challenge();
        }
        // Newest first by id: SQLite cannot order by a DateTimeOffset.
        var mine = await db.ResidentRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.UserId == me)
            .OrderByDescending(r => r.Id).Take(Shown)
            .Select(r => new { r.Code, r.ServiceCode, r.RequestedAt, r.Status }).ToListAsync(ct);
        Rows = [.. mine.Select(r => new Row(r.Code, services.Name(r.ServiceCode), clock.DayOf(r.RequestedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Status))];
        return Page();
    }
}
