using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;

namespace Fengqiao.Features.Visits;

/// <summary>Starting a campaign, shared by the API and the page.</summary>
public static class CampaignCommands
{
    public const int MaxAreas = 200;

    /// <summary>Every tag a household can carry; anything else in a campaign's target tags is refused.</summary>
    public static readonly HouseholdTags AllTags = Enum.GetValues<HouseholdTags>().Aggregate(HouseholdTags.None, (all, t) => all | t);

    /// <summary>
    /// Validates and saves a campaign. The area that runs it and every area it covers must be in
    /// the caller's jurisdiction, and each covered area inside the area that runs it. Returns null
    /// with the problems in <paramref name="c"/>.
    /// </summary>
    public static async Task<Campaign?> CreateAsync(AppDb db, Checks c, CampaignInput i, CancellationToken ct)
    {
        c.Required("name", i.Name, Campaign.NameMax).Optional("description", i.Description, Campaign.DescriptionMax)
            .When(i.StartsOn is null, "startsOn", "This field is required.")
            .When(i.EndsOn is null, "endsOn", "This field is required.")
            .When(i.StartsOn is not null && i.EndsOn < i.StartsOn, "endsOn", "A campaign cannot end before it starts.")
            .When(i.TargetTags is { } tags && (tags & ~AllTags) != HouseholdTags.None, "targetTags", "Choose the target households' tags from the list.");

        var ownerCode = i.AreaCode?.Trim();
        var owner = string.IsNullOrEmpty(ownerCode) ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == ownerCode, ct);
        c.When(owner is null, "areaCode", "Choose the area that runs the campaign.");

        var codes = (i.AreaCodes ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct(StringComparer.Ordinal).ToList();
        c.When(codes.Count > MaxAreas, "areaCodes", "A campaign covers at most {0} areas.", MaxAreas);
        var covered = new List<(int Id, string Path)>();
        if (owner is not null && codes.Count <= MaxAreas)
        {
            if (codes.Count == 0)
            {
                covered.Add((owner.Id, owner.Path));
            }
            else
            {
                var found = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => new { a.Id, a.Code, a.Path }).ToListAsync(ct);
                foreach (var code in codes)
                {
                    var area = found.Find(a => a.Code == code);
                    if (area is null)
                    {
                        c.Add("areaCodes", "There is no area {0} in your jurisdiction.", code);
                    }
                    else if (!area.Path.StartsWith(owner.Path, StringComparison.Ordinal))
                    {
                        c.Add("areaCodes", "{0} is not inside the area that runs the campaign.", code);
                    }
                    else
                    {
                        covered.Add((area.Id, area.Path));
                    }
                }
            }
        }
        if (!c.Ok)
        {
            return null;
        }

        var campaign = new Campaign
        {
            Name = i.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(i.Description) ? null : i.Description.Trim(),
            StartsOn = i.StartsOn!.Value,
            EndsOn = i.EndsOn!.Value,
            AreaId = owner!.Id,
            AreaPath = owner.Path,
            TargetTags = i.TargetTags ?? HouseholdTags.None,
            CreatedById = db.Jurisdiction.PersonId,
            Areas = [.. covered.Select(a => new CampaignArea { AreaId = a.Id, AreaPath = a.Path })],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }
}
