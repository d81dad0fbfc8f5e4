namespace Fengqiao.Features.Users;

/// <summary>The security officer's list of accounts: search, filter by role, unlock, reset a second factor, end sessions.</summary>
public sealed class IndexModel(UserAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Page<UserDto> Users { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => Users = await accounts.ListAsync(Q, Role, null, PageNumber, null, ct);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        await accounts.UnlockAsync(id, ct) ? RedirectToPage() : NotFound();

    public async Task<IActionResult> OnPostResetSecondFactorAsync(string id, CancellationToken ct) =>
        await accounts.ResetSecondFactorAsync(id, ct) ? RedirectToPage() : NotFound();

    public async Task<IActionResult> OnPostEndSessionsAsync(string id, CancellationToken ct) =>
        await accounts.EndSessionsAsync(id, ct) ? RedirectToPage() : NotFound();
}
