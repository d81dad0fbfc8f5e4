using Fengqiao.Features.Areas;
using Fengqiao.Features.People;

namespace Fengqiao.Features.Teams;

public sealed record OfficerOption(int Id, string Name);

/// <summary>Outreach in the reader's area: the list, how many people it reached (in all and by kind), and a form to record one.</summary>
public sealed class OutreachModel(AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class OutreachForm
    {
        public OutreachKind? Kind { get; set; }
        public string? Title { get; set; }
        public string? Place { get; set; }
        public DateOnly? HeldOn { get; set; }
        public int? Audience { get; set; }
        public string? AreaCode { get; set; }
        public int? OfficerId { get; set; }
    }

    [BindProperty(SupportsGet = true)] public OutreachKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    [BindProperty] public OutreachForm Input { get; set; } = new();

    public Page<OutreachDto> Activities { get; private set; } = null!;
    public OutreachSummaryDto Summary { get; private set; } = null!;
    public IReadOnlyList<AreaOption> Places { get; private set; } = [];
    public IReadOnlyList<OfficerOption> Officers { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.HeldOn = clock.Today;
        Input.OfficerId = db.Jurisdiction.PersonId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var input = new OutreachInput(Input.Kind, Input.Title, Input.Place, Input.HeldOn, Input.Audience, Input.AreaCode, Input.OfficerId);
        if (await OutreachCommands.CreateAsync(db, c, clock, input, ct) is not null)
        {
            Message = l["Saved."];
            return Redirect("/outreach");
        }
        TeamPages.ShowErrors(ModelState, c);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Activities = await TeamQueries.Project(TeamQueries.Outreach(db, Kind, Area, Q, From, To)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
        Summary = await TeamQueries.OutreachSummaryAsync(TeamQueries.OutreachFilter(db, Kind, Area, Q, From, To), ct);
        Places = await TeamPages.PlacesAsync(db, AreaLevel.Township, AreaLevel.Grid, ct);
        var today = clock.Today;
        var officers = await db.People.AsNoTracking()
            .Where(p => p.Posts.Any(x => (x.Role == PostRole.CommunityPolice || x.Role == PostRole.StationDirector || x.Role == PostRole.AuxiliaryPolice
                || x.Role == PostRole.SecondedOfficer || x.Role == PostRole.PoliceOfficer) && x.StartDate <= today && (x.EndDate == null || x.EndDate >= today)))
            .OrderBy(p => p.NameEn).Take(TeamPages.PickerSize)
            .Select(p => new { p.Id, p.NameZh, p.NameEn }).ToListAsync(ct);
        Officers = [.. officers.Select(o => new OfficerOption(o.Id, LocalizationSetup.Pick(o.NameZh, o.NameEn)))];
    }
}
