using Fengqiao.Features.Outbox.Channels;

namespace Fengqiao.Features.Outbox;

/// <summary>
/// Delivers the outbox at least once. Each round claims a batch of due messages with a lease (one UPDATE that only takes
/// rows no live lease holds, so several nodes never send the same message at once), sends them, and records the result:
/// sent; or tried again after a doubling, jittered back-off; or, after the last attempt or a permanent refusal, put on
/// the dead-letter list. A worker killed mid-delivery leaves its claimed messages to the next after the lease; the
/// receiver tells a repeat by the message's key. SMS waits out quiet hours; no one gets more than the daily limit.
/// Purges recipients and bodies once the retention period after delivery has passed.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, IEnumerable<IChannel> channels, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time,
    FieldProtector protector, LocalClock clock, WriteTurn turn, ILogger<OutboxWorker> log) : BackgroundService
{
    private readonly Dictionary<OutboxChannel, IChannel> _channels = channels.ToDictionary(c => c.Channel);
    private DateTimeOffset _nextPurge;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0)
                {
                }
                if (time.GetUtcNow() >= _nextPurge)
                {
                    await PurgeAsync(stoppingToken);
                    _nextPurge = time.GetUtcNow().AddHours(1);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRoundFailed(log, e);
            }
            try
            {
                await signal.WaitAsync(options.Value.Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: claims, sends and records a batch. Returns how many were claimed (tests drive it directly).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = time.GetUtcNow();
        var due = await db.Set<OutboxMessage>().Where(m => m.State == OutboxState.Pending && m.DueAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now))
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id).Select(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var until = now + o.Lease;
        // A token per round, not the lease's instant: PostgreSQL keeps microseconds, so an equality on the instant would miss.
        var token = Guid.NewGuid().ToString("N");
        int claimed;
        using (await turn.TakeAsync(ct))
        {
            claimed = await db.Set<OutboxMessage>()
                .Where(m => due.Contains(m.Id) && m.State == OutboxState.Pending && (m.LeasedUntil == null || m.LeasedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, until).SetProperty(m => m.LeaseOwner, token), ct);
        }
        if (claimed == 0)
        {
            return due.Count; // another node took them: look again
        }
        var batch = await db.Set<OutboxMessage>().Where(m => due.Contains(m.Id) && m.LeaseOwner == token).ToListAsync(ct);
        var sentToday = new DailyCounts(await SentTodayAsync(db, batch, now, ct), o.MaxPerRecipientPerDay);
        // Several at once, each waiting mostly on its receiver; but the messages about one thing to one receiver go in order
        // (a department's "signed for" before its "answered"), and one that fails holds back those after it.
        var lastStart = until - TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(20).Ticks, o.Lease.Ticks / 2));
        var streams = batch.OrderBy(m => m.DueAt).ThenBy(m => m.Id).GroupBy(m => (m.Reference, m.Channel, m.RecipientMasked)).ToList();
        await Parallel.ForEachAsync(streams, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, o.Concurrency), CancellationToken = ct },
            async (stream, token) =>
            {
                OutboxMessage? held = null;
                foreach (var message in stream)
                {
                    // Nothing is started that could outlast the lease (a slow receiver's timeout is 15 s): another worker
                    // may claim it once the lease ends, so it is handed back untried instead.
                    if (held is not null || time.GetUtcNow() > lastStart)
                    {
                        (message.LeasedUntil, message.LeaseOwner) = (null, null);
                        message.DueAt = held is not null && held.DueAt > message.DueAt ? held.DueAt : message.DueAt;
                        continue;
                    }
                    await DeliverAsync(message, sentToday, token);
                    held = message.State == OutboxState.Pending ? message : null;
                }
            });
        using (await turn.TakeAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }
        return claimed;
    }

    /// <summary>How many messages each recipient of the batch has had in the last 24 hours: one query for the batch.</summary>
    private async Task<Dictionary<string, int>> SentTodayAsync(AppDb db, List<OutboxMessage> batch, DateTimeOffset now, CancellationToken ct)
    {
        var hashes = batch.Where(m => m.RecipientHash is not null).Select(m => m.RecipientHash!).Distinct().ToList();
        if (hashes.Count == 0 || options.Value.MaxPerRecipientPerDay <= 0)
        {
            return [];
        }
        var since = now.AddDays(-1);
        return await db.Set<OutboxMessage>().Where(x => hashes.Contains(x.RecipientHash!) && x.SentAt > since)
            .GroupBy(x => x.RecipientHash!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>Sends one claimed message and records what came of it; <paramref name="sentToday"/> counts this batch's sends too.</summary>
    private async Task DeliverAsync(OutboxMessage m, DailyCounts sentToday, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        m.LeasedUntil = null;
        m.LeaseOwner = null;
        if (m.Channel == OutboxChannel.Sms && QuietUntil(now) is { } later)
        {
            m.DueAt = later;
            return;
        }
        if (!sentToday.TryTake(m.RecipientHash))
        {
            m.DueAt = now.AddHours(1);
            return;
        }
        m.Attempts++;
        try
        {
            var outgoing = new Outgoing(m.Key, m.Event, m.Reference, m.Language, m.Recipient is null ? null : protector.Unprotect(m.Recipient),
                m.RecipientMasked, m.Subject, m.Body is null ? "" : protector.Unprotect(m.Body), m.Unsubscribe);
            await _channels[m.Channel].SendAsync(outgoing, ct);
            (m.State, m.SentAt, m.LastError) = (OutboxState.Sent, time.GetUtcNow(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            sentToday.GiveBack(m.RecipientHash);
            m.LastError = Truncate($"{e.GetType().Name}: {e.Message}", 1000);
            if (e is PermanentFailureException || m.Attempts >= o.MaxAttempts)
            {
                (m.State, m.DueAt) = (OutboxState.Dead, time.GetUtcNow()); // DueAt: when it died, where its retention starts
                LogDead(log, m.Id, m.Event, m.LastError);
            }
            else
            {
                m.DueAt = time.GetUtcNow() + Backoff(m.Attempts);
            }
        }
    }

    /// <summary>30 s, 1 min, 2 min … doubling up to the cap, each with up to a fifth more at random so that retries spread out.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var o = options.Value;
        var step = o.FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(step, o.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + Random.Shared.NextDouble() / 5));
    }

    /// <summary>When quiet hours (local time) hold at <paramref name="now"/>, the instant they end.</summary>
    private DateTimeOffset? QuietUntil(DateTimeOffset now)
    {
        var o = options.Value;
        if (o.QuietFrom == o.QuietUntil)
        {
            return null;
        }
        var local = clock.ToLocal(now);
        var t = TimeOnly.FromDateTime(local.DateTime);
        var quiet = o.QuietFrom < o.QuietUntil ? t >= o.QuietFrom && t < o.QuietUntil : t >= o.QuietFrom || t < o.QuietUntil;
        if (!quiet)
        {
            return null;
        }
        var endDay = t >= o.QuietFrom && o.QuietFrom > o.QuietUntil ? local.Date.AddDays(1) : local.Date;
        return clock.FromLocal(endDay + o.QuietUntil.ToTimeSpan());
    }

    /// <summary>
    /// Forgets who a message went to and what it said once the retention period after it ended has passed: after delivery
    /// (<c>SentAt</c>), or after it died or was dropped (<c>DueAt</c>, set then): a dead letter nobody acts on does not
    /// keep an address for ever.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = time.GetUtcNow();
        var before = now.AddDays(-options.Value.RetentionDays);
        using var _ = await turn.TakeAsync(ct);
        return await db.Set<OutboxMessage>()
            .Where(m => m.PurgedAt == null && ((m.State == OutboxState.Sent && m.SentAt < before)
                || ((m.State == OutboxState.Dead || m.State == OutboxState.Dropped) && m.DueAt < before)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Recipient, (string?)null).SetProperty(m => m.Body, (string?)null).SetProperty(m => m.Unsubscribe, (string?)null)
                .SetProperty(m => m.PurgedAt, now), ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Outbox message {Id} ({Event}) is dead after its last attempt: {Error}")]
    private static partial void LogDead(ILogger logger, long id, string @event, string error);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "An outbox round failed; trying again at the next poll")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}

/// <summary>
/// The batch's view of the daily limit: what each recipient had in the last 24 hours, and a place taken before each
/// send (given back if it fails), so that messages sent at once cannot pass the limit together.
/// </summary>
internal sealed class DailyCounts(Dictionary<string, int> sent, int limit)
{
    private readonly Lock _lock = new();

    public bool TryTake(string? recipientHash)
    {
        if (recipientHash is null || limit <= 0)
        {
            return true;
        }
        lock (_lock)
        {
            var count = sent.GetValueOrDefault(recipientHash);
            if (count >= limit)
            {
                return false;
            }
            sent[recipientHash] = count + 1;
            return true;
        }
    }

    public void GiveBack(string? recipientHash)
    {
        if (recipientHash is null || limit <= 0)
        {
            return;
        }
        lock (_lock)
        {
            sent[recipientHash] = sent.GetValueOrDefault(recipientHash) - 1;
        }
    }
}
