using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Fengqiao.Features.Account;

/// <summary>Sets up (or, where the role allows, turns off) the authenticator-app second factor of the signed-in account.</summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [RegularExpression(@"^\s*\d{3}[ -]?\d{3}\s*$", ErrorMessage = "Enter the 6 digits shown in your authenticator app.")]
    [Required(ErrorMessage = "This field is required.")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public bool Passed { get; private set; }
    public string Key { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid && await SecondFactor.CheckCodeAsync(users, user, Code))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            Infrastructure.Audit.AuditLog.Write(db, "second-factor-on", "Account", user.UserName ?? user.Id);
            await db.SaveChangesAsync();
            // This sign-in now counts as one with a second factor: the code was just shown to be right.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [SecondFactor.Passed]);
            return RedirectToPage();
        }
        if (ModelState.IsValid)
        {
            ModelState.AddModelError("", l["The code is wrong or has expired."]);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!SecondFactor.IsRequired(User))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            Infrastructure.Audit.AuditLog.Write(db, "second-factor-off", "Account", user.UserName ?? user.Id);
            await db.SaveChangesAsync();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = SecondFactor.IsRequired(User);
        Passed = SecondFactor.HasPassed(User);
        if (Enabled)
        {
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Key = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        using var data = QRCodeGenerator.GenerateQrCode(SecondFactor.AuthenticatorUri(user.UserName ?? "", key), QRCodeGenerator.ECCLevel.Q);
        using var qr = new SvgQRCode(data);
        QrSvg = qr.GetGraphic(4);
    }
}
