namespace Fengqiao.Features.Visits;

public static class VisitEndpoints
{
    public static IEndpointRouteBuilder MapVisits(this IEndpointRouteBuilder app)
    {
        var c = app.MapGroup("/api/campaigns").WithTags("Campaigns and visits").RequireAuthorization(Policies.Staff);
        c.MapGet("/", ListCampaigns).WithName("ListCampaigns").WithSummary("Campaigns with their targets and visited households, as far as the caller can see.");
        c.MapGet("/{id:int}", GetCampaign).WithName("GetCampaign");
        c.MapPost("/", CreateCampaign).WithName("CreateCampaign").WithSummary("Start a home-visit campaign for areas in the caller's jurisdiction.");
        c.MapGet("/{id:int}/coverage", Coverage).WithName("CampaignCoverage").WithSummary("Target and visited households per grid and per officer.");
        c.MapGet("/{id:int}/households", Households).WithName("CampaignHouseholds").WithSummary("The campaign's target households: show=NotVisited (default), Visited or All.");
        c.MapGet("/{id:int}/not-visited", NotVisited).WithName("CampaignNotVisited").WithSummary("Target households not yet visited in the campaign, by grid.");

        var v = app.MapGroup("/api/visits").WithTags("Campaigns and visits").RequireAuthorization(Policies.Staff);
        v.MapGet("/", ListVisits).WithName("ListVisits").WithSummary("The notepad, newest first: area (a code, with its subtree), q (words in the notes), campaign, officer, household.");
        v.MapGet("/{id:int}", GetVisit).WithName("GetVisit");
        v.MapPost("/", LogVisit).WithName("LogVisit").WithSummary("Log a home visit, with the demand the resident raised if any (saved together or not at all).");
        v.MapPost("/{id:int}/produced", Produced).WithName("LinkVisitResults").WithSummary("Record the case and the hidden danger the visit produced, by their codes.");
        return app;
    }

    private static async Task<Ok<Page<CampaignListItem>>> ListCampaigns(
        AppDb db, LocalClock clock, string? q, CampaignPhase? phase, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await CampaignQueries.ListAsync(db, q, phase, clock.Today, page, pageSize, ct));

    private static async Task<Results<Ok<CampaignDto>, NotFound>> GetCampaign(AppDb db, int id, CancellationToken ct) =>
        await CampaignQueries.GetAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<CampaignDto>, ValidationProblem>> CreateCampaign(AppDb db, ChecksFactory checks, CampaignInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var campaign = await CampaignCommands.CreateAsync(db, c, i, ct);
        return campaign is null
            ? c.Problem()
            : TypedResults.Created($"/api/campaigns/{campaign.Id}", (await CampaignQueries.GetAsync(db, campaign.Id, ct))!);
    }

    private static async Task<Results<Ok<CoverageDto>, NotFound>> Coverage(AppDb db, LocalClock clock, int id, CancellationToken ct) =>
        await CampaignCoverage.ScopeAsync(db, id, ct) is { } scope
            ? TypedResults.Ok(await CampaignCoverage.CoverageAsync(db, scope, clock.Today, ct))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<Page<TargetHouseholdDto>>, NotFound>> Households(
        AppDb db, LocalClock clock, int id, TargetShow? show, string? area, int? officer, int? page, int? pageSize, CancellationToken ct)
    {
        if (await CampaignCoverage.ScopeAsync(db, id, ct) is not { } scope)
        {
            return TypedResults.NotFound();
        }
        string[]? officerPaths = null;
        if (officer is not null)
        {
            officerPaths = [.. (await CampaignCoverage.FieldPostsAsync(db, scope.Paths, clock.Today, officer, ct)).Select(p => p.AreaPath)];
        }
        return TypedResults.Ok(await CampaignCoverage.Households(db, scope, show ?? TargetShow.NotVisited, area, officerPaths).ToPageAsync(page, pageSize, ct));
    }

    private static Task<Results<Ok<Page<TargetHouseholdDto>>, NotFound>> NotVisited(
        AppDb db, LocalClock clock, int id, string? area, int? page, int? pageSize, CancellationToken ct) =>
        Households(db, clock, id, TargetShow.NotVisited, area, null, page, pageSize, ct);

    private static async Task<Ok<Page<VisitDto>>> ListVisits(
        AppDb db, string? area, string? q, int? campaign, int? officer, int? household, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await VisitQueries.Project(db, VisitQueries.Filter(db, area, q, campaign, officer, household)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<VisitDto>, NotFound>> GetVisit(AppDb db, int id, CancellationToken ct) =>
        await VisitQueries.GetAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<VisitDto>, ValidationProblem>> LogVisit(
        AppDb db, ChecksFactory checks, LocalClock clock, VisitInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var visit = await VisitCommands.LogAsync(db, c, clock, i, ct);
        return visit is null
            ? c.Problem()
            : TypedResults.Created($"/api/visits/{visit.Id}", (await VisitQueries.GetAsync(db, visit.Id, ct))!);
    }

    private static async Task<Results<Ok<VisitDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Produced(
        AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, VisitLinksInput i, CancellationToken ct)
    {
        var c = checks.Create();
        return await VisitCommands.LinkAsync(db, c, id, i, ct) switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.Conflict => Problems.Conflict(l, (await VisitQueries.GetAsync(db, id, ct))!),
            _ => TypedResults.Ok((await VisitQueries.GetAsync(db, id, ct))!),
        };
    }
}
