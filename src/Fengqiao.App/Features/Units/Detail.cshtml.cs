using Fengqiao.Features.People;
using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Units;

/// <summary>A unit and everyone who holds a post in it now — including people whose main job is elsewhere; administrators set its contact for referrals.</summary>
public sealed class DetailModel(
    AppDb db, TimeProvider clock, IAuthorizationService authorization, FieldProtector protector, ChecksFactory checks, IStringLocalizer<SharedResource> l) : PageModel
{
    public UnitDto Unit { get; private set; } = null!;
    public IReadOnlyList<PostDto> Posts { get; private set; } = [];
    public string? ContactMasked { get; private set; }
    public bool CanEdit { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The e-mail address that receives the unit's referrals (encrypted; shown masked). Empty clears it.</summary>
    public async Task<IActionResult> OnPostContactAsync(int id, string? contactEmail, long? version, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageAreas)).Succeeded)
        {
            return Forbid();
        }
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return NotFound();
        }
        var email = contactEmail?.Trim().ToLowerInvariant();
        var c = checks.Create().Optional("contactEmail", email, 200)
            .When(!string.IsNullOrEmpty(email) && !System.Net.Mail.MailAddress.TryCreate(email, out _), "contactEmail", "Give a valid e-mail address.")
            .When(version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (c.Ok)
        {
            (unit.ContactEmail, unit.ContactEmailMasked) = string.IsNullOrEmpty(email) ? (null, null) : (protector.Protect(email), Mask.Email(email));
            if (await db.SaveVersionedAsync(unit, version!.Value, ct))
            {
                Message = l["Saved."];
                return Redirect($"/units/{id}");
            }
            ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
        }
        c.AddTo(ModelState);
        Response.StatusCode = c.Ok ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var unit = await UnitEndpoints.Project(db, db.Units.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return false;
        }
        Unit = unit;
        ContactMasked = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.ContactEmailMasked).FirstOrDefaultAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.ManageAreas)).Succeeded;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Posts = await db.Posts.AsNoTracking()
            .Where(p => p.UnitId == id && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
            .OrderBy(p => p.Role).ThenBy(p => p.Person!.NameEn)
            .ToDto().ToListAsync(ct);
        return true;
    }
}
