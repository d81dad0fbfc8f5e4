using Fengqiao.Features.Calendar;

namespace Fengqiao.Features.Demands;

public static class DemandEndpoints
{
    public static IEndpointRouteBuilder MapDemands(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/demands").WithTags("Demands and referrals").RequireAuthorization(Policies.Staff);
        g.MapGet("/", List).WithName("ListDemands")
            .WithSummary("Demands with filters (status, category, overdue referral, area), search (description, code, household) and paging.");
        g.MapGet("/counts", Counts).WithName("CountDemands").WithSummary("How many demands are in each state, and how many wait on an overdue referral.");
        g.MapGet("/{id:int}", Get).WithName("GetDemand").WithSummary("The demand with its referrals and the actions it allows.");
        g.MapGet("/{id:int}/units", UnitsFor).WithName("DemandReferralUnits")
            .WithSummary("The units the demand can be referred to: its community committee, the street office, the province's co-building departments and every unit above or inside its area.");
        g.MapPost("/", Create).WithName("CreateDemand");
        g.MapPost("/{id:int}/refer", Refer).WithName("ReferDemand").WithSummary("Refer to a unit; the answer is due in 10 working days unless dueOn is given.");
        g.MapPost("/{id:int}/answer", Answer).WithName("AnswerDemand").WithSummary("Record the answer of the unit it was referred to.");
        g.MapPost("/{id:int}/close", Close).WithName("CloseDemand").WithSummary("Close with the resident's satisfaction (1–5); from Open with a note on how it was answered on the spot.");
        g.MapPost("/{id:int}/link-project", Link).WithName("LinkDemandToProject").WithSummary("The resident joins a community project: the demand is answered.");

        var p = app.MapGroup("/api/projects").WithTags("Community projects").RequireAuthorization(Policies.Staff);
        p.MapGet("/", ListProjects).WithName("ListProjects");
        p.MapGet("/{id:int}", GetProject).WithName("GetProject").WithSummary("The project with its members, orders (and their totals) and the demands it answered.");
        p.MapPost("/", CreateProject).WithName("CreateProject");
        p.MapPost("/{id:int}/members", AddMember).WithName("AddProjectMember");
        p.MapPost("/{id:int}/orders", AddOrder).WithName("AddProjectOrder");
        return app;
    }

    private static async Task<Ok<Page<DemandDto>>> List(
        AppDb db, LocalClock clock, DemandStatus? status, DemandCategory? category, bool? overdue, string? area, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await DemandQueries.ToDto(DemandQueries.Filter(db, new DemandFilter(status, category, overdue, area, q), clock.Today)).ToPageAsync(page, pageSize, ct));

    private static async Task<Ok<DemandCounts>> Counts(AppDb db, LocalClock clock, string? area, CancellationToken ct) =>
        TypedResults.Ok(await DemandQueries.CountsAsync(db, area, clock.Today, ct));

