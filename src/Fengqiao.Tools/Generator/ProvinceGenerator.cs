using Fengqiao.Features.Areas;
using System.Globalization;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.PublicServices;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// <c>generate-province</c>: fills an empty, migrated database with a province-sized, repeatable dataset (see
/// <see cref="GeneratorOptions"/>) by bulk insert, printing progress and, at the end, rows per table, time and size.
/// It counts the statistics rollups of what it writes as it goes (<see cref="RollupTally"/>) and writes them last; it writes
/// no audit entries, and neither the calendar nor the service catalogue (the app writes both when it starts).
/// <c>recount</c> checks the rollups against the records. Exit codes: 0 done; 1 refused (the database already holds areas)
/// or failed.
/// </summary>
public static class ProvinceGenerator
{
    public static async Task<int> RunAsync(IServiceProvider services, GeneratorOptions o, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        await db.Database.MigrateAsync(ct);
        if (await db.Areas.IgnoreQueryFilters().AnyAsync(ct))
        {
            await Console.Error.WriteLineAsync("The database already holds areas: generate-province fills an empty database only. Use a fresh database.");
            return 1;
        }
        // The shipped calendar and catalogue, read but not written: the app writes them (audited) when it first starts,
        // and the generated content stays the same from run to run.
        var catalogue = CatalogueData.Services;

        var progress = new Progress(Console.Out);
        progress.Line(string.Create(CultureInfo.InvariantCulture,
            $"generate-province: scale {o.Scale}, seed {o.Seed}, {o.Years} years {o.Start:yyyy-MM-dd} … {o.End:yyyy-MM-dd}, {(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite")}"));
        var world = new World
        {
            Options = o, Shape = ProvinceShape.Build(o), Calendar = HolidayData.ShippedCalendar(),
            Deadlines = services.GetRequiredService<IOptions<DeadlineOptions>>().Value, Protector = services.GetRequiredService<FieldProtector>(),
        };
        var writer = TableWriter.For(db, progress);
        var tables = Tables(db);
        var session = new LoadSession(db, progress);
        await session.BeginAsync(tables, ct);
        await WriteAllAsync(world, writer, catalogue, ct);
        await session.EndAsync(tables, ct);

        if (o.Scale <= 0.05 && await session.ForeignKeyProblemsAsync(ct) is var problems and > 0)
        {
            progress.Line($"{problems} foreign-key problems.");
            return 1;
        }
        var size = await session.SizeAsync(ct);
        progress.Line("Summary:");
        foreach (var (table, rows) in writer.Written.OrderByDescending(t => t.Value))
        {
            var time = progress.Tables.Where(t => t.Table == table).Aggregate(TimeSpan.Zero, (a, t) => a + t.Time);
            progress.Line(string.Create(CultureInfo.InvariantCulture,
                $"  {table,-22} {rows,12:N0} rows  {time.TotalSeconds,8:N1} s  {rows / Math.Max(0.001, time.TotalSeconds),10:N0} rows/s"));
        }
        progress.Line(string.Create(CultureInfo.InvariantCulture,
            $"  {"total",-22} {writer.Written.Values.Sum(),12:N0} rows in {progress.Elapsed.TotalSeconds:N1} s; size on disk {size / 1048576.0:N1} MB"));
        return 0;
    }

    /// <summary>The tables the generator fills (their indexes are rebuilt around the load).</summary>
    private static List<string> Tables(AppDb db) =>
    [
        .. new[]
        {
            typeof(Features.Areas.Area), typeof(Features.Units.Unit), typeof(Features.People.Person), typeof(Features.People.Post), typeof(Features.Secondments.Secondment), typeof(Features.Teams.Team),
            typeof(Features.Teams.TeamMember), typeof(Features.Teams.PatrolLog), typeof(Outlet), typeof(Counter), typeof(Features.Households.Household), typeof(Features.Households.Resident),
            typeof(Features.Visits.Campaign), typeof(Features.Visits.CampaignArea), typeof(Features.Visits.Visit), typeof(Dispute), typeof(DisputeParty), typeof(MediationSession),
            typeof(MediationAgreement), typeof(FollowUpVisit), typeof(DisputeEvent), typeof(Danger), typeof(Demand), typeof(Referral), typeof(Ticket),
            typeof(ServiceRecord), typeof(Review), typeof(Rectification), typeof(Features.Open311.ResidentRequest), typeof(Features.Supervision.SupervisionNotice),
            typeof(CodeCounter),
        }.Select(t => db.Model.FindEntityType(t)!.GetTableName()!),
    ];

