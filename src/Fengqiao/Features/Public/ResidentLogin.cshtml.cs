using System.ComponentModel.DataAnnotations;
using Fengqiao.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Fengqiao.Features.Public;

/// <summary>
/// The residents' sign-in. Only resident accounts get in here; staff are sent to their own
/// sign-in, and only once they have shown they know the password (so that the page does not
/// tell strangers which user names belong to staff).
/// </summary>
public sealed class ResidentLoginModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<ResidentLoginModel> logger, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "This field is required.")]
        [StringLength(100, ErrorMessage = "At most {1} characters.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "This field is required.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var name = Input.UserName.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is not null && !await users.IsInRoleAsync(user, Roles.Resident))
        {
            var check = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
            ModelState.AddModelError("", check.Succeeded
                ? l["This sign-in is for residents. Staff sign in at /account/login."]
                : check.IsLockedOut
                    ? l["Too many failed attempts: this account is locked for 15 minutes."]
                    : l["The user name or password is wrong."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(name, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/portal", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/portal");
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Resident sign-in refused: the account is locked out");
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? l["Too many failed attempts: this account is locked for 15 minutes."]
            : l["The user name or password is wrong."]);
        return Page();
    }
}
