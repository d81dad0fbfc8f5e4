using Fengqiao.Features.Areas;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.Households.Import;
using Fengqiao.Features.Open311;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Visits;
using System.Globalization;
using Fengqiao.Features.Board;
using Fengqiao.Features.Units;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Security;

/// <summary>
/// The database behind the app, read the way someone with shell access would: past every jurisdiction filter.
/// The security tests judge the app's answers against what is really stored.
/// </summary>
internal static class SecurityDb
{
    /// <summary>A grid of Chongqing Road Street, where demo.officer works.</summary>
    public const string ChongqingGrid = "220104001001001";
    /// <summary>The community that grid belongs to.</summary>
    public const string ChongqingCommunity = "220104001001";

    /// <summary>A valid 18-character ID number no demo resident has: a Beijing region code, a random birth date and sequence.</summary>
    public static string NewIdNumber()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 365 * 50));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
        return first17 + ChineseIdNumber.CheckChar(first17);
    }

    public static async Task<T> QueryAsync<T>(FengqiaoApp app, Func<AppDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        return await query(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    public static Task<string> PathOfAsync(FengqiaoApp app, string areaCode) =>
        QueryAsync(app, db => db.Areas.IgnoreQueryFilters().Where(a => a.Code == areaCode).Select(a => a.Path).FirstAsync());

    /// <summary>The station that answers for an area by the app's rule: the nearest police station whose area contains it.</summary>
    public static async Task<int> StationForAsync(FengqiaoApp app, string areaCode)
    {
        var path = await PathOfAsync(app, areaCode);
        var ancestors = PathRange.Ancestors(path);
        var stations = await QueryAsync(app, db => db.Units.IgnoreQueryFilters()
            .Where(u => u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation)
            .Select(u => new { u.Id, u.AreaPath }).ToListAsync());
        return stations.Where(s => ancestors.Contains(s.AreaPath)).OrderByDescending(s => s.AreaPath.Length).ThenBy(s => s.Id).First().Id;
    }

    /// <summary>
    /// Rows (and, for edited records, the sum of their versions) of every table a request could change, so that
    /// "nothing was written" is a comparison of two of these. Supervision notices count only acknowledged ones: the
    /// escalation worker may raise new ones at any time. The audit log is left out (refusals are written to it).
    /// </summary>
    public static Task<SortedDictionary<string, string>> FingerprintAsync(FengqiaoApp app) => QueryAsync(app, async db => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["Areas"] = await V(db.Areas),
        ["Units"] = await V(db.Units),
        ["People"] = await V(db.People),
        ["Posts"] = await V(db.Posts),
        ["Secondments"] = await V(db.Secondments),
        ["Disputes"] = await V(db.Disputes),
        ["Dangers"] = await V(db.Dangers),
        ["SupervisionNotices.acknowledged"] = await C(db.SupervisionNotices.IgnoreQueryFilters().Where(n => n.AcknowledgedAt != null)),
        ["Outlets"] = await V(db.Outlets),
        ["Appointments"] = await C(db.Appointments.IgnoreQueryFilters()) + "/" + await C(db.Appointments.IgnoreQueryFilters().Where(a => a.CancelledAt != null)),
        ["Tickets"] = await C(db.Tickets.IgnoreQueryFilters()) + "/" + await C(db.Tickets.IgnoreQueryFilters().Where(t => t.CalledAt != null)),
        ["ServiceRecords"] = await V(db.ServiceRecords),
        ["Reviews"] = await C(db.Reviews.IgnoreQueryFilters()) + "/" + await C(db.Reviews.IgnoreQueryFilters().Where(r => r.AppealReason != null)),
        ["Rectifications"] = await V(db.Rectifications),
        ["ResidentRequests"] = await V(db.ResidentRequests),
        ["Households"] = await V(db.Households),
        ["Residents"] = await V(db.Residents),
        ["ImportJobs"] = await C(db.ImportJobs.IgnoreQueryFilters()),
        ["Demands"] = await V(db.Demands),
        ["DemandReferrals"] = await V(db.DemandReferrals),
        ["CommunityProjects"] = await V(db.CommunityProjects),
        ["ProjectMembers"] = await C(db.ProjectMembers.IgnoreQueryFilters()),
        ["ProjectOrders"] = await C(db.ProjectOrders.IgnoreQueryFilters()),
        ["Campaigns"] = await V(db.Campaigns),
        ["Visits"] = await V(db.Visits),
        ["Teams"] = await V(db.Teams),
        ["TeamMembers"] = await C(db.TeamMembers.IgnoreQueryFilters()) + "/" + await C(db.TeamMembers.IgnoreQueryFilters().Where(m => m.Active)),
        ["PatrolLogs"] = await C(db.PatrolLogs.IgnoreQueryFilters()),
        ["Tips"] = await V(db.Tips),
        ["OutreachActivities"] = await C(db.OutreachActivities.IgnoreQueryFilters()),
        ["Meetings"] = await V(db.Meetings),
        ["MeetingTasks"] = await V(db.MeetingTasks),
        ["CommunityPriorities"] = await C(db.Set<CommunityPriority>().IgnoreQueryFilters()),
        ["CommunityEvents"] = await C(db.Set<CommunityEvent>().IgnoreQueryFilters()),
        ["Users"] = await C(db.Users),
        ["UserRoles"] = await C(db.UserRoles),
    });

    private static async Task<string> V<T>(DbSet<T> set) where T : class, IVersioned
    {
        var rows = set.IgnoreQueryFilters();
        return $"{await rows.CountAsync()} rows, versions {await rows.SumAsync(x => x.Version)}";
    }

    private static async Task<string> C<T>(IQueryable<T> rows) => $"{await rows.CountAsync()}";

    /// <summary>"Disputes: 812 rows … → 813 rows …" for each table that differs.</summary>
    public static string Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join("; ", before.Where(b => after[b.Key] != b.Value).Select(b => $"{b.Key}: {b.Value} → {after[b.Key]}"));

    /// <summary>Runs a request and says which tables it changed ("" for none).</summary>
    public static async Task<(T Result, string Changes)> WatchAsync<T>(FengqiaoApp app, Func<Task<T>> act)
    {
        var before = await FingerprintAsync(app);
        var result = await act();
        return (result, Changes(before, await FingerprintAsync(app)));
    }

    /// <summary>Runs a request and asserts that it changed no table at all.</summary>
    public static async Task<T> UnchangedAsync<T>(FengqiaoApp app, Func<Task<T>> act)
    {
        var (result, changes) = await WatchAsync(app, act);
        Assert.True(changes.Length == 0, "it should have changed nothing, but: " + changes);
        return result;
    }
}
