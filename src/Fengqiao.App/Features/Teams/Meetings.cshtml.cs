using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Teams;

/// <summary>The weekly community meetings of the reader's area, and a form for this week's: who came, the minutes, up to five decisions.</summary>
public sealed class MeetingsModel(AppDb db, ChecksFactory checks, LocalClock clock) : PageModel
{
    public sealed class TaskRow
    {
        public string? Description { get; set; }
        public string? OwnerName { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class MeetingForm
    {
        public string? AreaCode { get; set; }
        public DateOnly? HeldOn { get; set; }
        public string? PoliceAttendees { get; set; }
        public string? CommunityAttendees { get; set; }
        public string? Minutes { get; set; }
        public List<TaskRow> Tasks { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    [BindProperty] public MeetingForm Input { get; set; } = new();

    public Page<MeetingDto> Meetings { get; private set; } = null!;
    public IReadOnlyList<AreaOption> Communities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.HeldOn = clock.Today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        var input = new MeetingInput(Input.AreaCode, Input.HeldOn, Input.PoliceAttendees, Input.CommunityAttendees, Input.Minutes,
            [.. Input.Tasks.Select(t => new MeetingTaskInput(t.Description, t.OwnerName, t.DueOn))]);
        var meeting = await MeetingCommands.CreateAsync(db, c, clock, input, ct);
        if (meeting is not null)
        {
            return Redirect($"/meetings/{meeting.Id}");
        }
        TeamPages.ShowErrors(ModelState, c);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        while (Input.Tasks.Count < MeetingCommands.FormTaskRows)
        {
            Input.Tasks.Add(new TaskRow());
        }
        Meetings = await TeamQueries.Project(TeamQueries.Meetings(db, Area, Q), clock.Today).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
        Communities = await TeamPages.PlacesAsync(db, AreaLevel.Community, AreaLevel.Community, ct);
    }
}
