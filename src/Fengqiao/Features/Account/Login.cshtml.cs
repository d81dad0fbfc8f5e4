using System.ComponentModel.DataAnnotations;
using Fengqiao.Features.Demo;
using Fengqiao.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Fengqiao.Features.Account;

public sealed class LoginModel(
    SignInManager<AppUser> signIn, IOptions<DemoOptions> demo, ILogger<LoginModel> logger, IStringLocalizer<SharedResource> l) : PageModel
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

    public bool DemoMode => demo.Value.Enabled;

    /// <summary>Demo mode only: the current code of the demo authenticator key, so that anyone can try the admin roles.</summary>
    public string DemoCode => DemoMode ? new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey)).ComputeTotp() : "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await AccountEndpoints.PasswordSignInAsync(signIn, logger, Input.UserName.Trim(), Input.Password);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginCode", new { ReturnUrl });
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? l["Too many failed attempts: this account is locked for 15 minutes."]
            : l["The user name or password is wrong."]);
        return Page();
    }
}
