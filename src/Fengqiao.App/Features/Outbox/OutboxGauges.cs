using Fengqiao.Infrastructure.Telemetry;

namespace Fengqiao.Features.Outbox;

/// <summary>What an operator watches of the outbox: messages waiting (and of them, due now) and dead letters.</summary>
public static class OutboxGauges
{
    public static IServiceCollection AddOutboxGauges(this IServiceCollection services) => services
        .AddDatabaseGauge("fengqiao.outbox.pending", "Outbox messages waiting for delivery (due now or later)",
            (db, ct) => db.Set<OutboxMessage>().LongCountAsync(m => m.State == OutboxState.Pending, ct))
        .AddDatabaseGauge("fengqiao.outbox.due", "Outbox messages due now and not yet delivered: the backlog",
            (db, ct) =>
            {
                var now = DateTimeOffset.UtcNow;
                return db.Set<OutboxMessage>().LongCountAsync(m => m.State == OutboxState.Pending && m.DueAt <= now, ct);
            })
        .AddDatabaseGauge("fengqiao.outbox.dead", "Outbox messages on the dead-letter list",
            (db, ct) => db.Set<OutboxMessage>().LongCountAsync(m => m.State == OutboxState.Dead, ct));
}