    private static async Task<Results<Ok<DemandDetail>, NotFound>> Get(AppDb db, LocalClock clock, int id, CancellationToken ct) =>
        await DemandQueries.DetailAsync(db, id, clock.Today, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<DemandUnitOption>>, NotFound>> UnitsFor(AppDb db, int id, CancellationToken ct)
    {
        var path = await db.Demands.AsNoTracking().Where(d => d.Id == id).Select(d => d.AreaPath).FirstOrDefaultAsync(ct);
        return path is null ? TypedResults.NotFound() : TypedResults.Ok(await DemandQueries.ReferralOptionsAsync(db, path, ct));
    }

    private static async Task<Results<Created<DemandDetail>, ValidationProblem>> Create(
        AppDb db, ChecksFactory checks, LocalClock clock, DemandInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var demand = await DemandCommands.CreateAsync(db, c, clock, i, ct);
        return demand is null
            ? c.Problem()
            : TypedResults.Created($"/api/demands/{demand.Id}", (await DemandQueries.DetailAsync(db, demand.Id, clock.Today, ct))!);
    }

    private static async Task<Results<Ok<DemandDetail>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Refer(
        AppDb db, ChecksFactory checks, LocalClock clock, CalendarService calendar, IStringLocalizer<SharedResource> l, int id, DemandReferInput i, CancellationToken ct) =>
        await AnswerWithAsync(db, clock, l, id, await DemandCommands.ReferAsync(db, checks.Create(), clock, calendar.Current, id, i, ct), ct);

    private static async Task<Results<Ok<DemandDetail>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Answer(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, DemandAnswerInput i, CancellationToken ct) =>
        await AnswerWithAsync(db, clock, l, id, await DemandCommands.AnswerAsync(db, checks.Create(), clock, id, i, ct), ct);

    private static async Task<Results<Ok<DemandDetail>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Close(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, DemandCloseInput i, CancellationToken ct) =>
        await AnswerWithAsync(db, clock, l, id, await DemandCommands.CloseAsync(db, checks.Create(), clock, id, i, ct), ct);

    private static async Task<Results<Ok<DemandDetail>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Link(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, DemandLinkInput i, CancellationToken ct) =>
        await AnswerWithAsync(db, clock, l, id, await DemandCommands.LinkProjectAsync(db, checks.Create(), clock, l, id, i, ct), ct);

    /// <summary>Every action answers the same way: the demand as it now is, or why not (409 with the current demand when someone saved first).</summary>
    private static async Task<Results<Ok<DemandDetail>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> AnswerWithAsync(
        AppDb db, LocalClock clock, IStringLocalizer<SharedResource> l, int id, DemandChange result, CancellationToken ct) =>
        result.Outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => result.Checks!.Problem(),
            ChangeOutcome.WrongState => Problems.Duplicate(l, "A demand that is {0} cannot be changed this way.", l.Enum(result.Status)),
            ChangeOutcome.Conflict => Problems.Conflict(l, await DemandQueries.DetailAsync(db, id, clock.Today, ct)),
            _ => TypedResults.Ok((await DemandQueries.DetailAsync(db, id, clock.Today, ct))!),
        };

    private static async Task<Ok<Page<CommunityProjectDto>>> ListProjects(AppDb db, string? area, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await ProjectQueries.ToDto(ProjectQueries.Filter(db, area, q)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<CommunityProjectDetail>, NotFound>> GetProject(AppDb db, int id, CancellationToken ct) =>
        await ProjectQueries.DetailAsync(db, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<CommunityProjectDetail>, ValidationProblem>> CreateProject(
        AppDb db, ChecksFactory checks, LocalClock clock, CommunityProjectInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var project = await ProjectCommands.CreateAsync(db, c, clock, i, ct);
        return project is null
            ? c.Problem()
            : TypedResults.Created($"/api/projects/{project.Id}", (await ProjectQueries.DetailAsync(db, project.Id, ct))!);
    }

    private static async Task<Results<Ok<CommunityProjectDetail>, NotFound, ValidationProblem>> AddMember(
        AppDb db, ChecksFactory checks, LocalClock clock, int id, ProjectMemberInput i, CancellationToken ct)
    {
        var c = checks.Create();
        return await ProjectCommands.AddMemberAsync(db, c, clock, id, i, ct) switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            _ => TypedResults.Ok((await ProjectQueries.DetailAsync(db, id, ct))!),
        };
    }

    private static async Task<Results<Ok<CommunityProjectDetail>, NotFound, ValidationProblem>> AddOrder(
        AppDb db, ChecksFactory checks, LocalClock clock, int id, ProjectOrderInput i, CancellationToken ct)
    {
        var c = checks.Create();
        return await ProjectCommands.AddOrderAsync(db, c, clock, id, i, ct) switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            _ => TypedResults.Ok((await ProjectQueries.DetailAsync(db, id, ct))!),
        };
    }
}
