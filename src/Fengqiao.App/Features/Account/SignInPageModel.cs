using System.ComponentModel.DataAnnotations;

namespace Fengqiao.Features.Account;

/// <summary>
/// What the staff sign-in and the residents' sign-in have in common: the form, the address to
/// go back to, and the refusals in the user's language. Each page says only how it signs in and
/// where a signed-in user may go.
/// </summary>
public abstract class SignInPageModel(IStringLocalizer<SharedResource> l) : PageModel
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

    protected IStringLocalizer<SharedResource> L { get; } = l;

    /// <summary>What the form calls the user name: staff have one, residents sign in with their phone number or e-mail.</summary>
    public abstract string UserNameLabel { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync() =>
        ModelState.IsValid ? await SignInAsync(Input.UserName.Trim(), Input.Password) : Page();

    /// <summary>Signs in with a form that passed validation (the user name trimmed); answers with where to go next.</summary>
    protected abstract Task<IActionResult> SignInAsync(string userName, string password);

    /// <summary>
    /// Back to the page the user came from if it is one of this app's and lies in <paramref name="home"/>
    /// ("/" allows every local address), else to <paramref name="home"/> itself.
    /// </summary>
    protected IActionResult GoBack(string home) =>
        LocalRedirect(Url.IsLocalUrl(ReturnUrl) && (home == "/" || ReturnUrl.StartsWith(home, StringComparison.OrdinalIgnoreCase)) ? ReturnUrl : home);

    /// <summary>The form again, saying that the account is locked or that the user name or password is wrong (never which of the two).</summary>
    protected IActionResult Refused(Microsoft.AspNetCore.Identity.SignInResult result) => Refused(result.IsLockedOut
        ? L["Too many failed attempts: this account is locked for 15 minutes."]
        : L["The user name or password is wrong."]);

    protected IActionResult Refused(string message)
    {
        ModelState.AddModelError("", message);
        return Page();
    }
}
