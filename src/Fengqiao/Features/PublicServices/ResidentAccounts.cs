using System.Text.RegularExpressions;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.PublicServices;

public sealed record ResidentSignUp(string? UserName, string? DisplayName, string? Password);

/// <summary>
/// Resident sign-ups for the portal: a mobile number or an e-mail address as the user name.
/// Resident accounts hold no post, so the jurisdiction filter shows them no staff records.
/// </summary>
public static partial class ResidentAccounts
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    public static async Task<AppUser?> RegisterAsync(UserManager<AppUser> users, Checks c, ResidentSignUp input)
    {
        var name = input.UserName?.Trim() ?? "";
        c.When(!Mobile().IsMatch(name) && !Email().IsMatch(name), "userName", "Use a mobile number (11 digits starting with 1) or an e-mail address.")
            .Required("displayName", input.DisplayName, 50)
            .When(string.IsNullOrEmpty(input.Password) || input.Password.Length < 10, "password", "A password has at least 10 characters.");
        if (!c.Ok)
        {
            return null;
        }
        var user = new AppUser { UserName = name, DisplayName = input.DisplayName!.Trim(), Email = Email().IsMatch(name) ? name : null, PhoneNumber = Mobile().IsMatch(name) ? name : null };
        var created = await users.CreateAsync(user, input.Password!);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Resident);
        }
        foreach (var e in created.Errors)
        {
            c.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName",
                e.Code == "DuplicateUserName" ? "This user name is already registered." : "The password needs upper- and lower-case letters and a digit.");
        }
        return c.Ok ? user : null;
    }

    public static IEndpointRouteBuilder MapResidentAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/portal/register", Register).WithTags("Resident portal").AllowAnonymous()
            .WithSummary("Create a resident account; sign in with /api/account/login.");
        return app;
    }

    private static async Task<Results<Created, ValidationProblem>> Register(UserManager<AppUser> users, ChecksFactory checks, ResidentSignUp input)
    {
        var c = checks.Create();
        return await RegisterAsync(users, c, input) is null ? c.Problem() : TypedResults.Created("/api/services/appointments/mine");
    }
}
