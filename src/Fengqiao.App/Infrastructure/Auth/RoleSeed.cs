using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Infrastructure.Auth;

/// <summary>The sign-in roles, created where missing: at start-up and before an operator creates an account.</summary>
public static class RoleSeed
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.Roles.AnyAsync(r => r.Name == role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
