using Fengqiao.Features.Areas;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Statistics;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Units;
using Fengqiao.Features.Visits;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Statistics;

/// <summary>
/// The rollups kept by every change equal a full recount from the records, after hundreds of random
/// creates, edits and deletes of every counted kind of record — and a change that bypasses the
/// DbContext is found by the recount (so this test can fail).
/// </summary>
public abstract class RollupRecountTests(FengqiaoApp app)
{
    private const int Changes = 400;

    [Fact]
    public async Task RollupsEqualAFullRecountAfterARandomMixOfChanges()
    {
        await app.ClientAsync(null);
        var before = await RecountAsync();
        Assert.True(before.Differences == 0, Describe(before));

        var random = new Random(20240524);
        for (var i = 0; i < Changes; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await ChangeSomethingAsync(db, random);
            await db.SaveChangesAsync();
        }

        var after = await RecountAsync();
        Assert.True(after.Differences == 0, Describe(after));
        Assert.True(after.Records > 10_000, $"only {after.Records} records were counted");
    }

    [Fact]
    public async Task AChangeThatBypassesTheDbContextIsFoundByTheRecount()
    {
        await app.ClientAsync(null);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var changed = await db.Disputes.IgnoreQueryFilters().Where(d => d.Status == DisputeStatus.Mediating && d.MergedIntoId == null).Take(3)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DisputeStatus.NotResolvable));
            Assert.Equal(3, changed);
        }
        var report = await RecountAsync();
        Assert.Contains(report.Metrics, m => m.Metric == Metric.DisputesOpenByDue && m.Differences > 0);

        await RecountAsync(fix: true);
        Assert.Equal(0, (await RecountAsync()).Differences);
    }

    private async Task<RecountReport> RecountAsync(bool fix = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        return await Recount.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), fix, null, CancellationToken.None);
    }

    private static string Describe(RecountReport r) =>
        $"{r.Differences} differences: " + string.Join("; ", r.Examples.Select(e => $"{e.Metric} {e.Area} {e.Day}: stored {e.Stored}, counted {e.Counted}"));

    private static async Task<T> AnyAsync<T>(IQueryable<T> q, Random random) where T : class
    {
        var count = await q.CountAsync();
        return await q.Skip(random.Next(count)).FirstAsync();
    }

    private static DateOnly Day(Random random) => new DateOnly(2024, 1, 1).AddDays(random.Next(1100));

    private static async Task ChangeSomethingAsync(AppDb db, Random random)
    {
        var communities = await db.Areas.Where(a => a.Level == Fengqiao.Features.Areas.AreaLevel.Community).Select(a => a.Path).ToListAsync();
        switch (random.Next(14))
        {
            case 0:
            {
                var d = await AnyAsync(db.Disputes.OrderBy(x => x.Id), random);
                d.Status = (DisputeStatus)random.Next(1, 10);
                d.ResolvedOn = random.Next(3) == 0 ? null : Day(random);
                d.DueDate = random.Next(4) == 0 ? null : Day(random);
                d.AreaPath = random.Next(4) == 0 ? communities[random.Next(communities.Count)] : d.AreaPath;
                d.MergedIntoId = random.Next(8) == 0 ? (await AnyAsync(db.Disputes.Where(x => x.Id != d.Id && x.MergedIntoId == null).OrderBy(x => x.Id), random)).Id : null;
                break;
            }
            case 1:
            {
                var d = await AnyAsync(db.Dangers.OrderBy(x => x.Id), random);
                d.Status = (DangerStatus)random.Next(1, 4);
                d.VerifiedOn = d.Status == DangerStatus.Verified ? Day(random) : null;
                d.RectifyBy = Day(random);
                break;
            }
            case 2:
            {
                var v = await AnyAsync(db.Visits.OrderBy(x => x.Id), random);
                if (random.Next(2) == 0)
                {
                    db.Visits.Remove(v);
                }
                else
                {
                    db.Visits.Add(new Visit
                    {
                        HouseholdId = v.HouseholdId, AreaPath = v.AreaPath, OfficerId = v.OfficerId, Notes = "random", AntiFraudGiven = random.Next(2) == 0,
                        VisitedAt = Day(random).ToDateTime(new TimeOnly(random.Next(24), 0), DateTimeKind.Utc),
                    });
                }
                break;
            }
            case 3:
            {
                var r = await AnyAsync(db.ServiceRecords.OrderBy(x => x.Id), random);
                r.Status = (RecordStatus)random.Next(1, 6);
                r.FinishedOn = random.Next(4) == 0 ? null : Day(random);
                r.DueDate = Day(random);
                break;
            }
            case 4:
            {
                var r = await AnyAsync(db.Reviews.OrderBy(x => x.Id), random);
                r.Overall = random.Next(1, 6);
                r.Appeal = (AppealStatus)random.Next(0, 3);
                r.Day = Day(random);
                break;
            }
            case 5:
            {
                var t = await AnyAsync(db.Tickets.OrderBy(x => x.Id), random);
                t.CalledAt = random.Next(4) == 0 ? null : t.IssuedAt.AddMinutes(random.Next(120));
                break;
            }
            case 6:
            {
                var p = await AnyAsync(db.Posts.OrderBy(x => x.Id), random);
                if (random.Next(5) == 0 && p.SecondmentId is null)
                {
                    db.Posts.Remove(p);
                }
                else
                {
                    p.Role = (PostRole)random.Next(1, 8);
                    p.EndDate = random.Next(2) == 0 ? null : p.StartDate.AddDays(random.Next(3000));
                }
                break;
            }
            case 7:
            {
                var u = await AnyAsync(db.Units.Where(x => x.Kind == UnitKind.PoliceStation || x.Kind == UnitKind.CountyBranch).OrderBy(x => x.Id), random);
                u.Kind = u.Kind == UnitKind.PoliceStation ? UnitKind.CountyBranch : UnitKind.PoliceStation;
                break;
            }
            case 8:
            {
                var s = await AnyAsync(db.Secondments.OrderBy(x => x.Id), random);
                s.EndedOn = random.Next(2) == 0 ? null : s.StartDate.AddDays(random.Next(400));
                break;
            }
            case 9:
            {
                var m = await AnyAsync(db.TeamMembers.OrderBy(x => x.Id), random);
                m.Active = !m.Active;
                m.Role = (MemberRole)random.Next(1, 9);
                m.JoinedOn = Day(random);
                break;
            }
            case 10:
            {
                var o = await AnyAsync(db.Outlets.OrderBy(x => x.Id), random);
                o.ServiceCodes = random.Next(2) == 0 ? "ID-RENEW" : "HR-CERT,ID-RENEW,EE-PASSPORT";
                o.Kind = random.Next(3) == 0 ? OutletKind.StationWindow : o.Kind;
                break;
            }
            case 11:
            {
                var d = await AnyAsync(db.Demands.OrderBy(x => x.Id), random);
                d.Status = (DemandStatus)random.Next(1, 5);
                d.AnsweredOn = random.Next(3) == 0 ? null : Day(random);
                break;
            }
            case 12:
            {
                var r = await AnyAsync(db.DemandReferrals.OrderBy(x => x.Id), random);
                r.AnsweredOn = random.Next(2) == 0 ? null : r.ReferredOn.AddDays(random.Next(40));
                break;
            }
            default:
            {
                var t = await AnyAsync(db.Teams.OrderBy(x => x.Id), random);
                t.Kind = t.Kind == TeamKind.CommunityPolice ? TeamKind.VolunteerPatrol : TeamKind.CommunityPolice;
                break;
            }
        }
    }
}

public sealed class SqliteRollupRecountTests(SqliteApp app) : RollupRecountTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRollupRecountTests(PostgresApp app) : RollupRecountTests(app), IClassFixture<PostgresApp>;
