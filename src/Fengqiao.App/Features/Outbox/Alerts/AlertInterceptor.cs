using Fengqiao.Features.Areas;
using System.Runtime.CompilerServices;
using Fengqiao.Features.Board;
using Fengqiao.Features.Open311;
using Fengqiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Features.Outbox.Alerts;

/// <summary>
/// Area alerts' hook (registered by <c>AddOutbox</c>): a save that adds a resident's report or a board event adds, in
/// the same save, an alert to every confirmed subscriber of the community it lies in. Confidential tips are never
/// announced. The daily limit per recipient applies at delivery, as for every message.
/// </summary>
public sealed class AlertInterceptor(AlertMessages messages, OutboxSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _added = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDb db)
        {
            await AddAlertsAsync(db, false, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDb db)
        {
            AddAlertsAsync(db, true, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Inside a caller's transaction the worker finds them at its next poll, once that commits.
        if (eventData.Context is { } context && _added.Remove(context))
        {
            signal.Poke();
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    private async Task AddAlertsAsync(AppDb db, bool sync, CancellationToken ct)
    {
        // Added rows are known without detecting changes: Add marks them.
        var reports = db.ChangeTracker.Entries<ResidentRequest>()
            .Where(e => e.State == EntityState.Added && e.Entity.ServiceCode != RequestServices.Tip).Select(e => e.Entity).ToList();
        var events = db.ChangeTracker.Entries<CommunityEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (reports.Count == 0 && events.Count == 0)
        {
            return;
        }
        // Every ancestor path of what was added: a community's subscribers hear of all under it.
        var paths = reports.Select(r => r.AreaPath).Concat(events.Select(e => e.AreaPath)).SelectMany(Ancestors).Distinct().ToList();
        // The system acts here, whoever saves: subscriptions are read past the saver's jurisdiction.
        var query = db.Set<AlertSubscription>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => paths.Contains(s.AreaPath) && s.ConfirmedAt != null && s.UnsubscribedAt == null);
        var subscribers = sync ? query.ToList() : await query.ToListAsync(ct);
        if (subscribers.Count == 0)
        {
            return;
        }
        var areaIds = subscribers.Select(s => s.AreaId).Distinct().ToList();
        var areaQuery = db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => areaIds.Contains(a.Id)).Select(a => new AlertArea(a.Id, a.Code, a.NameZh, a.NameEn));
        var areas = (sync ? areaQuery.ToList() : await areaQuery.ToListAsync(ct)).ToDictionary(a => a.Id);
        var alerts = new List<OutboxMessage>();
        foreach (var s in subscribers.Where(s => areas.ContainsKey(s.AreaId)))
        {
            alerts.AddRange(reports.Where(r => r.AreaPath.StartsWith(s.AreaPath, StringComparison.Ordinal)).Select(r => messages.NewReport(s, areas[s.AreaId], r)));
            alerts.AddRange(events.Where(e => e.AreaPath.StartsWith(s.AreaPath, StringComparison.Ordinal)).Select(e => messages.NewEvent(s, areas[s.AreaId], e)));
        }
        if (alerts.Count > 0)
        {
            db.AddRange(alerts);
            _added.AddOrUpdate(db, this);
        }
    }

    /// <summary>"/22/2201/" → "/22/", "/22/2201/".</summary>
    private static IEnumerable<string> Ancestors(string path)
    {
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            yield return path[..(i + 1)];
        }
    }
}
