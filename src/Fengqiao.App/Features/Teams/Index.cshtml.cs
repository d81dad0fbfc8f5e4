using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Teams;

/// <summary>The teams of the reader's area by kind, how many of each there are, and a form to set one up.</summary>
public sealed class IndexModel(AppDb db, ChecksFactory checks) : PageModel
{
    public sealed class TeamForm
    {
        public string? Name { get; set; }
        public TeamKind? Kind { get; set; }
        public string? AreaCode { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty(SupportsGet = true)] public TeamKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    [BindProperty] public TeamForm Input { get; set; } = new();

    public Page<TeamDto> Teams { get; private set; } = null!;
    public TeamCountsDto Counts { get; private set; } = null!;
    public IReadOnlyList<AreaOption> Places { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var team = await TeamCommands.CreateAsync(db, c, new TeamInput(Input.Name, Input.Kind, Input.AreaCode, Input.Description), ct);
        if (team is not null)
        {
            return Redirect($"/teams/{team.Id}");
        }
        TeamPages.ShowErrors(ModelState, c);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Teams = await TeamQueries.Project(db, TeamQueries.Teams(db, Kind, Area, Q)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
        Counts = await TeamQueries.CountsAsync(db, Area, ct);
        Places = await TeamPages.PlacesAsync(db, AreaLevel.Township, AreaLevel.Community, ct);
    }
}
