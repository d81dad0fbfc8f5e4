using System.Net.Mail;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.PublicServices;

public sealed record ResidentSignUp(string? UserName, string? DisplayName, string? Password);

/// <summary>
/// Resident sign-ups for the portal: a mobile number or an e-mail address as the user name.
/// Resident accounts hold no post, so the jurisdiction filter shows them no staff records.
/// </summary>
public static class ResidentAccounts
{
    /// <summary>The one set of sign-up rules, for the portal page and the API alike. Errors are keyed userName, displayName, password.</summary>
    public static async Task<AppUser?> RegisterAsync(UserManager<AppUser> users, Checks c, ResidentSignUp input)
    {
        var name = input.UserName?.Trim() ?? "";
        c.Required("userName", name, 100).Required("displayName", input.DisplayName, 50)
            .When(string.IsNullOrEmpty(input.Password), "password", "This field is required.");
        if (name.Length > 0)
        {
            if (LooksLikePhone(name))
            {
                c.When(!IsMobile(name), "userName", "A mobile number has 11 digits and starts with 1.");
            }
            else
            {
                c.When(!IsEmail(name), "userName", "Give a mobile phone number or an e-mail address.");
            }
        }
        if (!c.Ok)
        {
            return null;
        }
        var user = new AppUser
        {
            UserName = name, DisplayName = input.DisplayName!.Trim(), Email = IsEmail(name) ? name : null, PhoneNumber = IsMobile(name) ? name : null,
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Resident);
            if (!created.Succeeded)
            {
                await users.DeleteAsync(user);
            }
        }
        foreach (var e in created.Errors)
        {
            var (message, args) = Describe(e, users.Options.Password.RequiredLength);
            c.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName", message, args);
        }
        return c.Ok ? user : null;
    }

    /// <summary>Digits (or a leading +) and no @: the resident meant a phone number.</summary>
    private static bool LooksLikePhone(string name) => (char.IsAsciiDigit(name[0]) || name[0] == '+') && !name.Contains('@', StringComparison.Ordinal);

    private static bool IsMobile(string name) => name.Length == 11 && name[0] == '1' && name.All(char.IsAsciiDigit);

    private static bool IsEmail(string name) =>
        name.Contains('@', StringComparison.Ordinal) && MailAddress.TryCreate(name, out var address) && address.Address == name && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>Identity's own messages are English only; these keys are translated.</summary>
    private static (string Message, object[] Args) Describe(IdentityError error, int length) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) => ("An account with this user name already exists. Sign in instead.", []),
        nameof(IdentityErrorDescriber.InvalidUserName) => ("The user name may contain only letters, digits and - . _ @ +.", []),
        nameof(IdentityErrorDescriber.PasswordTooShort) => ("The password needs at least {0} characters.", [length]),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => ("The password needs a digit.", []),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => ("The password needs a lower-case letter.", []),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => ("The password needs an upper-case letter.", []),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => ("The password needs a character that is neither a letter nor a digit.", []),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => ("The password needs more different characters.", []),
        "PasswordIsCommon" => (CommonPasswords.CommonMessage, []),
        "PasswordContainsUserName" => (CommonPasswords.ContainsUserNameMessage, []),
        _ => ("The account could not be created.", []),
    };

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
