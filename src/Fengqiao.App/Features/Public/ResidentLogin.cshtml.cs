using Fengqiao.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Public;

/// <summary>
/// The residents' sign-in. Only resident accounts get in here; staff are sent to their own
/// sign-in, and only once they have shown they know the password (so that the page does not
/// tell strangers which user names belong to staff).
/// </summary>
public sealed class ResidentLoginModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<ResidentLoginModel> logger, IStringLocalizer<SharedResource> l) : SignInPageModel(l)
{
    public override string UserNameLabel => L["Mobile phone number or e-mail"];

    protected override async Task<IActionResult> SignInAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is not null && !await users.IsInRoleAsync(user, Roles.Resident))
        {
            var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            return check.Succeeded ? Refused(L["This sign-in is for residents. Staff sign in at /account/login."]) : Refused(check);
        }
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return GoBack("/portal");
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Resident sign-in refused: the account is locked out");
        }
        return Refused(result);
    }
}
