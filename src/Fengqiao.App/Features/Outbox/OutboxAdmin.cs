namespace Fengqiao.Features.Outbox;

public sealed record OutboxRow(
    long Id, Guid Key, OutboxChannel Channel, string Event, string Reference, string Recipient, OutboxState State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset DueAt, DateTimeOffset? SentAt, string? LastError, bool Purged);

public sealed record OutboxCounts(int Pending, int Sent, int Dead, int Dropped, DateTimeOffset? OldestPendingAt);

/// <summary>
/// The administrators' view of what is on its way out: the backlog, what was sent, and the dead-letter list, where a
/// message is retried (its attempts start again) or dropped. Recipients appear masked only.
/// </summary>
public sealed class OutboxAdmin(AppDb db, TimeProvider time, OutboxSignal signal)
{
    public static readonly string[] Sorts = ["created", "-created", "due", "-due", "attempts", "-attempts"];

    public Task<Page<OutboxRow>> ListAsync(OutboxState? state, string? search, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var q = db.Set<OutboxMessage>().AsNoTracking();
        if (state is { } s)
        {
            q = q.Where(m => m.State == s);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = Paging.LikeContains(search);
            q = q.Where(m => EF.Functions.Like(m.Reference, like, "\\") || EF.Functions.Like(m.Event, like, "\\") || EF.Functions.Like(m.RecipientMasked, like, "\\"));
        }
        q = sort switch
        {
            "created" => q.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id),
            "due" => q.OrderBy(m => m.DueAt).ThenBy(m => m.Id),
            "-due" => q.OrderByDescending(m => m.DueAt).ThenByDescending(m => m.Id),
            "attempts" => q.OrderBy(m => m.Attempts).ThenBy(m => m.Id),
            "-attempts" => q.OrderByDescending(m => m.Attempts).ThenByDescending(m => m.Id),
            _ => q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
        };
        return q.Select(m => new OutboxRow(m.Id, m.Key, m.Channel, m.Event, m.Reference, m.RecipientMasked, m.State, m.Attempts, m.CreatedAt, m.DueAt,
            m.SentAt, m.LastError, m.PurgedAt != null)).ToPageAsync(page, pageSize, ct);
    }

    public async Task<OutboxCounts> CountsAsync(CancellationToken ct)
    {
        var byState = await db.Set<OutboxMessage>().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxState s) => byState.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var oldest = await db.Set<OutboxMessage>().Where(m => m.State == OutboxState.Pending).OrderBy(m => m.CreatedAt)
            .Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        return new(Of(OutboxState.Pending), Of(OutboxState.Sent), Of(OutboxState.Dead), Of(OutboxState.Dropped), oldest);
    }

    /// <summary>A dead letter goes back to the queue with its attempts starting again. False when there is no such dead letter.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var changed = await db.Set<OutboxMessage>().Where(m => m.Id == id && m.State == OutboxState.Dead && m.PurgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.DueAt, now)
                .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), ct);
        if (changed > 0)
        {
            signal.Poke();
        }
        return changed > 0;
    }

    /// <summary>
    /// A dead letter is given up for good (kept on the list as dropped until the retention period purges it). It was not
    /// sent, so it does not count towards the recipient's daily limit; <c>DueAt</c> records when it was dropped.
    /// </summary>
    public async Task<bool> DropAsync(long id, CancellationToken ct) =>
        await db.Set<OutboxMessage>().Where(m => m.Id == id && m.State == OutboxState.Dead)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Dropped).SetProperty(m => m.DueAt, time.GetUtcNow()), ct) > 0;
}
