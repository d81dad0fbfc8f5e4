using Fengqiao.Features.PublicServices;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Portal;

/// <summary>
/// The resident's own page: their appointments (cancel one still booked) and their service
/// records (rate a completed one). Residents have no jurisdiction: every read here is their own
/// rows only, by user id, with the area filters set aside on purpose.
/// </summary>
public sealed class IndexModel(AppDb db, ServiceDesk desk, ServiceRecords records, ChecksFactory checks, UserManager<AppUser> users,
    LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>How many of the latest appointments and records are shown.</summary>
    public const int Shown = 50;

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<AppointmentDto> Appointments { get; private set; } = [];
    public IReadOnlyList<RecordDto> Records { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ServiceNames { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today => clock.Today;

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostCancelAsync(int appointmentId, CancellationToken ct)
    {
        var me = users.GetUserId(User);
        if (me is null)
        {
            return Challenge();
        }
        if (await desk.CancelAsync(me, appointmentId, ct))
        {
            Message = l["Your appointment was cancelled."];
            return Redirect("/portal");
        }
        ModelState.AddModelError("", l["This appointment cannot be cancelled."]);
        return await LoadAsync(ct) ? Page() : Challenge();
    }

    /// <summary>The resident rates a completed service of their own; a bad review opens a rectification.</summary>
    public async Task<IActionResult> OnPostRateAsync(int recordId, int? overall, int? efficiency, int? attitude, int? serviceLevel, string? comment, CancellationToken ct)
    {
        var me = users.GetUserId(User);
        if (me is null)
        {
            return Challenge();
        }
        var record = await db.ServiceRecords.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == recordId && r.UserId == me, ct);
        return await RatingAnswer.AnswerAsync(this, records, checks.Create(), record, new ReviewInput(overall, efficiency, attitude, serviceLevel, comment),
            l, thanks => Message = thanks, "/portal", async () => await LoadAsync(ct) ? Page() : Challenge(), ct);
    }

    public string ServiceName(string code) => ServiceNames.TryGetValue(code, out var name) ? name : code;

    /// <summary>What to bring for a service, for the reminder of the next appointment.</summary>
    public IReadOnlyList<string> Materials(string code) =>
        _services.TryGetValue(code, out var s) ? s.Materials(LocalizationSetup.IsChinese) : [];

    private Dictionary<string, PublicService> _services = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }
        var me = user.Id;
        DisplayName = user.DisplayName ?? user.UserName ?? "";
        Appointments = await db.Appointments.IgnoreQueryFilters().AsNoTracking().Where(a => a.UserId == me)
            .OrderByDescending(a => a.Slot!.Date).ThenByDescending(a => a.Slot!.Start).Take(Shown)
            .ToDto().ToListAsync(ct);
        Records = await db.ServiceRecords.IgnoreQueryFilters().AsNoTracking().Where(r => r.UserId == me)
            .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(Shown)
            .ToDtosAsync(db.Reviews.IgnoreQueryFilters(), db.Rectifications.IgnoreQueryFilters(), ct);
        _services = await db.PublicServices.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        ServiceNames = _services.ToDictionary(s => s.Key, s => LocalizationSetup.Pick(s.Value.NameZh, s.Value.NameEn));
        return true;
    }
}
