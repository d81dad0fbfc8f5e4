using Fengqiao.Features.Households;
using Fengqiao.Features.People;
using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Visits;

/// <summary>The notepad (民情日志): every visit in the reader's jurisdiction, newest first, searchable by area and by what was written.</summary>
public sealed class IndexModel(AppDb db, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Campaign { get; set; }
    [BindProperty(SupportsGet = true)] public int? Officer { get; set; }
    [BindProperty(SupportsGet = true)] public int? Household { get; set; }
    // "page" is also Razor Pages' own route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<VisitDto> Visits { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name, AreaLevel Level)> Places { get; private set; } = [];
    public string? CampaignName { get; private set; }
    public string? OfficerName { get; private set; }
    public string? HouseholdAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Visits = await VisitQueries.Project(db, VisitQueries.Filter(db, Area, Q, Campaign, Officer, Household)).ToPageAsync(PageNumber, Paging.DefaultSize, ct);
        Places = [.. (await db.Areas.AsNoTracking().Where(a => a.Level >= AreaLevel.Township).OrderBy(a => a.Path).Take(500)
                .Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level }).ToListAsync(ct))
            .Select(a => (a.Code, LocalizationSetup.Pick(a.NameZh, a.NameEn), a.Level))];
        if (Campaign is not null)
        {
            CampaignName = await db.Campaigns.AsNoTracking().Where(c => c.Id == Campaign).Select(c => c.Name).FirstOrDefaultAsync(ct);
        }
        if (Officer is not null)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == Officer).Select(p => new { p.NameZh, p.NameEn }).FirstOrDefaultAsync(ct);
            OfficerName = person is null ? null : LocalizationSetup.Pick(person.NameZh, person.NameEn);
        }
        if (Household is not null)
        {
            HouseholdAddress = await db.Households.AsNoTracking().Where(h => h.Id == Household).Select(h => h.Address).FirstOrDefaultAsync(ct);
        }
    }

    public string Local(DateTime utc) => VisitView.Local(clock, utc);
}
