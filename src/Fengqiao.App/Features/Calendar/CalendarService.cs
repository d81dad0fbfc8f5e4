using System.Data.Common;

namespace Fengqiao.Features.Calendar;

/// <summary>
/// Holds the working calendar of this node as an immutable <see cref="WorkingCalendar"/> snapshot.
/// It is read again after every edit made through this node, and at most
/// <see cref="MaxAge"/> after the last read when someone asks through <see cref="ReloadIfStaleAsync"/>,
/// so that edits made on another node are seen within a few minutes. Until the first read it
/// holds the shipped <see cref="HolidayData"/>.
/// </summary>
public sealed class CalendarService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CalendarService> log)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private sealed record Snapshot(WorkingCalendar Calendar, DateTimeOffset ReadAt);

    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = new(HolidayData.ShippedCalendar(), DateTimeOffset.MinValue);
    private int _reloading;

    /// <summary>The calendar as last read; never null.</summary>
    public WorkingCalendar Current => _snapshot.Calendar;

    /// <summary>When the current snapshot was read from the database (<see cref="DateTimeOffset.MinValue"/> before the first read).</summary>
    public DateTimeOffset ReadAt => _snapshot.ReadAt;

    /// <summary>The calendar, read again first when it is older than <see cref="MaxAge"/>.</summary>
    public async Task<WorkingCalendar> FreshAsync(CancellationToken ct)
    {
        await ReloadIfStaleAsync(ct);
        return Current;
    }

    /// <summary>
    /// Reads the table again when the snapshot is older than <see cref="MaxAge"/>. Only one such
    /// read runs at a time; meanwhile, and when the database cannot be read, callers keep the
    /// snapshot they have (a few minutes' lag is better than a failed request).
    /// </summary>
    public async Task ReloadIfStaleAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _snapshot.ReadAt < MaxAge)
        {
            return;
        }
        if (Interlocked.Exchange(ref _reloading, 1) == 1)
        {
            return;
        }
        try
        {
            await ReloadAsync(ct);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            log.LogWarning(e, "The working calendar could not be read again; the snapshot read at {ReadAt} stays in use", _snapshot.ReadAt);
        }
        finally
        {
            Volatile.Write(ref _reloading, 0);
        }
    }

    /// <summary>Reads every <see cref="CalendarDay"/> and makes it the current calendar.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        List<CalendarDay> days;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            days = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(ct);
        }
        var calendar = WorkingCalendar.From(days);
        lock (_gate)
        {
            // Two reads may overlap: the one that started later saw at least as much, so it wins.
            if (started >= _snapshot.ReadAt)
            {
                _snapshot = new Snapshot(calendar, started);
            }
        }
    }

    /// <summary>
    /// Copies the shipped <see cref="HolidayData"/> into the table, then reads it. A shipped year
    /// is written only when the table holds no day of that year, so an administrator's edits
    /// and deletions are never undone; the one exception is a year whose stored days are all
    /// still provisional and untouched while this release ships the published arrangement: those
    /// are replaced by it.
    /// </summary>
    public async Task SeedShippedAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var stored = (await db.Set<CalendarDay>().ToListAsync(ct)).ToLookup(d => d.Date.Year);
            var changed = 0;
            foreach (var year in HolidayData.Years)
            {
                changed += Merge(db, [.. stored[year]], HolidayData.For(year));
            }
            if (changed > 0)
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                    log.LogInformation("Working calendar: {Count} shipped holiday and make-up days written", changed);
                }
                catch (DbUpdateException e)
                {
                    // Another node starting at the same moment wrote them first.
                    log.LogWarning(e, "Working calendar: the shipped days could not be written; another node may have written them");
                }
            }
        }
        await ReloadAsync(ct);
    }

    private static int Merge(AppDb db, List<CalendarDay> stored, IReadOnlyList<CalendarDay> shipped)
    {
        var set = db.Set<CalendarDay>();
        if (stored.Count == 0)
        {
            set.AddRange(shipped);
            return shipped.Count;
        }
        if (!stored.All(d => d.Provisional) || shipped.Any(d => d.Provisional))
        {
            return 0;
        }
        var left = stored.ToDictionary(d => d.Date);
        foreach (var day in shipped)
        {
            if (left.Remove(day.Date, out var row))
            {
                row.IsWorkingDay = day.IsWorkingDay;
                row.NameZh = day.NameZh;
                row.NameEn = day.NameEn;
                row.Provisional = day.Provisional;
            }
            else
            {
                set.Add(day);
            }
        }
        set.RemoveRange(left.Values);
        return shipped.Count + left.Count;
    }
}
