using Fengqiao.Features.Teams;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Portal;

/// <summary>
/// A volunteer sends a tip to the station of one of their teams. Their name and phone go with it
/// as the tipster's, for that station's eyes only. They follow their own tips here. Every read is
/// anchored on the resident's own memberships and tips (<see cref="Volunteers"/>).
/// </summary>
public sealed class TipModel(AppDb db, ChecksFactory checks, FieldProtector protector, UserManager<AppUser> users, LocalClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class TipForm
    {
        public int? TeamId { get; set; }
        public string? Text { get; set; }
        public string? Phone { get; set; }
    }

    [BindProperty] public TipForm Input { get; set; } = new();
    /// <summary>Made on the device (js/drafts.js): the tip is received once however often the form is sent.</summary>
    [BindProperty] public Guid? ClientId { get; set; }

    public IReadOnlyList<VolunteerTeamDto> Teams { get; private set; } = [];
    public IReadOnlyList<VolunteerTipDto> Tips { get; private set; } = [];
    public string DisplayName { get; private set; } = "";
    public LocalClock Clock => clock;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Input.Phone = user.PhoneNumber;
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var c = checks.Create();
        var tip = await Volunteers.SendTipAsync(db, c, protector, clock, user.Id, user.PhoneNumber, new VolunteerTipInput(Input.TeamId, Input.Text, Input.Phone, ClientId), ct);
        if (tip is not null)
        {
            Message = l["Your tip {0} has gone to the police station. Only that station sees that it came from you.", tip.Code].Value;
            return Redirect("/portal/tip");
        }
        TeamPages.ShowErrors(ModelState, c);
        await LoadAsync(user, ct);
        return Page();
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        DisplayName = user.DisplayName ?? user.UserName ?? "";
        Teams = await Volunteers.TeamsAsync(db, user.Id, ct);
        Tips = await Volunteers.TipsAsync(db, user.Id, ct);
        if (Input.TeamId is null && Teams.Count > 0)
        {
            Input.TeamId = Teams[0].TeamId;
        }
    }
}
