using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Report;

namespace Fengqiao.Features.Dangers;

/// <summary>
/// A hidden danger found on foot (a blocked fire exit, a loose balcony plate), with photos taken on the spot.
/// The form is a draft on the phone (js/drafts.js) when there is no signal; <see cref="ClientId"/> saves it once.
/// </summary>
public sealed class NewModel(AppDb db, ChecksFactory checks, DisputeWorkflow workflow, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public DangerKind? Kind { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? AreaCode { get; set; }
    [BindProperty] public string? ResponsibleParty { get; set; }
    [BindProperty] public DateOnly? RectifyBy { get; set; }
    [BindProperty] public Guid? ClientId { get; set; }
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<(string Code, string Name, AreaLevel Level)> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        RectifyBy = clock.Today.AddDays(7);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var photos = await PhotoUploads.ReadAsync(c, "photos", Photos, clock.Now, ct);
        if (c.Ok)
        {
            var danger = await DangerCommands.OpenAsync(db, c, workflow, clock,
                new DangerInput(Kind, Description, Address, AreaCode, null, ResponsibleParty, RectifyBy, ClientId), ct,
                [.. photos.Select(p => new DangerPhoto { ContentType = p.ContentType, FileName = p.FileName, Bytes = p.Bytes, UploadedAt = p.UploadedAt })]);
            if (danger is not null)
            {
                Message = l["The hidden danger is registered."];
                return Redirect($"/dangers/{danger.Id}");
            }
        }
        c.AddTo(ModelState);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Places = [.. (await db.Areas.AsNoTracking().Where(a => a.Level >= AreaLevel.Community).OrderBy(a => a.Path).Take(500)
                .Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level }).ToListAsync(ct))
            .Select(a => (a.Code, LocalizationSetup.Pick(a.NameZh, a.NameEn), a.Level))];
    }
}
