using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Fengqiao.Features.Households.Import;

/// <summary>Jobs waiting on this node, and the live progress of the one running (kept in memory: the import's transaction holds the database).</summary>
public sealed class ImportQueue
{
    private readonly Channel<int> _jobs = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, ImportProgress> _progress = new();

    public void Enqueue(int jobId) => _jobs.Writer.TryWrite(jobId);

    public ChannelReader<int> Reader => _jobs.Reader;

    public ImportProgress? Progress(int jobId) => _progress.TryGetValue(jobId, out var p) ? p : null;

    public void Report(int jobId, ImportProgress progress) => _progress[jobId] = progress;

    public void Forget(int jobId) => _progress.TryRemove(jobId, out _);
}

/// <summary>Runs imports one at a time. At start it takes up queued jobs and fails the ones a stop interrupted (they imported nothing).</summary>
public sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // An unmigrated or unreachable database: the app reports it elsewhere; imports start when jobs arrive.
            LogRecoveryFailed(log, e);
        }
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(id, stoppingToken);
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var open = await db.Set<ImportJob>().Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Checking || j.Status == ImportStatus.Importing)
            .ToListAsync(ct);
        foreach (var job in open)
        {
            if (File.Exists(job.StoredPath))
            {
                // An interrupted import never committed its transaction, so nothing of it is in the database: run it again.
                job.Status = ImportStatus.Queued;
                queue.Enqueue(job.Id);
            }
            else
            {
                (job.Status, job.FinishedAt, job.Message) = (ImportStatus.Failed, DateTime.UtcNow,
                    scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["The uploaded file is no longer here; nothing was imported. Upload it again."].Value);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task RunAsync(int id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var job = await db.Set<ImportJob>().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.Status != ImportStatus.Queued)
        {
            return;
        }
        using var culture = Infrastructure.Localization.LocalizationSetup.InCulture(job.Culture);
        job.Status = ImportStatus.Checking;
        job.StartedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ResidentImporter>().RunAsync(job, p => queue.Report(id, p), ct);
            LogFinished(log, id, job.Status, job.RowsRead, job.RowsRejected, (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the kind of failure is logged: parser and database messages can quote the row, with its ID number.
            LogFailed(log, id, e.GetType().Name);
            job.Status = ImportStatus.Failed;
            db.ChangeTracker.Clear();
            var failed = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()
                ["The import stopped on an error and nothing was imported. Try again; if it fails again, tell your administrator (job {0}).", id].Value;
            await using var again = scopes.CreateAsyncScope();
            again.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var fresh = again.ServiceProvider.GetRequiredService<AppDb>();
            await fresh.Set<ImportJob>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Failed)
                .SetProperty(j => j.FinishedAt, DateTime.UtcNow)
                .SetProperty(j => j.Message, failed), CancellationToken.None);
        }
        finally
        {
            queue.Forget(id);
            if (job.Status is ImportStatus.Succeeded or ImportStatus.Rejected or ImportStatus.Failed)
            {
                // The uploaded file holds personal data in the clear: it goes as soon as it has served.
                File.Delete(job.StoredPath);
                if (job.Status != ImportStatus.Rejected)
                {
                    File.Delete(job.StoredPath + ".rejects.csv");
                }
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Import {JobId} finished as {Status}: {Rows} rows read, {Rejected} rejected, in {ElapsedMs} ms")]
    private static partial void LogFinished(ILogger logger, int jobId, ImportStatus status, int rows, int rejected, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Import {JobId} failed with {ErrorType}; its transaction was rolled back")]
    private static partial void LogFailed(ILogger logger, int jobId, string errorType);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Could not look for interrupted imports")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception e);
}
