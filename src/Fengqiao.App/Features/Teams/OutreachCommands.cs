using Fengqiao.Features.People;
using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Teams;

/// <summary>Recording outreach: the rule-of-law vice principal's lesson, an anti-fraud talk, a day in the fields at ploughing time.</summary>
public static class OutreachCommands
{
    public const int MaxAudience = 100_000;

    public static async Task<OutreachActivity?> CreateAsync(AppDb db, Checks c, LocalClock clock, OutreachInput i, CancellationToken ct)
    {
        c.When(i.Kind is null || !Enum.IsDefined(i.Kind.Value), "kind", "Choose the kind of activity.")
            .Required("title", i.Title, 200).Required("place", i.Place, 200)
            .When(i.HeldOn is null, "heldOn", "This field is required.")
            .When(i.HeldOn > clock.Today, "heldOn", "Record an activity once it has been held.")
            .When(i.HeldOn < clock.Today.AddYears(-5), "heldOn", "Give a date in the last five years.")
            .When(i.Audience is null or < 0 or > MaxAudience, "audience", "Give the number of people reached (0 to {0}).", MaxAudience);
        var code = i.AreaCode?.Trim();
        var area = string.IsNullOrEmpty(code) ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        c.When(area is null || area.Level < AreaLevel.Township, "areaCode", "Give the street, community or grid where it was held.");
        var officer = i.OfficerId is null ? null : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == i.OfficerId, ct);
        c.When(i.OfficerId is not null && officer is null, "officerId", "There is no such person in your jurisdiction.");
        if (!c.Ok)
        {
            return null;
        }
        var activity = new OutreachActivity
        {
            Kind = i.Kind!.Value, Title = i.Title!.Trim(), Place = i.Place!.Trim(), HeldOn = i.HeldOn!.Value, Audience = i.Audience!.Value,
            AreaId = area!.Id, AreaPath = area.Path, OfficerId = officer?.Id,
        };
        db.OutreachActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }
}
