using Fengqiao.Features.Areas;
using Fengqiao.Features.Visits;
using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Dangers;

public sealed record DangerInput(DangerKind? Kind, string? Description, string? Address, string? AreaCode, int? DisputeId, string? ResponsibleParty, DateOnly? RectifyBy,
    Guid? ClientId = null);

public sealed record RectifyInput(DateOnly? RectifiedOn, string? RectifiedBy, string? Note, long? Version);

public sealed record DangerDto(
    int Id, string Code, DangerKind Kind, string Description, string? Address, string AreaCode, string ResponsibleParty, DateOnly RectifyBy,
    DangerStatus Status, int? DisputeId, string? DisputeCode, string? FoundByZh, string? FoundByEn, DateOnly FoundOn,
    DateOnly? RectifiedOn, string? RectifiedBy, string? RectificationNote, DateOnly? VerifiedOn, string? VerifiedByZh, string? VerifiedByEn,
    DateOnly? ReferredOn, string? PartyAnswer, RiskColour? Risk, string? Measures, string? AssessedByZh, string? AssessedByEn, long Version);

/// <summary>One step of a danger's history: what happened, when, by whom, and what it set (a date, a risk level).</summary>
public sealed record DangerEventDto(long Id, DangerEventType Type, DateTimeOffset At, string? ActorName, DangerStatus ToStatus, string? Note, DateOnly? DueDate, RiskColour? Risk)
    : ITimelineEvent<DangerEventType>;

public static class DangerEndpoints
{
    public static IEndpointRouteBuilder MapDangers(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/dangers").WithTags("Hidden dangers").RequireAuthorization(Policies.Staff);
        g.MapGet("/", List).WithName("ListDangers");
        g.MapGet("/{id:int}", Get).WithName("GetDanger");
        g.MapPost("/", Open).WithName("OpenDanger").WithSummary("Record a hidden danger, on its own or from a dispute.");
        g.MapGet("/{id:int}/history", History).WithName("GetDangerHistory").WithSummary("Every step of the danger, oldest first: who did what, when.");
        g.MapPost("/{id:int}/refer", Refer).WithName("ReferDanger").WithSummary("Hand it to the party who must remove it, with a date.");
        g.MapPost("/{id:int}/answer", PartyAnswer).WithName("RecordPartyAnswer").WithSummary("What the responsible party answered, and the date they promise.");
        g.MapPost("/{id:int}/assess", Assess).WithName("AssessDanger").WithSummary("The judgement (研判): risk level and measures, by the signed-in officer.");
        g.MapPost("/{id:int}/reopen", Reopen).WithName("ReopenDanger").WithSummary("A verified danger has come back: open again with a new deadline.");
        g.MapPost("/{id:int}/rectify", Rectify).WithName("RectifyDanger").WithSummary("The responsible party has removed it; it waits for verification.");
        g.MapPost("/{id:int}/verify", Verify).WithName("VerifyDanger").WithSummary("Someone has seen that it is gone: the danger closes.");
        g.MapPost("/{id:int}/reject", Reject).WithName("RejectRectification").WithSummary("It is not gone: back to open.");
        return app;
    }

    internal static IQueryable<DangerDto> Project(IQueryable<Danger> q) =>
        q.Select(d => new DangerDto(d.Id, d.Code, d.Kind, d.Description, d.Address,
            d.Area!.Code,
            d.ResponsibleParty, d.RectifyBy, d.Status, d.DisputeId, d.Dispute != null ? d.Dispute.Code : null,
            d.FoundBy != null ? d.FoundBy.NameZh : null, d.FoundBy != null ? d.FoundBy.NameEn : null, d.FoundOn,
            d.RectifiedOn, d.RectifiedBy, d.RectificationNote, d.VerifiedOn,
            d.VerifiedBy != null ? d.VerifiedBy.NameZh : null, d.VerifiedBy != null ? d.VerifiedBy.NameEn : null,
            d.ReferredOn, d.PartyAnswer, d.Risk, d.Measures, d.AssessedBy != null ? d.AssessedBy.NameZh : null, d.AssessedBy != null ? d.AssessedBy.NameEn : null, d.Version));

    internal static Task<List<DangerEventDto>> HistoryAsync(AppDb db, int id, CancellationToken ct) =>
        db.DangerEvents.AsNoTracking().Where(e => e.DangerId == id).OrderBy(e => e.Id)
            .Select(e => new DangerEventDto(e.Id, e.Type, e.At, e.ActorName, e.ToStatus, e.Note, e.DueDate, e.Risk)).ToListAsync(ct);

