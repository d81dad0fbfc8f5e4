using Fengqiao.Features.People;
using Fengqiao.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Features.Units;

/// <summary>A unit and everyone who holds a post in it now — including people whose main job is elsewhere.</summary>
public sealed class DetailModel(AppDb db, TimeProvider clock) : PageModel
{
    public UnitDto Unit { get; private set; } = null!;
    public IReadOnlyList<PostDto> Posts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var unit = await UnitEndpoints.Project(db, db.Units.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return NotFound();
        }
        Unit = unit;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Posts = await db.Posts.AsNoTracking()
            .Where(p => p.UnitId == id && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
            .OrderBy(p => p.Role).ThenBy(p => p.Person!.NameEn)
            .ToDto().ToListAsync(ct);
        return Page();
    }
}
