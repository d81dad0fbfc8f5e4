using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using System.Globalization;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Tests.Infrastructure;
using Fengqiao.Tools;
using Fengqiao.Tools.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Tools;

/// <summary>
/// Two small provinces generated into two databases of their own (Jilin 22 and Liaoning 21), as two clusters would hold them:
/// both on SQLite, or Liaoning on PostgreSQL, so that one national read spans both providers.
/// </summary>
public abstract class TwoProvinces(FengqiaoApp liaoning) : IAsyncLifetime
{
    public FengqiaoApp Jilin { get; } = new ProductionSqliteApp();
    public FengqiaoApp Liaoning { get; } = liaoning;

    public async ValueTask InitializeAsync()
    {
        foreach (var (app, code, seed) in new[] { (Jilin, "22", "7"), (Liaoning, "21", "8") })
        {
            await app.InitializeAsync();
            if (app.SkipReason is not null)
            {
                return; // each test skips with the reason (outside CI only)
            }
            await app.ClientAsync(null);
            string[] args = ["generate-province", "--scale", "0.001", "--seed", seed, "--years", "1", "--end", "2026-06-30", "--province", code];
            Assert.Equal(0, await ToolCommands.RunAsync(app.Services, args));
        }
    }

    public void SkipUnlessReady() => Assert.SkipWhen(Liaoning.SkipReason is not null, Liaoning.SkipReason ?? "");

    public static string Connection(FengqiaoApp app) => app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Fengqiao")!;

    /// <summary>Counted from the records themselves, not from any rollup.</summary>
    public static async Task<(int Residents, int Disputes)> RecordsAsync(FengqiaoApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return (await db.Residents.IgnoreQueryFilters().CountAsync(), await db.Disputes.IgnoreQueryFilters().CountAsync(d => d.MergedIntoId == null));
    }

    public async ValueTask DisposeAsync()
    {
        await Jilin.DisposeAsync();
        await Liaoning.DisposeAsync();
    }
}

/// <summary>
/// <c>national-rollup</c>: the nation's figures read from each province's own database through the statistics feature. A count is the
/// sum of the provinces' records, a ratio comes from the summed parts, and a province given twice is refused rather than counted twice.
/// </summary>
public abstract class NationalRollupTests(TwoProvinces provinces)
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ToolCommands.RunAsync(args, () => throw new InvalidOperationException("national-rollup reads the provinces' databases only."),
            output, error, TestContext.Current.CancellationToken);
        return (code, output + error.ToString());
    }

    private sealed record Row(string Area, string Figure, long Numerator, long Denominator, double? Value);

    private static List<Row> Read(string csv) => [.. File.ReadAllLines(csv).Skip(1).Select(line =>
    {
        var c = line.Split(',');
        return new Row(c[0], c[2], long.Parse(c[6], CultureInfo.InvariantCulture), long.Parse(c[7], CultureInfo.InvariantCulture),
            c[8].Length == 0 ? null : double.Parse(c[8], CultureInfo.InvariantCulture));
    })];

    [Fact]
    public async Task TheNationsCountsAreTheSumOfTheProvincesRecordsAndItsRatiosComeFromTheSummedParts()
    {
        provinces.SkipUnlessReady();
        var csv = Path.Combine(Path.GetTempPath(), $"national-{Guid.NewGuid():N}.csv");
        var (code, output) = await RunAsync("national-rollup", "--province", TwoProvinces.Connection(provinces.Jilin),
            "--province", TwoProvinces.Connection(provinces.Liaoning), "--from", "2025-01-01", "--to", "2026-06-30", "--today", "2026-07-01", "--out", csv);
        Assert.True(code == 0, output);
        Assert.Contains("National total = the sum of the 2 provinces' own totals", output, StringComparison.Ordinal);
        var rows = Read(csv);
        File.Delete(csv);
        Assert.Equal(["21", "22", NationalRollupCommand.National], rows.Select(r => r.Area).Distinct().Order(StringComparer.Ordinal));

        var jilin = await TwoProvinces.RecordsAsync(provinces.Jilin);
        var liaoning = await TwoProvinces.RecordsAsync(provinces.Liaoning);
        Assert.True(jilin.Disputes > 100 && liaoning.Disputes > 100, $"too few disputes: {jilin.Disputes}, {liaoning.Disputes}");
        Row Get(string area, string figure) => rows.Single(r => r.Area == area && r.Figure == figure);
        Assert.Equal((double)(jilin.Residents + liaoning.Residents), Get(NationalRollupCommand.National, "residents").Value);
        Assert.Equal((double)jilin.Residents, Get("22", "residents").Value);
        Assert.Equal((double)(jilin.Disputes + liaoning.Disputes), Get(NationalRollupCommand.National, "disputes-registered").Value);
        Assert.Equal((double)liaoning.Disputes, Get("21", "disputes-registered").Value);

        // The resolution rate of the nation: the provinces' resolved and registered disputes summed, then divided.
        var rate = Get(NationalRollupCommand.National, "resolution-rate");
        var parts = rows.Where(r => r.Figure == "resolution-rate" && r.Area != NationalRollupCommand.National).ToList();
        Assert.Equal(jilin.Disputes + liaoning.Disputes, (int)rate.Denominator);
        Assert.Equal(parts.Sum(r => r.Numerator), rate.Numerator);
        Assert.Equal(Math.Round(100.0 * rate.Numerator / rate.Denominator, 1), rate.Value);
    }

    [Fact]
    public async Task AProvinceGivenTwiceIsRefusedRatherThanCountedTwice()
    {
        provinces.SkipUnlessReady();
        var jilin = TwoProvinces.Connection(provinces.Jilin);
        var (code, output) = await RunAsync("national-rollup", "--province", jilin, "--province", TwoProvinces.Connection(provinces.Liaoning),
            "--province", jilin, "--today", "2026-07-01");
        Assert.Equal(ToolCommands.Failed, code);
        Assert.Contains("province 22 is given 2 times", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedProvinceFileIsAnErrorNotANewEmptyDatabase()
    {
        provinces.SkipUnlessReady();
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-province-{Guid.NewGuid():N}.db");
        var (code, output) = await RunAsync("national-rollup", "--province", TwoProvinces.Connection(provinces.Jilin), "--province", $"Data Source={missing}");
        Assert.Equal(ToolCommands.Failed, code);
        Assert.Contains("REFUSED", output, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}

public sealed class TwoSqliteProvinces() : TwoProvinces(new ProductionSqliteApp());

public sealed class SqliteAndPostgresProvinces() : TwoProvinces(new ProductionPostgresApp());

public sealed class SqliteNationalRollupTests(TwoSqliteProvinces provinces) : NationalRollupTests(provinces), IClassFixture<TwoSqliteProvinces>;

/// <summary>Jilin on SQLite, Liaoning on PostgreSQL: the same command reads both.</summary>
public sealed class MixedNationalRollupTests(SqliteAndPostgresProvinces provinces) : NationalRollupTests(provinces), IClassFixture<SqliteAndPostgresProvinces>;
