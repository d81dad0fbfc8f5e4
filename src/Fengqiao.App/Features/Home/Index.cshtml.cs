using Fengqiao.Features.Account;
using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Home;

/// <summary>The signed-in person's home: who they are, the posts they hold, and the areas they can see.</summary>
public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    public MeDto Me { get; private set; } = null!;
    public IReadOnlyList<Area> ScopeAreas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.Resident))
        {
            return Redirect("/portal");
        }
        if (User.IsInRole(Roles.SecurityOfficer))
        {
            return Redirect("/users");
        }
        Me = await AccountEndpoints.MeAsync(db, HttpContext, clock, ct);
        ScopeAreas = await db.TopAreas().AsNoTracking().OrderBy(a => a.Path).ToListAsync(ct);
        return Page();
    }
}
