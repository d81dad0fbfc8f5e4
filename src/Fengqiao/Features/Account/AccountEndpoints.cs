using Fengqiao.Features.People;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Fengqiao.Features.Account;

public sealed record SignInInput(string? UserName, string? Password);

public sealed record MeDto(string UserName, IReadOnlyList<string> Roles, PersonDto? Person, IReadOnlyList<PostDto> ActivePosts, bool Unrestricted, IReadOnlyList<string> ScopePaths);

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/login", SignIn).AllowAnonymous().WithName("SignIn")
            .WithSummary("Signs in with a cookie. Five failed attempts lock the account for 15 minutes.");
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
        // Every attempt is in the audit log, with the address it came from (never the password).
        await using var scope = signIn.Context.RequestServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var action = result.Succeeded ? "sign-in" : result.IsLockedOut ? "sign-in-locked-out" : "sign-in-failed";
        Infrastructure.Audit.AuditLog.Write(db, action, "Account", userName, signIn.Context.Connection.RemoteIpAddress?.ToString(), userName: userName);
        await db.SaveChangesAsync();
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserName} is locked out", userName);
        }
        else if (!result.Succeeded)
        {
            logger.LogWarning("Failed sign-in for {UserName}", userName);
        }
        return result;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(
        SignInManager<AppUser> signIn, ILoggerFactory logs, IStringLocalizer<SharedResource> l, SignInInput input)
    {
        if (string.IsNullOrWhiteSpace(input.UserName) || string.IsNullOrEmpty(input.Password))
        {
            return TypedResults.Problem(l["Enter your user name and password."], statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await PasswordSignInAsync(signIn, logs.CreateLogger("Fengqiao.SignIn"), input.UserName.Trim(), input.Password);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(l["Too many failed attempts: this account is locked for 15 minutes."], statusCode: StatusCodes.Status423Locked);
        }
        return result.Succeeded
            ? TypedResults.NoContent()
            : TypedResults.Problem(l["The user name or password is wrong."], statusCode: StatusCodes.Status401Unauthorized);
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
