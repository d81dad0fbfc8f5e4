using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Demands.Notices;

/// <summary>A staff account's choice of how it hears of overdue referrals and supervision notices: each as it happens, or one daily digest.</summary>
public sealed class PreferencesModel(AppDb db, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public bool Digest { get; set; }
    [BindProperty] public long? Version { get; set; }
    [TempData] public string? Message { get; set; }
    public string? EmailMasked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var preference = await db.Set<NoticePreference>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (preference is null)
        {
            db.Add(new NoticePreference { UserId = userId, Digest = Digest });
            await db.SaveChangesAsync(ct);
        }
        else
        {
            preference.Digest = Digest;
            if (!await db.SaveVersionedAsync(preference, Version ?? -1, ct))
            {
                ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
                await LoadAsync(ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }
        Message = l["Saved."];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var preference = await db.Set<NoticePreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        (Digest, Version) = (preference?.Digest ?? false, preference?.Version ?? 0);
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        EmailMasked = string.IsNullOrWhiteSpace(email) ? null : Infrastructure.Privacy.Mask.Email(email);
    }
}
