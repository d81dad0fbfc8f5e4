using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Infrastructure.Auth;

/// <summary>
/// Time-based one-time codes (RFC 6238, any authenticator app) as a second factor. Optional for most
/// accounts; the three separated duties (<see cref="Roles.NeedSecondFactor"/>) must have it: until they sign in
/// with a code, they can only reach the page that sets it up.
/// </summary>
public static class SecondFactor
{
    /// <summary>The claim a sign-in with a second factor carries (RFC 8176), set by Identity and by the API sign-in.</summary>
    public static readonly Claim Passed = new("amr", "mfa");

    public static bool IsRequired(ClaimsPrincipal user) => Roles.NeedSecondFactor.Any(user.IsInRole);

    public static bool HasPassed(ClaimsPrincipal user) => user.HasClaim(Passed.Type, Passed.Value);

    public const string SetUpPath = "/account/2fa";

    private static readonly string[] Open = ["/account", "/api/account", "/lib", "/css", "/js", "/img", "/favicon.ico", "/culture", "/healthz", "/readyz", "/error"];

    /// <summary>Runs after authentication: an account that needs a second factor and signed in without one goes to set it up.</summary>
    public static async Task Enforce(HttpContext http, Func<Task> next)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && IsRequired(user) && !HasPassed(user)
            && !Open.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await Results.Problem(l["Your role needs a second factor: set it up at /account/2fa and sign in again with a code."], statusCode: StatusCodes.Status403Forbidden)
                    .ExecuteAsync(http);
                return;
            }
            http.Response.Redirect(SetUpPath);
            return;
        }
        await next();
    }

    /// <summary>Checks a code against the account's authenticator key; a wrong code counts as a failed attempt towards lockout.</summary>
    public static async Task<bool> CheckCodeAsync(UserManager<AppUser> users, AppUser user, string? code)
    {
        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (clean.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        await users.AccessFailedAsync(user);
        return false;
    }

    /// <summary>otpauth:// address for the QR code an authenticator app scans.</summary>
    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Fengqiao:" + userName)}?secret={key}&issuer=Fengqiao&digits=6";
}