    internal static IQueryable<Danger> Filter(AppDb db, DangerStatus? status, bool? overdue, string? area, string? q, DateOnly today, int? campaign = null)
    {
        var query = db.Dangers.AsNoTracking();
        if (campaign is not null)
        {
            query = query.Where(d => db.Set<Visit>().Any(v => v.CampaignId == campaign && v.DangerId == d.Id));
        }
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }
        if (overdue == true)
        {
            query = query.Where(d => d.Status == DangerStatus.Open && d.RectifyBy < today);
        }
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area);
            query = query.UnderPath(d => d.AreaPath, prefix);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(d => EF.Functions.Like(d.Description, like, "\\") || EF.Functions.Like(d.ResponsibleParty, like, "\\") || d.Code == q.Trim());
        }
        return query.OrderBy(d => d.Status).ThenBy(d => d.RectifyBy);
    }

    private static async Task<Ok<Page<DangerDto>>> List(
        AppDb db, LocalClock clock, DangerStatus? status, bool? overdue, string? area, string? q, int? campaign, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Project(Filter(db, status, overdue, area, q, clock.Today, campaign)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<DangerDto>, NotFound>> Get(AppDb db, int id, CancellationToken ct) =>
        await Project(db.Dangers.AsNoTracking().Where(d => d.Id == id)).FirstOrDefaultAsync(ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<DangerDto>, ValidationProblem>> Open(
        AppDb db, ChecksFactory checks, DisputeWorkflow workflow, LocalClock clock, DangerInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var danger = await DangerCommands.OpenAsync(db, c, workflow, clock, i, ct);
        return danger is null
            ? c.Problem()
            : TypedResults.Created($"/api/dangers/{danger.Id}", await Project(db.Dangers.Where(d => d.Id == danger.Id)).FirstAsync(ct));
    }

    private static async Task<Results<Ok<List<DangerEventDto>>, NotFound>> History(AppDb db, int id, CancellationToken ct) =>
        await db.Dangers.AnyAsync(d => d.Id == id, ct) ? TypedResults.Ok(await HistoryAsync(db, id, ct)) : TypedResults.NotFound();

    private static Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Refer(
        AppDb db, ChecksFactory checks, DisputeWorkflow w, LocalClock clock, IStringLocalizer<SharedResource> l, int id, ReferDangerInput i, CancellationToken ct) =>
        Answer(db, l, id, DangerCommands.ReferAsync(db, checks.Create(), w, clock, id, i, ct), ct);

    private static Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> PartyAnswer(
        AppDb db, ChecksFactory checks, DisputeWorkflow w, LocalClock clock, IStringLocalizer<SharedResource> l, int id, PartyAnswerInput i, CancellationToken ct) =>
        Answer(db, l, id, DangerCommands.AnswerAsync(db, checks.Create(), w, clock, id, i, ct), ct);

    private static Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Assess(
        AppDb db, ChecksFactory checks, DisputeWorkflow w, LocalClock clock, IStringLocalizer<SharedResource> l, int id, AssessDangerInput i, CancellationToken ct) =>
        Answer(db, l, id, DangerCommands.AssessAsync(db, checks.Create(), w, clock, id, i, ct), ct);

    private static Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Reopen(
        AppDb db, ChecksFactory checks, DisputeWorkflow w, LocalClock clock, IStringLocalizer<SharedResource> l, int id, ReferDangerInput i, CancellationToken ct) =>
        Answer(db, l, id, DangerCommands.ReopenAsync(db, checks.Create(), w, clock, id, i, ct), ct);

    private static Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Rectify(
        AppDb db, ChecksFactory checks, DisputeWorkflow w, LocalClock clock, IStringLocalizer<SharedResource> l, int id, RectifyInput i, CancellationToken ct) =>
        Answer(db, l, id, DangerCommands.RectifyAsync(db, checks.Create(), w, clock, id, i, ct), ct);

    private static Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Verify(
        AppDb db, ChecksFactory checks, DisputeWorkflow w, LocalClock clock, IStringLocalizer<SharedResource> l, int id, VersionInput i, CancellationToken ct) =>
        Answer(db, l, id, DangerCommands.VerifyAsync(db, checks.Create(), w, clock, id, i.Version, ct), ct);

    private static Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Reject(
        AppDb db, ChecksFactory checks, DisputeWorkflow w, LocalClock clock, IStringLocalizer<SharedResource> l, int id, ReasonInput i, CancellationToken ct) =>
        Answer(db, l, id, DangerCommands.RejectAsync(db, checks.Create(), w, clock, id, i, ct), ct);

    private static async Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Answer(
        AppDb db, IStringLocalizer<SharedResource> l, int id, Task<DangerChange> change, CancellationToken ct)
    {
        var result = await change;
        return result.Outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => result.Checks!.Problem(),
            ChangeOutcome.WrongState => Problems.Duplicate(l, "A danger that is {0} cannot be changed this way.", l.Enum(result.Status)),
            ChangeOutcome.Conflict => Problems.Conflict(l, await Project(db.Dangers.AsNoTracking().Where(x => x.Id == id)).FirstAsync(ct)),
            _ => TypedResults.Ok(await Project(db.Dangers.AsNoTracking().Where(x => x.Id == id)).FirstAsync(ct)),
        };
    }
}
