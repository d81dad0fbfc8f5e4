using System.Threading.Channels;

namespace Fengqiao.Features.Open311;

/// <summary>
/// Group commit for residents' reports. Each request checks, locates and routes its report on its own, then hands
/// it here; one writer takes every report waiting, gives them their codes, writes them with their audit entries and
/// rollups in one transaction, and answers each only after that commit. A burst of reports then costs one commit
/// (one fsync, one pass over the hot rollup rows) instead of one each, and nothing is acknowledged before it is
/// durable. If a batch fails, its reports are written again one by one, so one bad report fails alone.
/// </summary>
public sealed partial class ReportWriter(IServiceScopeFactory scopes, WriteTurn turn, ILogger<ReportWriter> log) : BackgroundService
{
    /// <summary>At most this many reports in one transaction.</summary>
    public const int MaxBatch = 200;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(4 * MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _batches;
    private long _committed;

    /// <summary>Transactions committed so far, and the reports in them (for operators and tests).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long Committed => Interlocked.Read(ref _committed);

    /// <summary>Reports handed over and not yet taken into a batch.</summary>
    public int Waiting => _queue.Reader.Count;

    private sealed record Pending(ResidentRequest Request, string Township, int Year, string? UserName, int? PersonId, TaskCompletionSource Done);

    /// <summary>
    /// Queues the report (numbered in <paramref name="township"/>'s series of <paramref name="year"/>) and returns
    /// once it is committed, with its code and id. The wait is not cancelled with the request: a report taken into a
    /// batch is written whether or not its sender is still there.
    /// </summary>
    public async Task WriteAsync(ResidentRequest request, string township, int year, Jurisdiction actor, CancellationToken ct)
    {
        var pending = new Pending(request, township, year, actor.UserName, actor.PersonId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stopped by the token: StopAsync closes the queue, and what is in it is still written.
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await WriteBatchAsync(batch);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await CommitAsync(batch);
            LogCommitted(log, batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            batch.ForEach(p => p.Done.TrySetResult());
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            LogBatchFailed(log, e, batch.Count);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return;
        }
        foreach (var p in batch)
        {
            try
            {
                await CommitAsync([p]);
                p.Done.TrySetResult();
            }
            catch (Exception e)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    private static void Reset(ResidentRequest r)
    {
        r.Id = 0;
        r.Code = "";
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        batch.ForEach(p => Reset(p.Request));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var jurisdiction = scope.ServiceProvider.GetRequiredService<Jurisdiction>();
        // The batch only adds new rows: nothing tracked can change behind EF's back, so it need not look for changes.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using var myTurn = await turn.TakeAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Every township's counter bumped at once, by the number of its reports in the batch.
        var series = batch.GroupBy(p => CaseCodes.Series("R", p.Township, p.Year)).ToList();
        var last = await CaseCodes.ReserveManyAsync(db, series.Select(s => (s.Key, s.Count())), CancellationToken.None);
        foreach (var reports in series)
        {
            var number = last[reports.Key] - reports.Count();
            foreach (var p in reports)
            {
                p.Request.Code = "R" + CaseCodes.Format(p.Township, p.Year, ++number);
            }
        }
        // Each report's audit entry names who sent it: one save per sender, all in the one transaction.
        foreach (var sender in batch.GroupBy(p => (p.UserName, p.PersonId)))
        {
            jurisdiction.GrantAll(sender.Key.PersonId);
            jurisdiction.UserName = sender.Key.UserName;
            db.ResidentRequests.AddRange(sender.Select(p => p.Request));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await tx.CommitAsync(CancellationToken.None);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _committed, batch.Count);
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "A batch of {Count} reports failed; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Committed {Count} reports in {Milliseconds:F1} ms")]
    private static partial void LogCommitted(ILogger logger, int count, double milliseconds);
}
