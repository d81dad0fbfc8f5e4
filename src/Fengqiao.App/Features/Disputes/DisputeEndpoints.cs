using Fengqiao.Features.Calendar;
using Fengqiao.Features.Disputes.Documents;

namespace Fengqiao.Features.Disputes;

public static class DisputeEndpoints
{
    public static IEndpointRouteBuilder MapDisputes(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/disputes").WithTags("Disputes").RequireAuthorization(Policies.Staff);
        g.MapGet("/", List).WithName("ListDisputes")
            .WithSummary("Worklists (view=Mine|Station|DueSoon|Overdue|Supervised) with filters, search (Chinese substring), sorting and paging.");
        g.MapGet("/stats", Stats).WithName("DisputeStats").WithSummary("Investigated, resolved, resolution rate and overdue for an area subtree and period, from the timeline.");
        g.MapGet("/categories", (DisputeCategories c) => TypedResults.Ok(c.All)).WithName("DisputeCategories");
        g.MapGet("/repeats", Repeats).WithName("FindRepeats").WithSummary("Open or recent cases with the same party or address.");
        g.MapGet("/{id:int}", Get).WithName("GetDispute").WithSummary("The case page: parties, sessions, agreement, follow-ups and the timeline.");
        g.MapGet("/{id:int}/timeline", Timeline).WithName("DisputeTimeline").WithSummary("The case's whole timeline, a page at a time, oldest first (the detail carries the latest 50).");
        g.MapPost("/", Register).WithName("RegisterDispute");
        g.MapPut("/{id:int}", (DisputeWorkflow w, int id, EditInput i, CancellationToken ct) => Run(w, id, () => w.EditAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/assign", (DisputeWorkflow w, int id, AssignInput i, CancellationToken ct) => Run(w, id, () => w.AssignAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/sessions", (DisputeWorkflow w, int id, SessionInput i, CancellationToken ct) => Run(w, id, () => w.RecordSessionAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/resolve", (DisputeWorkflow w, int id, AgreementInput i, CancellationToken ct) => Run(w, id, () => w.ResolveAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/refer", (DisputeWorkflow w, int id, ReferInput i, CancellationToken ct) => Run(w, id, () => w.ReferAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/referral-answer", (DisputeWorkflow w, int id, ReferralAnswerInput i, CancellationToken ct) => Run(w, id, () => w.AnswerReferralAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/suspend", (DisputeWorkflow w, int id, ReasonInput i, CancellationToken ct) => Run(w, id, () => w.SuspendAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/resume", (DisputeWorkflow w, int id, VersionInput i, CancellationToken ct) => Run(w, id, () => w.ResumeAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/not-resolvable", (DisputeWorkflow w, int id, ReasonInput i, CancellationToken ct) => Run(w, id, () => w.MarkNotResolvableAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/follow-ups", (DisputeWorkflow w, int id, FollowUpInput i, CancellationToken ct) => Run(w, id, () => w.FollowUpAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/close", (DisputeWorkflow w, int id, ReasonInput i, CancellationToken ct) => Run(w, id, () => w.CloseAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/reopen", (DisputeWorkflow w, int id, ReasonInput i, CancellationToken ct) => Run(w, id, () => w.ReopenAsync(id, i, ct), ct));
        g.MapPost("/{id:int}/judicial-confirmation", (DisputeWorkflow w, int id, VersionInput i, CancellationToken ct) => Run(w, id, () => w.RequestJudicialConfirmationAsync(id, i, ct), ct));
        g.MapDisputeDocuments();
        return app;
    }

    /// <summary>Every workflow action answers the same way: the case as it now is, or why not.</summary>
    internal static async Task<IResult> Run(DisputeWorkflow w, int id, Func<Task<WorkflowOutcome>> action, CancellationToken ct)
    {
        var outcome = await action();
        var db = w.Db;
        return outcome.Status switch
        {
            WorkflowStatus.Ok => TypedResults.Ok(await DisputeQueries.DetailAsync(db, id, ct)),
            WorkflowStatus.NotFound => TypedResults.NotFound(),
            WorkflowStatus.Invalid => outcome.Checks!.Problem(),
            WorkflowStatus.Illegal => TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = outcome.Message,
                Extensions = { ["allowedActions"] = (await DisputeQueries.DetailAsync(db, id, ct))?.AllowedActions },
            }),
            _ => await ConflictAsync(w, id, outcome.StaleVersion ?? 0, ct),
        };
    }

    private static async Task<IResult> ConflictAsync(DisputeWorkflow w, int id, long staleVersion, CancellationToken ct)
    {
        var current = await DisputeQueries.DetailAsync(w.Db, id, ct);
        var (missed, missedTotal) = await DisputeQueries.LatestAsync(w.Db, id, staleVersion, ct);
        return TypedResults.Conflict(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = w.Localizer["Someone else changed this case while you were editing it. Review the current version and try again."],
            Extensions = { ["current"] = current, ["missedChanges"] = missed, ["missedTotal"] = missedTotal },
        });
    }

    private static async Task<Ok<Page<DisputeListItem>>> List(
        AppDb db, LocalClock clock, CalendarService calendar, [AsParameters] DisputeListQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var filter = query.ToFilter();
        var q = DisputeQueries.Filter(db, filter, today, calendar.Current.AddWorkingDays(today, DisputeQueries.DueSoonWorkingDays));
        return TypedResults.Ok(await DisputeQueries.PageAsync(db, q, query.Page, query.PageSize, ct));
    }

    private static async Task<Results<Ok<Page<EventDto>>, NotFound>> Timeline(AppDb db, int id, int? page, int? pageSize, CancellationToken ct) =>
        await DisputeQueries.TimelinePageAsync(db, id, page, pageSize, ct) is { } events ? TypedResults.Ok(events) : TypedResults.NotFound();

    private static async Task<Results<Ok<DisputeDetail>, NotFound>> Get(AppDb db, int id, CancellationToken ct) =>
        await DisputeQueries.DetailAsync(db, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<DisputeDetail>, Ok<DisputeDetail>, ValidationProblem>> Register(
        AppDb db, ChecksFactory checks, DisputeRegistration registration, RegisterInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var (d, merged) = await registration.RegisterAsync(c, input, ct);
        if (d is null)
        {
            return c.Problem();
        }
        var detail = (await DisputeQueries.DetailAsync(db, d.Id, ct))!;
        return merged ? TypedResults.Ok(detail) : TypedResults.Created($"/api/disputes/{d.Id}", detail);
    }

    private static async Task<Ok<IReadOnlyList<RepeatCandidate>>> Repeats(DisputeRegistration registration, string[]? party, string? address, CancellationToken ct) =>
        TypedResults.Ok(await registration.FindRepeatsAsync(party ?? [], address, ct));

    private static async Task<Results<Ok<DisputeStats>, NotFound, ValidationProblem>> Stats(
        AppDb db, LocalClock clock, ChecksFactory checks, string? area, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = clock.Today;
        var (f, t) = (from ?? new DateOnly(today.Year, 1, 1), to ?? today);
        var c = checks.Create().When(t < f, "to", "The end date cannot be before the start date.");
        if (!c.Ok)
        {
            return c.Problem();
        }
        return await DisputeQueries.StatsAsync(db, area, f, t, today, ct) is { } stats ? TypedResults.Ok(stats) : TypedResults.NotFound();
    }
}

public sealed class DisputeListQuery
{
    public Worklist? View { get; set; }
    public DisputeStatus? Status { get; set; }
    public string? Category { get; set; }
    public RiskColour? Risk { get; set; }
    public DisputeSource? Source { get; set; }
    public string? Area { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public DateOnly? ResolvedFrom { get; set; }
    public DateOnly? ResolvedTo { get; set; }
    public string? Q { get; set; }
    public string? Sort { get; set; }
    /// <summary>Only the cases found on this campaign's visits.</summary>
    public int? Campaign { get; set; }
    /// <summary>Only resolved cases (true) or only those not resolved (false).</summary>
    public bool? Resolved { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public DisputeFilter ToFilter() => new(View, Status, Category, Risk, Source, Area, From, To, ResolvedFrom, ResolvedTo, Q, Sort, Campaign, Resolved);
}
