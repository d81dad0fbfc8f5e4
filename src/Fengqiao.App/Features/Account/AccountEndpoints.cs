using Fengqiao.Features.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Fengqiao.Features.Account;

/// <param name="Code">The six-digit code from an authenticator app, for accounts with a second factor.</param>
public sealed record SignInInput(string? UserName, string? Password, string? Code = null);

public sealed record MeDto(string UserName, IReadOnlyList<string> Roles, PersonDto? Person, IReadOnlyList<PostDto> ActivePosts, bool Unrestricted, IReadOnlyList<string> ScopePaths);

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/login", SignIn).AllowAnonymous().WithName("SignIn")
            .RequireRateLimiting(Infrastructure.Web.Limits.SignInPolicy)
            .WithSummary("Signs in with a cookie. Five failed attempts lock the account for 15 minutes; accounts with a second factor also send `code`.");
        group.MapPost("/logout", SignOut).RequireAuthorization(Policies.Staff).WithName("SignOut");
        group.MapGet("/me", Me).RequireAuthorization(Policies.Staff).WithName("Me")
            .WithSummary("Who you are, your active posts, and the areas you can see.");
        app.MapPost("/culture", SetCulture).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    internal static async Task<Microsoft.AspNetCore.Identity.SignInResult> PasswordSignInAsync(
        SignInManager<AppUser> signIn, ILogger logger, string userName, string password)
    {
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        var action = result.Succeeded ? "sign-in" : result.RequiresTwoFactor ? "sign-in-password-ok" : result.IsLockedOut ? "sign-in-locked-out" : "sign-in-failed";
        await AuditSignInAsync(signIn.Context, action, userName);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserName} is locked out", userName);
        }
        else if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            logger.LogWarning("Failed sign-in for {UserName}", userName);
        }
        return result;
    }

    /// <summary>Every attempt is in the audit log, with the address it came from (never the password or code).</summary>
    internal static async Task AuditSignInAsync(HttpContext http, string action, string userName)
    {
        await using var scope = http.RequestServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        Infrastructure.Audit.AuditLog.Write(db, action, "Account", userName, http.Connection.RemoteIpAddress?.ToString(), userName: userName);
        await db.SaveChangesAsync();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(
        SignInManager<AppUser> signIn, ILoggerFactory logs, IStringLocalizer<SharedResource> l, SignInInput input)
    {
        if (string.IsNullOrWhiteSpace(input.UserName) || string.IsNullOrEmpty(input.Password))
        {
            return TypedResults.Problem(l["Enter your user name and password."], statusCode: StatusCodes.Status400BadRequest);
        }
        var userName = input.UserName.Trim();
        var logger = logs.CreateLogger("Fengqiao.SignIn");
        var result = await PasswordSignInAsync(signIn, logger, userName, input.Password);
        if (result.RequiresTwoFactor)
        {
            return await SecondStepAsync(signIn, logger, l, userName, input.Code);
        }
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(l["Too many failed attempts: this account is locked for 15 minutes."], statusCode: StatusCodes.Status423Locked);
        }
        return result.Succeeded
            ? TypedResults.NoContent()
            : TypedResults.Problem(l["The user name or password is wrong."], statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>The password was right and the account has a second factor: the code decides, in the same call.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SecondStepAsync(
        SignInManager<AppUser> signIn, ILogger logger, IStringLocalizer<SharedResource> l, string userName, string? code)
    {
        var http = signIn.Context;
        // The half-signed-in cookie Identity keeps for a second page is not needed by an API caller.
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (string.IsNullOrWhiteSpace(code))
        {
            return TypedResults.Problem(l["Enter the 6-digit code from your authenticator app."], statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["secondFactorRequired"] = true });
        }
        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (user is not null && await SecondFactor.CheckCodeAsync(signIn.UserManager, user, code))
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [SecondFactor.Passed]);
            await AuditSignInAsync(http, "sign-in", userName);
            return TypedResults.NoContent();
        }
        await AuditSignInAsync(http, "sign-in-failed-code", userName);
        logger.LogWarning("Wrong second-factor code for {UserName}", userName);
        return user is not null && await signIn.UserManager.IsLockedOutAsync(user)
            ? TypedResults.Problem(l["Too many failed attempts: this account is locked for 15 minutes."], statusCode: StatusCodes.Status423Locked)
            : TypedResults.Problem(l["The code is wrong or has expired."], statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["secondFactorRequired"] = true });
    }

    private static async Task<NoContent> SignOut(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    internal static async Task<MeDto> MeAsync(AppDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var j = db.Jurisdiction;
        var person = j.PersonId is null ? null : await db.People.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == j.PersonId).ToDto().FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var posts = j.PersonId is null ? [] : await db.Posts.AsNoTracking().IgnoreQueryFilters()
            .Where(p => p.PersonId == j.PersonId && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
            .OrderBy(p => p.StartDate).ToDto().ToListAsync(ct);
        var roles = Roles.All.Where(http.User.IsInRole).ToList();
        return new MeDto(http.User.Identity?.Name ?? "", roles, person, posts, j.Unrestricted, j.Paths);
    }

    private static async Task<Ok<MeDto>> Me(AppDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await MeAsync(db, http, clock, ct));

    /// <summary>The language switch: remembers the choice in a cookie for a year.</summary>
    private static IResult SetCulture(HttpContext http, [FromForm] string culture, [FromForm] string? returnUrl)
    {
        if (LocalizationSetup.Cultures.Contains(culture))
        {
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        var back = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
        return Results.LocalRedirect(back);
    }
}
