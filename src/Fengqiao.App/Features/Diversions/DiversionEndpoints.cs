namespace Fengqiao.Features.Diversions;

public static class DiversionEndpoints
{
    public static IEndpointRouteBuilder MapDiversions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bridges/110/incidents", DiversionIntake.Receive).AllowAnonymous().DisableAntiforgery().WithTags("110 diversions")
            .WithName("ReceiveIncident")
            .WithSummary("110 delivers a call that is not a police matter (signed: X-Fengqiao-Timestamp, X-Fengqiao-Signature: sha256=HMAC over \"timestamp.body\"). Idempotent on incidentNumber: a re-delivery answers 200 with the same diversion.");

        var g = app.MapGroup("/api/diversions").WithTags("110 diversions").RequireAuthorization(Policies.Staff);
        g.MapGet("/", List).WithName("ListDiversions").WithSummary("Diversions in the caller's jurisdiction: status, timing (InTime, Late), overdue, area, search (incident number, summary, department) and sort.");
        g.MapGet("/figures", Figures).WithName("DiversionFigures").WithSummary("Diverted, answered in time, answered late, returned and open overdue, for an area and each area below it.");
        g.MapGet("/{id:int}", Get).WithName("GetDiversion").WithSummary("The diversion with its timeline and what the station may do to it.");
        g.MapPost("/{id:int}/redivert", Redivert).WithName("RedivertDiversion").WithSummary("Send a returned diversion to another kind (and its department).");
        g.MapPost("/{id:int}/police", Police).WithName("TakeDiversionAsPoliceMatter").WithSummary("Take a returned diversion back as a police matter, with a note.");
        g.MapGet("/kinds", Kinds).WithName("ListDiversionKinds").WithSummary("The diversion catalogue.");
        g.MapPost("/kinds", AddKind).WithName("AddDiversionKind").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        g.MapPut("/kinds/{id:int}", EditKind).WithName("EditDiversionKind").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        return app;
    }

    private static async Task<Ok<Page<DiversionRow>>> List(AppDb db, LocalClock clock, DiversionStatus? status, DiversionTiming? timing, bool? overdue,
        string? area, string? q, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await DiversionQueries.ListAsync(db, new DiversionFilter(status, timing, overdue, area, q, sort), clock.Today, page, pageSize, ct));

    private static async Task<Results<Ok<DiversionFigureTable>, NotFound>> Figures(AppDb db, LocalClock clock, string? area, CancellationToken ct) =>
        await DiversionFigures.ForAsync(db, area, clock.Today, ct) is { } table ? TypedResults.Ok(table) : TypedResults.NotFound();

    private static async Task<Results<Ok<DiversionDetail>, NotFound>> Get(AppDb db, LocalClock clock, int id, CancellationToken ct) =>
        await DiversionQueries.DetailAsync(db, id, clock.Today, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<DiversionDetail>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Redivert(
        AppDb db, StationDesk desk, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, RedivertInput i, CancellationToken ct)
    {
        var c = checks.Create();
        return await AnswerAsync(db, clock, l, c, id, await desk.RedivertAsync(c, id, i, ct), ct);
    }

    private static async Task<Results<Ok<DiversionDetail>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Police(
        AppDb db, StationDesk desk, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, PoliceMatterInput i, CancellationToken ct)
    {
        var c = checks.Create();
        return await AnswerAsync(db, clock, l, c, id, await desk.TakeAsPoliceAsync(c, id, i, ct), ct);
    }

    private static async Task<Results<Ok<DiversionDetail>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> AnswerAsync(
        AppDb db, LocalClock clock, IStringLocalizer<SharedResource> l, Checks c, int id, DiversionChange change, CancellationToken ct) =>
        change.Outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.WrongState => Problems.Duplicate(l, "A diversion that is {0} cannot be changed this way.", l.Enum(change.Status)),
            ChangeOutcome.Conflict => Problems.Conflict(l, await DiversionQueries.DetailAsync(db, id, clock.Today, ct)),
            _ => TypedResults.Ok((await DiversionQueries.DetailAsync(db, id, clock.Today, ct))!),
        };

    private static async Task<Ok<List<KindRow>>> Kinds(AppDb db, FieldProtector protector, CancellationToken ct) =>
        TypedResults.Ok(await KindCommands.ListAsync(db, protector, ct));

    private static Task<Results<Ok<KindRow>, ValidationProblem, Conflict<ProblemDetails>>> AddKind(
        AppDb db, ChecksFactory checks, FieldProtector protector, IStringLocalizer<SharedResource> l, KindInput i, CancellationToken ct) =>
        SaveKindAsync(db, checks, protector, l, null, i, ct);

    private static Task<Results<Ok<KindRow>, ValidationProblem, Conflict<ProblemDetails>>> EditKind(
        AppDb db, ChecksFactory checks, FieldProtector protector, IStringLocalizer<SharedResource> l, int id, KindInput i, CancellationToken ct) =>
        SaveKindAsync(db, checks, protector, l, id, i, ct);

    private static async Task<Results<Ok<KindRow>, ValidationProblem, Conflict<ProblemDetails>>> SaveKindAsync(
        AppDb db, ChecksFactory checks, FieldProtector protector, IStringLocalizer<SharedResource> l, int? id, KindInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var (kind, conflict) = await KindCommands.SaveAsync(db, c, protector, id, i, ct);
        if (conflict)
        {
            return Problems.Conflict(l, (await KindCommands.ListAsync(db, protector, ct)).FirstOrDefault(k => k.Id == id));
        }
        return kind is null ? c.Problem() : TypedResults.Ok((await KindCommands.ListAsync(db, protector, ct)).First(k => k.Id == kind.Id));
    }
}
