using Fengqiao.Features.Units;
using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Diversions;

/// <summary>Adds or edits one kind of the catalogue, with field errors in the user's language and the version check.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class KindEditModel(AppDb db, ChecksFactory checks, FieldProtector protector, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NameZh { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public int? UnitId { get; set; }
    [BindProperty] public UnitKind? LocalUnitKind { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public int? TimeLimitWorkingDays { get; set; } = 5;
    [BindProperty] public bool Active { get; set; } = true;
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public long? Version { get; set; }

    public List<UnitOption> Units { get; private set; } = [];
    public string? ContactMasked { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var k = (await KindCommands.ListAsync(db, protector, ct)).FirstOrDefault(x => x.Id == Id);
            if (k is null)
            {
                return NotFound();
            }
            (Code, NameZh, NameEn, UnitId, LocalUnitKind, LegalBasis) = (k.Code, k.NameZh, k.NameEn, k.UnitId, k.LocalUnitKind, k.LegalBasis);
            (TimeLimitWorkingDays, Active, Version, ContactMasked) = (k.TimeLimitWorkingDays, k.Active, k.Version, k.ContactMasked);
        }
        Units = await KindCommands.UnitOptionsAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var (kind, conflict) = await KindCommands.SaveAsync(db, c, protector, Id,
            new KindInput(Code, NameZh, NameEn, UnitId, LocalUnitKind, LegalBasis, TimeLimitWorkingDays, Active, ContactEmail, Version), ct);
        if (kind is not null)
        {
            return Redirect("/diversions/kinds");
        }
        if (conflict)
        {
            Refusal = l["Someone else changed this record while you were editing it. Review the current version and try again."];
        }
        c.AddTo(ModelState);
        Units = await KindCommands.UnitOptionsAsync(db, ct);
        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
