using Fengqiao.Features.Areas;
using Fengqiao.Features.Households.Import;

namespace Fengqiao.Features.Households;

/// <summary>Upload a CSV or Excel file of residents into an area; the import runs in the background with a progress bar.</summary>
[RequestSizeLimit(1L << 30)]
[RequestFormLimits(MultipartBodyLengthLimit = 1L << 30)]
public sealed class ImportModel(AppDb db, ImportQueue queue, IOptions<ImportOptions> options, ChecksFactory checks, LocalClock clock) : PageModel
{
    public LocalClock Clock => clock;

    [BindProperty] public string? AreaCode { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<(string Code, string NameZh, string NameEn)> Areas { get; private set; } = [];
    public IReadOnlyList<ImportJob> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        c.When(Upload is null, "file", "Choose a .csv or .xlsx file.");
        ImportJob? job = null;
        if (Upload is not null)
        {
            await using var stream = Upload.OpenReadStream();
            job = await ResidentImport.StartAsync(db, queue, options.Value, c, stream, Upload.FileName, AreaCode, ct);
        }
        if (job is not null)
        {
            return Redirect($"/households/import/{job.Id}");
        }
        c.AddTo(ModelState);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Areas.AsNoTracking().Where(a => a.Level <= AreaLevel.Community).OrderBy(a => a.Path).Take(500)
            .Select(a => new { a.Code, a.NameZh, a.NameEn }).ToListAsync(ct);
        Areas = [.. rows.Select(a => (a.Code, a.NameZh, a.NameEn))];
        Recent = await ResidentImport.RecentAsync(db, ct);
    }
}
