using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Teams;

/// <summary>A team: its members (add one, or record that one left), its latest patrols, and a form to log one.</summary>
public sealed class DetailModel(AppDb db, ChecksFactory checks, UserManager<AppUser> users, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>How many of the team's latest patrols are shown here.</summary>
    public const int RecentPatrols = 10;

    public sealed class MemberForm
    {
        public string? Name { get; set; }
        public MemberRole? Role { get; set; }
        public string? ResidentUserName { get; set; }
    }

    public sealed class PatrolForm
    {
        public DateTime? StartedAt { get; set; }
        public DateTime? EndedAt { get; set; }
        public string? Route { get; set; }
        public string? Observations { get; set; }
        public int? Participants { get; set; } = 2;
    }

    [BindProperty] public MemberForm Member { get; set; } = new();
    [BindProperty] public PatrolForm Patrol { get; set; } = new();

    public TeamDetailDto Detail { get; private set; } = null!;
    public IReadOnlyList<PatrolDto> Patrols { get; private set; } = [];
    public LocalClock Clock => clock;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var now = clock.ToLocal(clock.Now).DateTime;
        var minute = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        (Patrol.StartedAt, Patrol.EndedAt) = (minute.AddHours(-1), minute);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMemberAsync(int id, CancellationToken ct)
    {
        var c = checks.Create();
        var (outcome, _) = await TeamCommands.AddMemberAsync(db, c, users, clock, id, new MemberInput(Member.Name, Member.Role, null, Member.ResidentUserName, null), ct);
        switch (outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Ok:
                Message = l["Saved."];
                return Redirect($"/teams/{id}");
            default:
                TeamPages.ShowErrors(ModelState, c, "Member.");
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, int memberId, CancellationToken ct)
    {
        if (!await TeamCommands.RemoveMemberAsync(db, id, memberId, ct))
        {
            return NotFound();
        }
        Message = l["Saved."];
        return Redirect($"/teams/{id}");
    }

    public async Task<IActionResult> OnPostPatrolAsync(int id, CancellationToken ct)
    {
        var c = checks.Create();
        var input = new PatrolInput(id, TeamPages.FromForm(clock, Patrol.StartedAt), TeamPages.FromForm(clock, Patrol.EndedAt), Patrol.Route, Patrol.Observations, Patrol.Participants);
        var (outcome, _) = await TeamCommands.LogPatrolAsync(db, c, clock, input, ct);
        if (outcome == ChangeOutcome.Ok)
        {
            Message = l["The patrol is logged."];
            return Redirect($"/teams/{id}");
        }
        TeamPages.ShowErrors(ModelState, c, "Patrol.");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var team = await TeamQueries.TeamAsync(db, id, ct);
        if (team is null)
        {
            return false;
        }
        Detail = team;
        Patrols = await TeamQueries.Project(db.PatrolLogs.AsNoTracking().Where(p => p.TeamId == id)
            .OrderByDescending(p => p.StartedAt).ThenByDescending(p => p.Id).Take(RecentPatrols)).ToListAsync(ct);
        return true;
    }
}