    private static async Task WriteAllAsync(World w, TableWriter writer, IReadOnlyList<PublicService> catalogue, CancellationToken ct)
    {
        var o = w.Options;
        var units = RowsUnits.Units(w);
        var tally = writer.Tally = new RollupTally(units.ToDictionary(u => u.Id, u => u.Kind));
        await writer.WriteAsync(RowsUnits.Areas(w), w.Shape.All.Count(), ct);
        await writer.WriteAsync(units, units.Count, ct);
        var people = new RowsPeople(w, units);
        people.Build();
        await writer.WriteAsync(people.People, people.People.Count, ct);
        await writer.WriteAsync(people.Posts, people.Posts.Count, ct);
        await writer.WriteAsync(people.Secondments, people.Secondments.Count, ct);
        var (teams, members) = RowsTeams.Build(w, people.People, people.Posts);
        await writer.WriteAsync(teams, teams.Count, ct);
        await writer.WriteAsync(members, members.Count, ct);

        var services = new RowsServices(w, catalogue);
        var outlets = services.Outlets().ToList();
        await writer.WriteAsync(outlets, outlets.Count, ct);
        await writer.WriteAsync(RowsServices.Counters(outlets).ToList(), outlets.Count * 2, ct);

        var households = new RowsHouseholds(w);
        await writer.WriteAsync(households.Households(), w.Shape.Households, ct);
        await writer.WriteAsync(households.Residents(), households.ResidentCount, ct);

        await writer.WriteAsync([RowsVisits.Campaign(w)], 1, ct);
        await writer.WriteAsync(RowsVisits.CampaignAreas(w), w.Shape.Cities.Length, ct);
        var visits = o.Count(20_000_000);
        await writer.WriteAsync(RowsVisits.Visits(w, visits), visits, ct);

        var disputes = new RowsDisputes(w);
        await writer.WriteAsync(disputes.Disputes(), disputes.Count, ct);
        await writer.WriteAsync(disputes.Parties(), disputes.Count * 2L, ct);
        await writer.WriteAsync(disputes.Sessions(), disputes.Count, ct);
        await writer.WriteAsync(disputes.Agreements(), disputes.Count, ct);
        await writer.WriteAsync(disputes.FollowUps(), disputes.Count, ct);
        await writer.WriteAsync(disputes.Events(), disputes.Count * 5L, ct);

        var openDangers = new List<Danger>();
        var dangers = o.Count(200_000);
        await writer.WriteAsync(RowsCases.Dangers(w, dangers, openDangers), dangers, ct);
        var referrals = new List<Referral>();
        var demands = o.Count(500_000);
        await writer.WriteAsync(RowsCases.Demands(w, demands, units, referrals), demands, ct);
        await writer.WriteAsync(referrals, referrals.Count, ct);

        await writer.WriteAsync(services.Tickets(), services.Count, ct);
        await writer.WriteAsync(services.Records(), services.Count, ct);
        await writer.WriteAsync(services.Reviews(), services.Count * 3L / 10, ct);
        await writer.WriteAsync(services.Rectifications(), services.Count / 100, ct);

        var patrols = o.Count(1_000_000);
        await writer.WriteAsync(RowsTeams.PatrolLogs(w, patrols), patrols, ct);
        var requests = o.Count(20_000);
        await writer.WriteAsync(RowsCases.Requests(w, requests), requests, ct);

        long noticeId = 0;
        await writer.WriteAsync(disputes.Notices(() => ++noticeId), disputes.Count / 100, ct);
        await writer.WriteAsync(RowsCases.DangerNotices(w, openDangers, () => ++noticeId), openDangers.Count, ct);

        // The app's code counters continue after the generated codes; ticket numbers only matter for the last day.
        var end = w.End.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var counters = w.CodeSeries.Select(c => new CodeCounter { Series = c.Key, Last = c.Value })
            .Concat(services.LastDayTickets.Select(t => new CodeCounter { Series = $"T-{t.Key}-{end}", Last = t.Value }))
            .OrderBy(c => c.Series, StringComparer.Ordinal).ToList();
        await writer.WriteAsync(counters, counters.Count, ct);

        // What every record above counts for, added up as it was drawn: the rollups, in key order.
        writer.Tally = null;
        await writer.WriteAsync(tally.Rollups(), tally.Count, ct);
    }
}
