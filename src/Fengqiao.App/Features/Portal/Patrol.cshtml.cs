using Fengqiao.Features.Teams;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Portal;

/// <summary>
/// A volunteer logs a patrol of one of their teams from the phone, and sees their latest logs.
/// Residents have no jurisdiction: every read is anchored on the resident's own memberships
/// (<see cref="Volunteers"/>), with the area filters set aside on purpose.
/// </summary>
public sealed class PatrolModel(AppDb db, ChecksFactory checks, UserManager<AppUser> users, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class PatrolForm
    {
        public int? TeamId { get; set; }
        public DateTime? StartedAt { get; set; }
        public DateTime? EndedAt { get; set; }
        public string? Route { get; set; }
        public string? Observations { get; set; }
        public int? Participants { get; set; } = 2;
    }

    [BindProperty] public PatrolForm Input { get; set; } = new();
    /// <summary>Made on the device (js/drafts.js): the patrol is logged once however often the form is sent.</summary>
    [BindProperty] public Guid? ClientId { get; set; }

    public IReadOnlyList<VolunteerTeamDto> Teams { get; private set; } = [];
    public IReadOnlyList<PatrolDto> Logs { get; private set; } = [];
    public LocalClock Clock => clock;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = clock.ToLocal(clock.Now).DateTime;
        var minute = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        (Input.StartedAt, Input.EndedAt) = (minute.AddHours(-1), minute);
        return await LoadAsync(ct) ? Page() : Challenge();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = users.GetUserId(User);
        if (me is null)
        {
            return Challenge();
        }
        var c = checks.Create();
        var input = new PatrolInput(Input.TeamId, TeamPages.FromForm(clock, Input.StartedAt), TeamPages.FromForm(clock, Input.EndedAt),
            Input.Route, Input.Observations, Input.Participants, ClientId);
        if (await Volunteers.LogPatrolAsync(db, c, clock, me, input, ct) is not null)
        {
            Message = l["The patrol is logged. Thank you."];
            return Redirect("/portal/patrol");
        }
        TeamPages.ShowErrors(ModelState, c);
        return await LoadAsync(ct) ? Page() : Challenge();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = users.GetUserId(User);
        if (me is null)
        {
            return false;
        }
        Teams = await Volunteers.TeamsAsync(db, me, ct);
        Logs = await Volunteers.PatrolsAsync(db, me, ct);
        if (Input.TeamId is null && Teams.Count > 0)
        {
            Input.TeamId = Teams[0].TeamId;
        }
        return true;
    }
}
