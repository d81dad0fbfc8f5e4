namespace Fengqiao.Features.Open311;

/// <summary>The station's worklist of residents' reports, and turning each into work.</summary>
public static class RequestEndpoints
{
    public static IEndpointRouteBuilder MapResidentRequests(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/requests").WithTags("Resident reports").RequireAuthorization(Policies.Staff);
        g.MapGet("/", List).WithSummary("Reports routed to your jurisdiction; status=Submitted for the ones waiting.");
        g.MapPost("/{id:int}/triage", Triage).WithSummary("action = dispute | danger | demand | tip | close (with reason).");
        return app;
    }

    internal static IQueryable<ResidentRequest> Filter(AppDb db, RequestStatus? status) =>
        (status is null ? db.ResidentRequests.AsNoTracking() : db.ResidentRequests.AsNoTracking().Where(r => r.Status == status))
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);

    private static async Task<Ok<Page<RequestRow>>> List(AppDb db, RequestStatus? status, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await RequestTriage.Rows(Filter(db, status)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<RequestRow>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Triage(
        AppDb db, RequestTriage triage, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, TriageInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var outcome = await triage.TriageAsync(c, id, input, ct);
        return outcome switch
        {
            ChangeOutcome.Ok => TypedResults.Ok(await RequestTriage.Rows(db.ResidentRequests.Where(r => r.Id == id)).FirstAsync(ct)),
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.WrongState => Problems.Duplicate(l, "This report has already been dealt with."),
            _ => Problems.Duplicate(l, "Someone else changed this record while you were editing it. Review the current version and try again."),
        };
    }
}
