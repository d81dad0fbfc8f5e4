using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Localization;
using Fengqiao.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Fengqiao.Features.Dangers;

public sealed record DangerInput(DangerKind? Kind, string? Description, string? Address, string? AreaCode, int? DisputeId, string? ResponsibleParty, DateOnly? RectifyBy);

public sealed record RectifyInput(DateOnly? RectifiedOn, string? RectifiedBy, string? Note, long? Version);

public sealed record DangerDto(
    int Id, string Code, DangerKind Kind, string Description, string? Address, string AreaCode, string ResponsibleParty, DateOnly RectifyBy,
    DangerStatus Status, int? DisputeId, string? DisputeCode, string? FoundByZh, string? FoundByEn, DateOnly FoundOn,
    DateOnly? RectifiedOn, string? RectifiedBy, string? RectificationNote, DateOnly? VerifiedOn, string? VerifiedByZh, string? VerifiedByEn, long Version);

public static class DangerEndpoints
{
    public static IEndpointRouteBuilder MapDangers(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/dangers").WithTags("Hidden dangers").RequireAuthorization(Policies.Staff);
        g.MapGet("/", List).WithName("ListDangers");
        g.MapGet("/{id:int}", Get).WithName("GetDanger");
        g.MapPost("/", Open).WithName("OpenDanger").WithSummary("Record a hidden danger, on its own or from a dispute.");
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
            d.VerifiedBy != null ? d.VerifiedBy.NameZh : null, d.VerifiedBy != null ? d.VerifiedBy.NameEn : null, d.Version));

    internal static IQueryable<Danger> Filter(AppDb db, DangerStatus? status, bool? overdue, string? area, string? q, DateOnly today)
    {
        var query = db.Dangers.AsNoTracking();
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
            var prefix = db.Areas.Where(a => a.Code == area).Select(a => a.Path).FirstOrDefault() ?? "\u0000";
            query = query.Where(d => d.AreaPath.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(d => EF.Functions.Like(d.Description, like, "\\") || EF.Functions.Like(d.ResponsibleParty, like, "\\") || d.Code == q.Trim());
        }
        return query.OrderBy(d => d.Status).ThenBy(d => d.RectifyBy);
    }

    private static async Task<Ok<Page<DangerDto>>> List(AppDb db, LocalClock clock, DangerStatus? status, bool? overdue, string? area, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Project(Filter(db, status, overdue, area, q, clock.Today)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<DangerDto>, NotFound>> Get(AppDb db, int id, CancellationToken ct) =>
        await Project(db.Dangers.AsNoTracking().Where(d => d.Id == id)).FirstOrDefaultAsync(ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<DangerDto>, ValidationProblem>> Open(
        AppDb db, ChecksFactory checks, DisputeWorkflow workflow, LocalClock clock, DangerInput i, CancellationToken ct)
    {
        var c = checks.Create()
            .When(i.Kind is null || !Enum.IsDefined(i.Kind.Value), "kind", "Choose the kind of danger.")
            .Required("description", i.Description, 2000).Required("responsibleParty", i.ResponsibleParty, 200).Optional("address", i.Address, 200)
            .When(i.RectifyBy is null, "rectifyBy", "This field is required.")
            .When(i.RectifyBy < clock.Today, "rectifyBy", "The rectification deadline cannot be in the past.");
        var dispute = i.DisputeId is null ? null : await db.Disputes.FirstOrDefaultAsync(d => d.Id == i.DisputeId, ct);
        c.When(i.DisputeId is not null && dispute is null, "disputeId", "There is no such case in your jurisdiction.");
        Area? area = null;
        if (dispute is null)
        {
            area = string.IsNullOrWhiteSpace(i.AreaCode) ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == i.AreaCode, ct);
            c.When(i.DisputeId is null && (area is null || area.Level < AreaLevel.Community), "areaCode", "Give the grid or community where the danger is.");
        }
        if (!c.Ok)
        {
            return c.Problem();
        }
        var path = dispute?.AreaPath ?? area!.Path;
        var township = path.Trim('/').Split('/').ElementAtOrDefault(3) ?? path.Trim('/');
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var danger = new Danger
        {
            Code = "H" + await CaseCodes.NextAsync(db, "H", township, clock.Today.Year, ct),
            Kind = i.Kind!.Value, Description = i.Description!.Trim(), Address = i.Address?.Trim() ?? dispute?.Address,
            AreaId = dispute?.AreaId ?? area!.Id, AreaPath = path, ResponsibleParty = i.ResponsibleParty!.Trim(), RectifyBy = i.RectifyBy!.Value,
            Status = DangerStatus.Open, DisputeId = dispute?.Id, FoundById = db.Jurisdiction.PersonId, FoundOn = clock.Today,
        };
        db.Dangers.Add(danger);
        if (dispute is not null)
        {
            db.DisputeEvents.Add(workflow.NewEvent(dispute, DisputeEventType.DangerOpened, dispute.Status, danger.Description, dispute.Version));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/dangers/{danger.Id}", await Project(db.Dangers.Where(d => d.Id == danger.Id)).FirstAsync(ct));
    }

    private static async Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Rectify(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, RectifyInput i, CancellationToken ct) =>
        await ChangeAsync(db, checks, l, id, i.Version, DangerStatus.Open, (d, c) =>
        {
            c.When(i.RectifiedOn is null, "rectifiedOn", "This field is required.")
                .When(i.RectifiedOn > clock.Today, "rectifiedOn", "A danger cannot be removed in the future.")
                .Required("rectifiedBy", i.RectifiedBy, 300).Optional("note", i.Note, 2000);
            if (c.Ok)
            {
                (d.Status, d.RectifiedOn, d.RectifiedBy, d.RectificationNote) = (DangerStatus.Rectified, i.RectifiedOn, i.RectifiedBy!.Trim(), i.Note?.Trim());
            }
        }, ct);

    private static async Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Verify(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, VersionInput i, CancellationToken ct) =>
        await ChangeAsync(db, checks, l, id, i.Version, DangerStatus.Rectified, (d, c) =>
        {
            c.When(db.Jurisdiction.PersonId is null, "version", "Only a member of staff with a post can verify that a danger is gone.");
            if (c.Ok)
            {
                (d.Status, d.VerifiedOn, d.VerifiedById) = (DangerStatus.Verified, clock.Today, db.Jurisdiction.PersonId);
            }
        }, ct);

    private static async Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Reject(
        AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, ReasonInput i, CancellationToken ct) =>
        await ChangeAsync(db, checks, l, id, i.Version, DangerStatus.Rectified, (d, c) =>
        {
            c.Required("reason", i.Reason, 500);
            if (c.Ok)
            {
                (d.Status, d.RectificationNote) = (DangerStatus.Open, i.Reason!.Trim());
            }
        }, ct);

    private static async Task<Results<Ok<DangerDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> ChangeAsync(
        AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, long? version, DangerStatus from, Action<Danger, Checks> change, CancellationToken ct)
    {
        var d = await db.Dangers.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().When(version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (c.Ok && d.Status != from)
        {
            return Problems.Duplicate(l, "A danger that is {0} cannot be changed this way.", l.Enum(d.Status));
        }
        if (c.Ok)
        {
            change(d, c);
        }
        if (!c.Ok)
        {
            return c.Problem();
        }
        return await db.SaveVersionedAsync(d, version!.Value, ct)
            ? TypedResults.Ok(await Project(db.Dangers.AsNoTracking().Where(x => x.Id == id)).FirstAsync(ct))
            : Problems.Conflict(l, await Project(db.Dangers.AsNoTracking().Where(x => x.Id == id)).FirstAsync(ct));
    }
}
