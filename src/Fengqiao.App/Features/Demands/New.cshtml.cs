using Fengqiao.Features.Households;
using Fengqiao.Features.Visits;
using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Demands;

/// <summary>
/// Record a demand, on its own or from a household or a home visit:
/// /demands/new?household=ID&amp;visit=ID&amp;category=Employment fills the form in (a visit's notes become the description).
/// </summary>
public sealed class NewModel(AppDb db, ChecksFactory checks, LocalClock clock) : PageModel
{
    public sealed class InputModel
    {
        public DemandCategory? Category { get; set; }
        public DemandSource? Source { get; set; }
        public string? Description { get; set; }
        public string? AreaCode { get; set; }
        public int? HouseholdId { get; set; }
        public int? VisitId { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Places { get; private set; } = [];
    /// <summary>The household the demand is recorded for, when one was given.</summary>
    public (string Code, string Address)? HouseholdInfo { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        int? household, int? visit, string? description, DemandCategory? category, DemandSource? source, string? area, CancellationToken ct)
    {
        Input.HouseholdId = household;
        Input.VisitId = visit;
        // From a visit, the notepad is read here rather than carried in the address (it can name people).
        Input.Description = description ?? (visit is null ? null
            : await db.Visits.AsNoTracking().Where(v => v.Id == visit).Select(v => v.Notes).FirstOrDefaultAsync(ct));
        Input.Category = category;
        Input.Source = source ?? (visit is null ? (DemandSource?)null : DemandSource.HomeVisit);
        Input.AreaCode = area;
        await LoadAsync(ct);
        // A household outside the caller's jurisdiction does not exist for them.
        return household is not null && HouseholdInfo is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var demand = await DemandCommands.CreateAsync(db, c, clock,
            new DemandInput(Input.Category, Input.Source, Input.Description, Input.AreaCode, Input.HouseholdId, Input.VisitId), ct);
        if (demand is not null)
        {
            return Redirect($"/demands/{demand.Id}");
        }
        c.AddTo(ModelState, "Input.");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Input.HouseholdId is not null)
        {
            var h = await db.Households.AsNoTracking().Where(x => x.Id == Input.HouseholdId)
                .Select(x => new { x.Code, x.Address }).FirstOrDefaultAsync(ct);
            if (h is not null)
            {
                HouseholdInfo = (h.Code, h.Address);
                return;
            }
        }
        var places = await db.Areas.AsNoTracking().Where(a => a.Level >= AreaLevel.Community).OrderBy(a => a.Path).Take(800)
            .Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level, Parent = a.Parent!.NameZh, ParentEn = a.Parent.NameEn }).ToListAsync(ct);
        Places = [.. places.Select(a => (a.Code, a.Level == AreaLevel.Grid
            ? $"{LocalizationSetup.Pick(a.Parent, a.ParentEn)} · {LocalizationSetup.Pick(a.NameZh, a.NameEn)}"
            : LocalizationSetup.Pick(a.NameZh, a.NameEn)))];
    }
}
