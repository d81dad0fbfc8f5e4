using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Account;

/// <summary>The second step of signing in, for accounts with an authenticator: the password was right, the code decides.</summary>
public sealed class LoginCodeModel(SignInManager<AppUser> signIn, ILogger<LoginCodeModel> logger, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [RegularExpression(@"^\s*\d{3}[ -]?\d{3}\s*$", ErrorMessage = "Enter the 6 digits shown in your authenticator app.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The half-signed-in state lasts five minutes; after that, the password again.
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var action = result.Succeeded ? "sign-in" : result.IsLockedOut ? "sign-in-locked-out" : "sign-in-failed-code";
        await AccountEndpoints.AuditSignInAsync(HttpContext, action, user.UserName ?? "");
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        logger.LogWarning("Wrong second-factor code for {UserName}", user.UserName);
        ModelState.AddModelError("", result.IsLockedOut
            ? l["Too many failed attempts: this account is locked for 15 minutes."]
            : l["The code is wrong or has expired."]);
        return Page();
    }
}
