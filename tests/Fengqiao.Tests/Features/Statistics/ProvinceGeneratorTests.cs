using Fengqiao.Features.Disputes;
using Fengqiao.Features.Statistics;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Fengqiao.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Statistics;

/// <summary>
/// <c>generate-province</c> (the tools' command line) on an empty database: it writes the records and the rollups of what it wrote, and those
/// rollups equal a full recount from the records, so the province's figures are right from its first start.
/// </summary>
public abstract class ProvinceGeneratorTests(FengqiaoApp app)
{
    [Fact]
    public async Task AGeneratedProvinceComesWithRollupsThatEqualAFullRecount()
    {
        await app.ClientAsync(null);
        // Another connection holds the database open, as the app's workers do with theirs: the load must not wait for it.
        await using var worker = app.Services.CreateAsyncScope();
        await worker.ServiceProvider.GetRequiredService<AppDb>().Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        string[] args = ["generate-province", "--scale", "0.002", "--seed", "7", "--end", "2026-06-30"];
        Assert.Equal(0, await ToolCommands.RunAsync(app.Services, args));

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var report = await Recount.RunAsync(db, fix: false, null, TestContext.Current.CancellationToken);
        Assert.True(report.Differences == 0,
            $"{report.Differences} differences: " + string.Join("; ", report.Examples.Select(e => $"{e.Metric} {e.Area} {e.Day}: stored {e.Stored}, counted {e.Counted}")));
        Assert.True(report.Records > 50_000, $"only {report.Records} records were counted");

        // The province's row holds every dispute not merged into another, registered on its day.
        var disputes = await db.Disputes.IgnoreQueryFilters().CountAsync(d => d.MergedIntoId == null, TestContext.Current.CancellationToken);
        var province = await db.Rollups.Where(r => r.Metric == Metric.DisputesRegistered && r.Area == "22").SumAsync(r => r.Value, TestContext.Current.CancellationToken);
        Assert.True(disputes > 1_000, $"only {disputes} disputes");
        Assert.Equal(disputes, province);
        Assert.True(await db.Disputes.IgnoreQueryFilters().AnyAsync(d => d.Status == DisputeStatus.Resolved, TestContext.Current.CancellationToken));

        // A second run refuses a database that already holds a province.
        Assert.Equal(1, await ToolCommands.RunAsync(app.Services, args));
    }
}

public sealed class SqliteProvinceGeneratorTests(ProductionSqliteApp app) : ProvinceGeneratorTests(app), IClassFixture<ProductionSqliteApp>;

public sealed class PostgresProvinceGeneratorTests(ProductionPostgresApp app) : ProvinceGeneratorTests(app), IClassFixture<ProductionPostgresApp>;
