using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Households;

/// <summary>Register a household with its head: address, grid, phone, tags.</summary>
public sealed class NewModel(AppDb db, HouseholdCommands commands, ChecksFactory checks) : PageModel
{
    public sealed class InputModel
    {
        public string? Address { get; set; }
        public string? AreaCode { get; set; }
        public string? Phone { get; set; }
        public List<HouseholdTags>? Tags { get; set; }
        public string? HeadName { get; set; }
        public string? HeadIdNumber { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(string Code, string NameZh, string NameEn, AreaLevel Level)> Grids { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var result = await commands.CreateAsync(c, new HouseholdInput(Input.Address, Input.AreaCode, Input.Phone, HouseholdView.Combine(Input.Tags),
            [new ResidentInput(Input.HeadName, Input.HeadIdNumber, Input.Phone, Relation.Head, null)]), ct);
        if (result.Outcome == ChangeOutcome.Ok)
        {
            return Redirect($"/households/{result.Id}");
        }
        foreach (var (field, messages) in c.Errors)
        {
            var key = field switch
            {
                "members[0].name" => "Input.HeadName",
                "members[0].idNumber" => "Input.HeadIdNumber",
                "members[0].phone" => "Input.Phone",
                _ => "Input." + char.ToUpperInvariant(field[0]) + field[1..],
            };
            messages.ForEach(m => ModelState.AddModelError(key, m));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Areas.AsNoTracking().Where(a => a.Level >= AreaLevel.Community).OrderBy(a => a.Code).Take(1000)
            .Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level }).ToListAsync(ct);
        Grids = [.. rows.Select(a => (a.Code, a.NameZh, a.NameEn, a.Level))];
    }
}
