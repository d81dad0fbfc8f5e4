using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Supervision;

public sealed record NoticeDto(
    long Id, SupervisedKind SubjectKind, int SubjectId, string SubjectCode, string SubjectTitle, DateOnly DueDate, AreaLevel Level,
    string AreaPath, int WorkingDaysOverdue, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

public static class SupervisionEndpoints
{
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SupervisionOptions>(builder.Configuration.GetSection(SupervisionOptions.Section));
        builder.Services.AddSingleton<Escalation>();
        builder.Services.AddHostedService<EscalationWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/supervision").WithTags("Supervision").RequireAuthorization(Policies.Staff);
        g.MapGet("/", List).WithName("ListNotices")
            .WithSummary("Supervision notices addressed to your levels (addressedToMe=true) or about cases in your area.");
        g.MapPost("/{id:long}/acknowledge", Acknowledge).WithName("AcknowledgeNotice");
        return app;
    }

    internal static IQueryable<SupervisionNotice> Filter(AppDb db, bool? open, bool? addressedToMe, AreaLevel? level)
    {
        var q = db.SupervisionNotices.AsNoTracking();
        if (open == true)
        {
            q = q.Where(n => n.AcknowledgedAt == null);
        }
        if (addressedToMe == true && !db.Jurisdiction.Unrestricted)
        {
            var paths = db.Jurisdiction.Paths;
            q = q.Where(n => paths.Any(p => n.AreaPath.StartsWith(p)));
        }
        if (level is not null)
        {
            q = q.Where(n => n.Level == level);
        }
        return q.OrderBy(n => n.AcknowledgedAt != null).ThenByDescending(n => n.RaisedAt).ThenBy(n => n.Id);
    }

    internal static IQueryable<NoticeDto> Project(IQueryable<SupervisionNotice> q) =>
        q.Select(n => new NoticeDto(n.Id, n.SubjectKind, n.SubjectId, n.SubjectCode, n.SubjectTitle, n.DueDate, n.Level, n.AreaPath,
            n.WorkingDaysOverdue, n.RaisedAt, n.AcknowledgedAt, n.AcknowledgedBy));

    private static async Task<Ok<Page<NoticeDto>>> List(AppDb db, bool? open, bool? addressedToMe, AreaLevel? level, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Project(Filter(db, open, addressedToMe, level)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<NoticeDto>, NotFound>> Acknowledge(AppDb db, LocalClock clock, long id, CancellationToken ct) =>
        await AcknowledgeAsync(db, clock, id, ct)
            ? TypedResults.Ok(await Project(db.SupervisionNotices.AsNoTracking().Where(n => n.Id == id)).FirstAsync(ct))
            : TypedResults.NotFound();

    /// <summary>
    /// Only the level a notice is addressed to acknowledges it; the case's own station only reads it.
    /// False when there is no such notice addressed to the caller.
    /// </summary>
    internal static async Task<bool> AcknowledgeAsync(AppDb db, LocalClock clock, long id, CancellationToken ct)
    {
        var paths = db.Jurisdiction.Paths;
        var unrestricted = db.Jurisdiction.Unrestricted;
        var notice = await db.SupervisionNotices
            .FirstOrDefaultAsync(n => n.Id == id && (unrestricted || paths.Any(p => n.AreaPath.StartsWith(p))), ct);
        if (notice is null)
        {
            return false;
        }
        if (notice.AcknowledgedAt is null)
        {
            (notice.AcknowledgedAt, notice.AcknowledgedBy) = (clock.Now, db.Jurisdiction.UserName);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
