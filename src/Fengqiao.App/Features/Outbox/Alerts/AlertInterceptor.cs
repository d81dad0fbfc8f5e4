using Fengqiao.Features.Areas;
using Fengqiao.Features.Board;
using Fengqiao.Features.Open311;

namespace Fengqiao.Features.Outbox.Alerts;

/// <summary>
/// Area alerts' hook (registered by <c>AddOutbox</c>): a save that adds a resident's report or a board event adds, in
/// the same save, an alert to every confirmed subscriber of the community it lies in. Confidential tips are never
/// announced. The daily limit per recipient applies at delivery, as for every message.
/// </summary>
public sealed class AlertInterceptor(AlertMessages messages, OutboxSignal signal) : OutboxInterceptor(signal)
{
    protected override async Task<bool> AddMessagesAsync(AppDb db, bool sync, CancellationToken ct)
    {
        // Added rows are known without detecting changes: Add marks them.
        var reports = db.ChangeTracker.Entries<ResidentRequest>()
            .Where(e => e.State == EntityState.Added && e.Entity.ServiceCode != RequestServices.Tip).Select(e => e.Entity).ToList();
        var events = db.ChangeTracker.Entries<CommunityEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (reports.Count == 0 && events.Count == 0)
        {
            return false;
        }
        // Every ancestor path of what was added: a community's subscribers hear of all under it.
        var paths = reports.Select(r => r.AreaPath).Concat(events.Select(e => e.AreaPath)).SelectMany(PathRange.Ancestors).Distinct().ToList();
        // The system acts here, whoever saves: subscriptions are read past the saver's jurisdiction.
        var query = db.Set<AlertSubscription>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => paths.Contains(s.AreaPath) && s.ConfirmedAt != null && s.UnsubscribedAt == null);
        var subscribers = sync ? query.ToList() : await query.ToListAsync(ct);
        if (subscribers.Count == 0)
        {
            return false;
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
        db.AddRange(alerts);
        return alerts.Count > 0;
    }
}
