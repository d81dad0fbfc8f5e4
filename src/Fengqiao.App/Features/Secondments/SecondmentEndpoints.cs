using Fengqiao.Features.People;
using Fengqiao.Features.Units;
using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Secondments;

public sealed record SecondmentDto(
    int Id, int PersonId, string PersonNameZh, string PersonNameEn,
    int FromUnitId, string FromUnitNameZh, string FromUnitNameEn,
    int ToUnitId, string ToUnitNameZh, string ToUnitNameEn,
    int MentorId, string MentorNameZh, string MentorNameEn,
    DateOnly StartDate, DateOnly EndDate, DateOnly? EndedOn, string? Notes, string? RequestedBy, DateOnly? ConfirmedOn, string? ConfirmedBy, long Version);

/// <summary>An organ's officer as the directory shows them to a receiving station: a name and a home unit, nothing more.</summary>
public sealed record CandidateDto(int Id, string NameZh, string NameEn, int HomeUnitId, string HomeUnitNameZh, string HomeUnitNameEn);

public sealed record EndSecondmentInput(DateOnly? EndedOn, long? Version);

public static class SecondmentEndpoints
{
    public static IEndpointRouteBuilder MapSecondments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/secondments").WithTags("Secondments").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).WithName("ListSecondments").WithSummary("Officers sent down to stations, with their mentors.");
        group.MapGet("/{id:int}", Get).WithName("GetSecondment");
        group.MapGet("/candidates", Candidates).RequireAuthorization(Policies.ManageStaff).WithName("FindSecondmentCandidates")
            .WithSummary("Search the staff of the provincial and city organs by name: who a station may ask to be sent down.");
        group.MapPost("/{id:int}/confirm", Confirm).RequireAuthorization(Policies.ManageStaff).WithName("ConfirmSecondment")
            .WithSummary("The sending side confirms a secondment a receiving station proposed; the officer's post at the station begins.");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageStaff).WithName("CreateSecondment");
        group.MapPut("/{id:int}", Update).RequireAuthorization(Policies.ManageStaff).WithName("UpdateSecondment");
        group.MapPost("/{id:int}/end", End).RequireAuthorization(Policies.ManageStaff).WithName("EndSecondment");
        group.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.ManageStaff).WithName("DeleteSecondment");
        return app;
    }

    internal static IQueryable<SecondmentDto> Project(IQueryable<Secondment> q) =>
        q.Select(s => new SecondmentDto(s.Id, s.PersonId, s.Person!.NameZh, s.Person.NameEn,
            s.FromUnitId, s.FromUnit!.NameZh, s.FromUnit.NameEn, s.ToUnitId, s.ToUnit!.NameZh, s.ToUnit.NameEn,
            s.MentorId, s.Mentor!.NameZh, s.Mentor.NameEn, s.StartDate, s.EndDate, s.EndedOn, s.Notes, s.RequestedBy, s.ConfirmedOn, s.ConfirmedBy, s.Version));

    internal static IQueryable<Secondment> Filter(AppDb db, int? unit, bool? active, DateOnly today, string? q, string? sort, bool? confirmed = null)
    {
        var query = db.Secondments.AsNoTracking();
        if (confirmed is not null)
        {
            query = confirmed.Value ? query.Where(s => s.ConfirmedOn != null) : query.Where(s => s.ConfirmedOn == null);
        }
        if (unit is not null)
        {
            query = query.Where(s => s.ToUnitId == unit || s.FromUnitId == unit);
        }
        if (active is not null)
        {
            query = active.Value
                ? query.Where(s => s.StartDate <= today && (s.EndedOn ?? s.EndDate) >= today)
                : query.Where(s => s.StartDate > today || (s.EndedOn ?? s.EndDate) < today);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(s => EF.Functions.Like(s.Person!.NameZh, like, "\\") || EF.Functions.Like(s.Person.NameEn, like, "\\")
                || EF.Functions.Like(s.Mentor!.NameZh, like, "\\") || EF.Functions.Like(s.Mentor.NameEn, like, "\\"));
        }
        return sort switch
        {
            "start" => query.OrderBy(s => s.StartDate).ThenBy(s => s.Id),
            "name" => query.OrderBy(s => s.Person!.NameEn),
            _ => query.OrderByDescending(s => s.StartDate).ThenBy(s => s.Id),
        };
    }

    private static async Task<Ok<Page<SecondmentDto>>> List(
        AppDb db, LocalClock clock, int? unit, bool? active, bool? confirmed, string? q, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Project(Filter(db, unit, active, clock.Today, q, sort, confirmed)).ToPageAsync(page, pageSize, ct));

    internal static Task<List<CandidateDto>> CandidatesAsync(AppDb db, string q, CancellationToken ct)
    {
        var like = Paging.LikeContains(q);
        return SecondmentRules.Directory(db)
            .Where(p => EF.Functions.Like(p.NameZh, like, "\\") || EF.Functions.Like(p.NameEn, like, "\\"))
            .OrderBy(p => p.NameEn).ThenBy(p => p.Id).Take(20)
            .Join(db.Units, p => p.HomeUnitId, u => u.Id, (p, u) => new CandidateDto(p.Id, p.NameZh, p.NameEn, u.Id, u.NameZh, u.NameEn))
            .ToListAsync(ct);
    }

    private static async Task<Results<Ok<List<CandidateDto>>, ValidationProblem>> Candidates(AppDb db, ChecksFactory checks, string? q, CancellationToken ct)
    {
        var c = checks.Create().Required("q", q, 50);
        return c.Ok ? TypedResults.Ok(await CandidatesAsync(db, q!.Trim(), ct)) : c.Problem();
    }

    private static async Task<Results<Ok<SecondmentDto>, NotFound, ValidationProblem, ForbidHttpResult, Conflict<ProblemDetails>>> Confirm(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, VersionInput input, CancellationToken ct)
    {
        var s = await db.Secondments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().When(input.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.")
            .When(s.Confirmed, "version", "This secondment is already confirmed.");
        if (!c.Ok)
        {
            return c.Problem();
        }
        if (!db.Jurisdiction.Covers(s.FromAreaPath))
        {
            return TypedResults.Forbid();
        }
        SecondmentRules.Sign(db, s, clock.Today);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SecondmentRules.SyncPostAsync(db, s, ct);
        if (!await db.SaveVersionedAsync(s, input.Version!.Value, ct))
        {
            return Problems.Conflict(l, await ReadAsync(db, id, ct));
        }
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await ReadAsync(db, id, ct));
    }

    private static Task<SecondmentDto> ReadAsync(AppDb db, int id, CancellationToken ct) =>
        Project(db.Secondments.AsNoTracking().Where(s => s.Id == id)).FirstAsync(ct);

    private static async Task<Results<Ok<SecondmentDto>, NotFound>> Get(AppDb db, int id, CancellationToken ct) =>
        await Project(db.Secondments.AsNoTracking().Where(s => s.Id == id)).FirstOrDefaultAsync(ct) is { } dto
            ? TypedResults.Ok(dto)
            : TypedResults.NotFound();

    private static async Task<Results<Created<SecondmentDto>, ValidationProblem>> Create(
        AppDb db, ChecksFactory checks, LocalClock clock, SecondmentInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var s = new Secondment { FromAreaPath = "", ToAreaPath = "" };
        if (!await SecondmentRules.ApplyAsync(db, c, s, input, ct))
        {
            return c.Problem();
        }
        SecondmentRules.Sign(db, s, clock.Today);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Secondments.Add(s);
        await db.SaveChangesAsync(ct);
        await SecondmentRules.SyncPostAsync(db, s, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/secondments/{s.Id}", await ReadAsync(db, s.Id, ct));
    }

    private static async Task<Results<Ok<SecondmentDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Update(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, SecondmentInput input, CancellationToken ct)
    {
        var s = await db.Secondments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().When(input.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok || !await SecondmentRules.ApplyAsync(db, c, s, input, ct))
        {
            return c.Problem();
        }
        SecondmentRules.Sign(db, s, clock.Today);
        await SecondmentRules.SyncPostAsync(db, s, ct);
        return await db.SaveVersionedAsync(s, input.Version!.Value, ct)
            ? TypedResults.Ok(await ReadAsync(db, id, ct))
            : Problems.Conflict(l, await ReadAsync(db, id, ct));
    }

    private static async Task<Results<Ok<SecondmentDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> End(
        AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, EndSecondmentInput input, CancellationToken ct)
    {
        var s = await db.Secondments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().When(input.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (c.Ok)
        {
            SecondmentRules.End(c, s, input.EndedOn);
        }
        if (!c.Ok)
        {
            return c.Problem();
        }
        await SecondmentRules.SyncPostAsync(db, s, ct);
        return await db.SaveVersionedAsync(s, input.Version!.Value, ct)
            ? TypedResults.Ok(await ReadAsync(db, id, ct))
            : Problems.Conflict(l, await ReadAsync(db, id, ct));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(AppDb db, int id, CancellationToken ct)
    {
        var s = await db.Secondments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Through the change tracker, not a bulk delete: every deleted row is audited and leaves the statistics.
        db.Posts.RemoveRange(await db.Posts.IgnoreQueryFilters().Where(p => p.SecondmentId == id).ToListAsync(ct));
        db.Secondments.Remove(s);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
