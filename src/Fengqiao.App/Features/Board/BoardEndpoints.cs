using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Board;

public sealed record PriorityInput(string? IssueZh, string? IssueEn, string? ActionZh, string? ActionEn);

public sealed record EventInput(string? TitleZh, string? TitleEn, string? DescriptionZh, string? DescriptionEn, string? Address, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Kind);

/// <summary>
/// The community team sets what its public board says: current priorities (issue, then the
/// action taken) and upcoming events. Only staff whose jurisdiction covers the community.
/// </summary>
public static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoardEditing(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/board/{code}").WithTags("Community police board").RequireAuthorization(Policies.Staff);
        g.MapPost("/priorities", AddPriority).WithSummary("Raise a neighbourhood priority on the community's public board.");
        g.MapPost("/events", AddEvent).WithSummary("Announce a public event (meeting, anti-fraud talk, patrol, law school).");
        return app;
    }

    private static async Task<Results<Created, NotFound, ValidationProblem>> AddPriority(
        AppDb db, ChecksFactory checks, LocalClock clock, string code, PriorityInput i, CancellationToken ct)
    {
        var community = await db.Areas.FirstOrDefaultAsync(a => a.Code == code && a.Level == AreaLevel.Community, ct);
        if (community is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().Required("issueZh", i.IssueZh, 200).Required("issueEn", i.IssueEn, 200)
            .Optional("actionZh", i.ActionZh, 300).Optional("actionEn", i.ActionEn, 300);
        if (!c.Ok)
        {
            return c.Problem();
        }
        var hasAction = !string.IsNullOrWhiteSpace(i.ActionZh) || !string.IsNullOrWhiteSpace(i.ActionEn);
        db.Set<CommunityPriority>().Add(new CommunityPriority
        {
            AreaId = community.Id, AreaPath = community.Path, IssueZh = i.IssueZh!.Trim(), IssueEn = i.IssueEn!.Trim(), IssueDate = clock.Today,
            ActionZh = i.ActionZh?.Trim(), ActionEn = i.ActionEn?.Trim(), ActionDate = hasAction ? clock.Today : null,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/board/{code}");
    }

    private static async Task<Results<Created, NotFound, ValidationProblem>> AddEvent(
        AppDb db, ChecksFactory checks, LocalClock clock, string code, EventInput i, CancellationToken ct)
    {
        var community = await db.Areas.FirstOrDefaultAsync(a => a.Code == code && a.Level == AreaLevel.Community, ct);
        if (community is null)
        {
            return TypedResults.NotFound();
        }
        string[] kinds = [EventKinds.Meeting, EventKinds.AntiFraudTalk, EventKinds.Patrol, EventKinds.LawSchool];
        var c = checks.Create().Required("titleZh", i.TitleZh, 200).Required("titleEn", i.TitleEn, 200).Required("address", i.Address, 200)
            .Optional("descriptionZh", i.DescriptionZh, 1000).Optional("descriptionEn", i.DescriptionEn, 1000)
            .When(i.StartsAt is null, "startsAt", "This field is required.")
            .When(i.StartsAt < clock.Now, "startsAt", "An upcoming event starts in the future.")
            .When(i.EndsAt < i.StartsAt, "endsAt", "The end date cannot be before the start date.")
            .When(i.Kind is not null && !kinds.Contains(i.Kind), "kind", "Choose a kind of event.");
        if (!c.Ok)
        {
            return c.Problem();
        }
        db.Set<CommunityEvent>().Add(new CommunityEvent
        {
            AreaId = community.Id, AreaPath = community.Path, TitleZh = i.TitleZh!.Trim(), TitleEn = i.TitleEn!.Trim(),
            DescriptionZh = i.DescriptionZh?.Trim(), DescriptionEn = i.DescriptionEn?.Trim(), Address = i.Address!.Trim(),
            StartsAt = i.StartsAt!.Value.ToUniversalTime(), EndsAt = i.EndsAt?.ToUniversalTime(), Kind = i.Kind ?? EventKinds.Meeting,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/board/{code}");
    }
}
