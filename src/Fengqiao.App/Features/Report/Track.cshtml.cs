using Fengqiao.Features.Units;
using Fengqiao.Features.Open311;
using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Report;

/// <summary>
/// Anyone with a report's code follows it: its type, when it was sent, its status, the public
/// updates, the station that received it and when an answer is expected. Nothing about who sent
/// it (name, phone, e-mail, device, account) is ever read here.
/// </summary>
[AllowAnonymous]
public sealed class TrackModel(AppDb db, RequestServices services, LocalClock clock) : PageModel
{
    public sealed record Result(string Code, string TypeName, string SubmittedOn, RequestStatus Status, string? StatusNotes, string? StationName,
        string? ExpectedOn);

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [TempData] public string? Message { get; set; }

    public Result? Found { get; private set; }
    public bool Unknown { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var code = Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return;
        }
        Code = code;
        var upper = code.ToUpperInvariant();
        // Public read by code: the jurisdiction filter is set aside, and only public fields are selected.
        var r = await db.ResidentRequests.IgnoreQueryFilters().AsNoTracking().Where(x => x.Code == code || x.Code == upper)
            .Select(x => new { x.Code, x.ServiceCode, x.RequestedAt, x.Status, x.StatusNotes, x.StationUnitId, x.ExpectedOn })
            .FirstOrDefaultAsync(ct);
        if (r is null)
        {
            Unknown = true;
            return;
        }
        string? station = null;
        if (r.StationUnitId is { } unitId)
        {
            var unit = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == unitId)
                .Select(u => new { u.NameZh, u.NameEn }).FirstOrDefaultAsync(ct);
            station = unit is null ? null : LocalizationSetup.Pick(unit.NameZh, unit.NameEn);
        }
        Found = new Result(r.Code, services.Name(r.ServiceCode), clock.DayOf(r.RequestedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Status,
            r.StatusNotes, station, r.ExpectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
