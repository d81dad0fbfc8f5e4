using Fengqiao.Features.Demo;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Account;

/// <summary>The staff sign-in: audited, with a second step for accounts that have an authenticator.</summary>
public sealed class LoginModel(
    SignInManager<AppUser> signIn, IOptions<DemoOptions> demo, ILogger<LoginModel> logger, IStringLocalizer<SharedResource> l) : SignInPageModel(l)
{
    public bool DemoMode => demo.Value.Enabled;

    /// <summary>Demo mode only: the current code of the demo authenticator key, so that anyone can try the admin roles.</summary>
    public string DemoCode => DemoMode ? new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey)).ComputeTotp() : "";

    public override string UserNameLabel => L["User name"];

    protected override async Task<IActionResult> SignInAsync(string userName, string password)
    {
        var result = await AccountEndpoints.PasswordSignInAsync(signIn, logger, userName, password);
        if (result.Succeeded)
        {
            return GoBack("/");
        }
        return result.RequiresTwoFactor ? RedirectToPage("/Account/LoginCode", new { ReturnUrl }) : Refused(result);
    }
}
