using Fengqiao.Features.Areas;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Infrastructure.Cluster;

namespace Fengqiao.Features.Supervision;

public sealed class SupervisionOptions
{
    public const string Section = "Supervision";
    /// <summary>How often the cluster looks for overdue cases (one node per period, by the job's lease; notices are unique besides).</summary>
    public int IntervalSeconds { get; set; } = 300;
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Raises supervision notices for overdue cases and dangers: first the station (township level),
/// then the county, city and province as the case stays overdue. Safe with several nodes: the
/// unique index on (subject, deadline, level) refuses a notice another node already raised.
/// </summary>
public sealed class Escalation(IServiceScopeFactory scopes, CalendarService calendar, IOptions<DeadlineOptions> deadlines, LocalClock clock, ILogger<Escalation> log)
{
    private static readonly AreaLevel[] Ladder = [AreaLevel.Township, AreaLevel.County, AreaLevel.City, AreaLevel.Province];
    private static readonly DisputeStatus[] Running =
        [DisputeStatus.Registered, DisputeStatus.Assigned, DisputeStatus.Mediating, DisputeStatus.Referred, DisputeStatus.Resolved];

    private sealed record Overdue(SupervisedKind Kind, int Id, string Code, string Title, string AreaPath, DateOnly Due);

    public async Task<int> RunOnceAsync(DateOnly today, CancellationToken ct = default)
    {
        // Another node may have edited the holidays: read them if this node's copy is old.
        var workingDays = await calendar.FreshAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var overdue = await db.Disputes.AsNoTracking()
            .Where(d => d.DueDate != null && d.DueDate < today && Running.Contains(d.Status) && d.MergedIntoId == null)
            .Select(d => new Overdue(SupervisedKind.Dispute, d.Id, d.Code, d.Title, d.AreaPath, d.DueDate!.Value))
            .ToListAsync(ct);
        overdue.AddRange(await db.Dangers.AsNoTracking()
            .Where(d => d.Status == DangerStatus.Open && d.RectifyBy < today)
            .Select(d => new Overdue(SupervisedKind.Danger, d.Id, d.Code, d.Description, d.AreaPath, d.RectifyBy))
            .ToListAsync(ct));

        var raised = 0;
        foreach (var batch in overdue.Chunk(500))
        {
            var ids = batch.Select(b => b.Id).ToList();
            var existing = (await db.SupervisionNotices.AsNoTracking()
                    .Where(n => ids.Contains(n.SubjectId))
                    .Select(n => new { n.SubjectKind, n.SubjectId, n.DueDate, n.Level })
                    .ToListAsync(ct))
                .Select(n => (n.SubjectKind, n.SubjectId, n.DueDate, n.Level)).ToHashSet();
            var fresh = new List<SupervisionNotice>();
            foreach (var o in batch)
            {
                var levels = DeadlineRules.EscalationLevels(o.Due, today, workingDays, deadlines.Value);
                var late = Math.Max(1, workingDays.WorkingDaysBetween(o.Due, today));
                foreach (var level in Ladder.Take(levels))
                {
                    if (!existing.Contains((o.Kind, o.Id, o.Due, level)) && AncestorPath(o.AreaPath, level) is { } path)
                    {
                        fresh.Add(Notice(o.Kind, o.Id, o.Code, o.Title, o.AreaPath, o.Due, level, path, late));
                    }
                }
            }
            raised += await InsertAsync(db, fresh, ct);
        }
        if (raised > 0)
        {
            log.LogInformation("Raised {Count} supervision notices for {Day}", raised, today);
        }
        return raised;
    }

    /// <summary>A red case is reported to the county level at once, on registration.</summary>
    public static SupervisionNotice? RedAlert(Dispute d, DateTimeOffset now) =>
        AncestorPath(d.AreaPath, AreaLevel.County) is { } path
            ? Notice(SupervisedKind.Dispute, d.Id, d.Code, d.Title, d.AreaPath, d.RegisteredOn, AreaLevel.County, path, 0, now)
            : null;

    private SupervisionNotice Notice(SupervisedKind kind, int id, string code, string title, string subjectPath, DateOnly due, AreaLevel level, string path, int late) =>
        Notice(kind, id, code, title, subjectPath, due, level, path, late, clock.Now);

    private static SupervisionNotice Notice(
        SupervisedKind kind, int id, string code, string title, string subjectPath, DateOnly due, AreaLevel level, string path, int late, DateTimeOffset now) =>
        new()
        {
            SubjectKind = kind, SubjectId = id, SubjectCode = code, SubjectTitle = title.Length > 200 ? title[..200] : title,
            SubjectAreaPath = subjectPath, DueDate = due, Level = level, AreaPath = path, WorkingDaysOverdue = late, RaisedAt = now,
        };

    /// <summary>"/22/2201/220104/220104001/…" at County is "/22/2201/220104/".</summary>
    internal static string? AncestorPath(string path, AreaLevel level)
    {
        var segments = path.Trim('/').Split('/');
        var depth = (int)level;
        return segments.Length < depth ? null : "/" + string.Join('/', segments[..depth]) + "/";
    }

    /// <summary>Inserts the batch; if another node got there first, inserts one by one and skips duplicates.</summary>
    private static async Task<int> InsertAsync(AppDb db, List<SupervisionNotice> notices, CancellationToken ct)
    {
        if (notices.Count == 0)
        {
            return 0;
        }
        db.SupervisionNotices.AddRange(notices);
        try
        {
            await db.SaveChangesAsync(ct);
            return notices.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        var inserted = 0;
        foreach (var n in notices)
        {
            n.Id = 0;
            db.SupervisionNotices.Add(n);
            try
            {
                await db.SaveChangesAsync(ct);
                inserted++;
            }
            catch (DbUpdateException)
            {
                // Raised by another node a moment ago.
            }
            db.ChangeTracker.Clear();
        }
        return inserted;
    }
}

/// <summary>Runs the escalation check every few minutes, on the node that holds the job's lease.</summary>
public sealed class EscalationWorker(Escalation escalation, LocalClock clock, JobLeases leases, IOptions<SupervisionOptions> options, ILogger<EscalationWorker> log)
    : BackgroundService
{
    public const string Job = "escalation";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var period = TimeSpan.FromSeconds(Math.Max(5, options.Value.IntervalSeconds));
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                await RunIfHeldAsync(period, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Escalation check failed; it runs again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One period's check, if this node holds the lease; false when another node does.</summary>
    public Task<bool> RunIfHeldAsync(TimeSpan period, CancellationToken ct) =>
        leases.RunIfHeldAsync(Job, period, c => escalation.RunOnceAsync(clock.Today, c), ct);
}
