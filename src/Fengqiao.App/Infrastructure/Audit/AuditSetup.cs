namespace Fengqiao.Infrastructure.Audit;

public sealed record AuditEntryDto(long Id, long? Seq, DateTime At, string UserName, string Action, string Entity, string EntityId, string? AreaPath, string? Reason);

/// <summary>The sealer that chains the audit log, and the auditor's read of it (the auditor role alone).</summary>
public static class AuditSetup
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<AuditSealer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Audit);
        g.MapGet("/", ListAsync).WithName("ListAuditEntries").WithSummary("Newest first; filter by user, action, entity and record.");
        g.MapGet("/verify", async (AppDb db, CancellationToken ct) => TypedResults.Ok(await AuditChain.VerifyAsync(db, ct)))
            .WithName("VerifyAuditChain").WithSummary("Recomputes the hash chain and names the first entry that does not follow.");
        return app;
    }

    private static async Task<Ok<Page<AuditEntryDto>>> ListAsync(AppDb db, string? user, string? action, string? entity, string? entityId,
        int? page, int? pageSize, CancellationToken ct)
    {
        var q = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
        {
            q = q.Where(e => e.UserName == user);
        }
        if (!string.IsNullOrWhiteSpace(action))
        {
            q = q.Where(e => e.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(entity))
        {
            q = q.Where(e => e.Entity == entity);
        }
        if (!string.IsNullOrWhiteSpace(entityId))
        {
            q = q.Where(e => e.EntityId == entityId);
        }
        return TypedResults.Ok(await q.OrderByDescending(e => e.Id)
            .Select(e => new AuditEntryDto(e.Id, e.Seq, e.At, e.UserName, e.Action, e.Entity, e.EntityId, e.AreaPath, e.Reason))
            .ToPageAsync(page, pageSize, ct));
    }
}
