using System.ComponentModel.DataAnnotations;
using Fengqiao.Features.PublicServices;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Public;

/// <summary>
/// A resident makes their own portal account: a mainland mobile number (11 digits, starting with 1)
/// or an e-mail address as the user name, the name they give for their bookings, and a password.
/// The account has the Resident role and no person: it sees only its own bookings and records.
/// </summary>
public sealed class ResidentRegisterModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, ChecksFactory checks, ILogger<ResidentRegisterModel> logger) : PageModel
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
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var c = checks.Create();
        var user = await ResidentAccounts.RegisterAsync(users, c, new ResidentSignUp(Input.UserName, Input.DisplayName, Input.Password));
        if (user is null)
        {
            foreach (var (field, messages) in c.Errors)
            {
                messages.ForEach(m => ModelState.AddModelError($"Input.{field}", m));
            }
            return Page();
        }
        logger.LogInformation("Resident account {UserId} created", user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/portal");
    }
}
