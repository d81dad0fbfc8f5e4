using System.Security.Claims;

namespace Fengqiao.Infrastructure.Scope;

/// <summary>
/// Resolves the signed-in caller's jurisdiction once per request: the areas of their active
/// posts, or everything for an administrator. Runs after authentication, before any endpoint.
/// </summary>
public sealed class JurisdictionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, Jurisdiction jurisdiction, AppDb db, LocalClock clock, IStaffDirectory staff)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            await ResolveAsync(http.User, jurisdiction, db, clock, staff, http.RequestAborted);
        }
        await next(http);
    }

    internal static async Task ResolveAsync(ClaimsPrincipal user, Jurisdiction jurisdiction, AppDb db, LocalClock clock, IStaffDirectory staff, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        jurisdiction.UserName = user.Identity?.Name;
        var personId = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(ct);
        if (user.IsInRole(Roles.Administrator))
        {
            jurisdiction.GrantAll(personId);
            return;
        }
        if (personId is null)
        {
            return;
        }
        // Posts begin and end on local (Asia/Shanghai) days, not UTC ones.
        var posts = await staff.PostsOnAsync(db, personId.Value, clock.Today, ct);
        jurisdiction.Grant(personId, posts.Select(p => p.AreaPath), posts.Select(p => p.UnitId));
    }
}
