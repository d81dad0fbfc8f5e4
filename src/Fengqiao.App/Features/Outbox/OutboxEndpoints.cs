namespace Fengqiao.Features.Outbox;

public static class OutboxEndpoints
{
    public const string AdminPolicy = "ManageOutbox";

    public static IEndpointRouteBuilder MapOutbox(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/outbox").WithTags("Outbox").RequireAuthorization(AdminPolicy);
        g.MapGet("/", (OutboxAdmin a, OutboxState? state, string? search, string? sort, int? page, int? pageSize, CancellationToken ct) =>
                a.ListAsync(state, search, sort, page, pageSize, ct))
            .WithName("ListOutbox").WithSummary("Messages on their way out, sent, dead or dropped (administrators). Recipients are masked.");
        g.MapGet("/counts", (OutboxAdmin a, CancellationToken ct) => a.CountsAsync(ct)).WithName("OutboxCounts")
            .WithSummary("The backlog, sent, dead-letter and dropped counts, and the oldest message still waiting.");
        g.MapPost("/{id:long}/retry", async Task<Results<NoContent, NotFound>> (OutboxAdmin a, long id, CancellationToken ct) =>
                await a.RetryAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("RetryOutboxMessage").WithSummary("Puts a dead letter back in the queue, its attempts starting again (404 if it is not a dead letter).");
        g.MapPost("/{id:long}/drop", async Task<Results<NoContent, NotFound>> (OutboxAdmin a, long id, CancellationToken ct) =>
                await a.DropAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("DropOutboxMessage").WithSummary("Gives a dead letter up for good (404 if it is not a dead letter).");
        return app;
    }
}
