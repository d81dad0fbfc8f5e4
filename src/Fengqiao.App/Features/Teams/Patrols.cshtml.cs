namespace Fengqiao.Features.Teams;

/// <summary>Patrol logs of the reader's area, newest first, by team, place, words and days.</summary>
public sealed class PatrolsModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<PatrolDto> Patrols { get; private set; } = null!;
    public string? TeamName { get; private set; }
    public LocalClock Clock => clock;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Patrols = await TeamQueries.Project(TeamQueries.Patrols(db, clock, Team, Area, Q, From, To)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
        TeamName = Team is null ? null : await db.Teams.AsNoTracking().Where(t => t.Id == Team).Select(t => t.Name).FirstOrDefaultAsync(ct);
    }
}
