using Fengqiao.Features.Households.Import;

namespace Fengqiao.Features.Households;

/// <summary>One import: a progress bar that follows the job, then its result or its rejected rows.</summary>
public sealed class ImportJobModel(AppDb db, ImportQueue queue) : PageModel
{
    public ImportJobDto Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ResidentImport.FindAsync(db, queue, id, ct) is not { } job)
        {
            return NotFound();
        }
        Job = job;
        return Page();
    }

    /// <summary>The progress block alone, polled by htmx while the job runs.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken ct) =>
        await ResidentImport.FindAsync(db, queue, id, ct) is { } job ? Partial("_ImportProgress", job) : NotFound();
}
