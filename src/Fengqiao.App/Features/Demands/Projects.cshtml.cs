using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Demands;

/// <summary>Community projects in the caller's jurisdiction, and starting a new one.</summary>
public sealed class ProjectsModel(AppDb db, ChecksFactory checks, LocalClock clock) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? AreaCode { get; set; }
        public string? Sponsor { get; set; }
        public DateOnly? StartedOn { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public Page<CommunityProjectDto> Projects { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Places { get; private set; } = [];
    /// <summary>The new-project form failed: it stays open with its messages.</summary>
    public bool Failed { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var project = await ProjectCommands.CreateAsync(db, c, clock,
            new CommunityProjectInput(Input.Name, Input.Description, Input.AreaCode, Input.Sponsor, Input.StartedOn), ct);
        if (project is not null)
        {
            return Redirect($"/projects/{project.Id}");
        }
        c.AddTo(ModelState, "Input.");
        Failed = true;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Projects = await ProjectQueries.ToDto(ProjectQueries.Filter(db, Area, Q)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
        var places = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Township || a.Level == AreaLevel.Community)
            .OrderBy(a => a.Path).Take(500).Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level }).ToListAsync(ct);
        Places = [.. places.Select(a => (a.Code, (a.Level == AreaLevel.Community ? "　" : "") + LocalizationSetup.Pick(a.NameZh, a.NameEn)))];
    }
}
