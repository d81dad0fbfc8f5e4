using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Fengqiao.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Fengqiao.Features.Public;

/// <summary>
/// A resident makes their own portal account: a mainland mobile number (11 digits, starting with 1)
/// or an e-mail address as the user name, the name they give for their bookings, and a password.
/// The account has the Resident role and no person: it sees only its own bookings and records.
/// </summary>
public sealed class ResidentRegisterModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, RoleManager<IdentityRole> roles,
    ILogger<ResidentRegisterModel> logger, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "This field is required.")]
        [StringLength(100, ErrorMessage = "At most {1} characters.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "This field is required.")]
        [StringLength(50, ErrorMessage = "At most {1} characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "This field is required.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int PasswordLength => users.Options.Password.RequiredLength;

    public IActionResult OnGet() => User.IsInRole(Roles.Resident) ? Redirect("/portal") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = (Input.UserName ?? "").Trim();
        if (name.Length > 0)
        {
            if (LooksLikePhone(name))
            {
                if (!IsMobile(name))
                {
                    ModelState.AddModelError("Input.UserName", l["A mobile number has 11 digits and starts with 1."]);
                }
            }
            else if (!IsEmail(name))
            {
                ModelState.AddModelError("Input.UserName", l["Give a mobile phone number or an e-mail address."]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = new AppUser { UserName = name, DisplayName = Input.DisplayName.Trim(), PersonId = null };
        var result = await users.CreateAsync(user, Input.Password);
        if (result.Succeeded)
        {
            await EnsureResidentRoleAsync();
            result = await users.AddToRoleAsync(user, Roles.Resident);
            if (!result.Succeeded)
            {
                _ = await users.DeleteAsync(user);
            }
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.UserName", Describe(error));
            }
            return Page();
        }
        logger.LogInformation("Resident account {UserId} created", user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/portal");
    }

    /// <summary>Digits (or a leading +) and no @: the resident meant a phone number.</summary>
    private static bool LooksLikePhone(string name) =>
        (char.IsAsciiDigit(name[0]) || name[0] == '+') && !name.Contains('@');

    private static bool IsMobile(string name) =>
        name.Length == 11 && name[0] == '1' && name.All(char.IsAsciiDigit);

    private static bool IsEmail(string name) =>
        name.Contains('@') && MailAddress.TryCreate(name, out var address) && address.Address == name && address.Host.Contains('.');

    /// <summary>Identity's own messages are English only; these are the reader's language.</summary>
    private string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) => l["An account with this user name already exists. Sign in instead."],
        nameof(IdentityErrorDescriber.InvalidUserName) => l["The user name may contain only letters, digits and - . _ @ +."],
        nameof(IdentityErrorDescriber.PasswordTooShort) => l["The password needs at least {0} characters.", PasswordLength],
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => l["The password needs a digit."],
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => l["The password needs a lower-case letter."],
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => l["The password needs an upper-case letter."],
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => l["The password needs a character that is neither a letter nor a digit."],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => l["The password needs more different characters."],
        _ => l["The account could not be created."],
    };

    /// <summary>Roles are seeded with the demo and by the admin command; a plain installation may not have this one yet.</summary>
    private async Task EnsureResidentRoleAsync()
    {
        if (!await roles.RoleExistsAsync(Roles.Resident))
        {
            _ = await roles.CreateAsync(new IdentityRole(Roles.Resident));
        }
    }
}
