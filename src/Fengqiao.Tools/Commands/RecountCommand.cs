using System.CommandLine;
using System.Diagnostics;
using Fengqiao.Features.Statistics;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;

namespace Fengqiao.Tools.Commands;

/// <summary><c>recount [--fix]</c>: counts every record again and reports any rollup that differs (exit 1), or rebuilds it.</summary>
public static class RecountCommand
{
    public static Command Recount(Func<IServiceProvider> services)
    {
        var fix = new Option<bool>("--fix") { Description = "Rebuild the rollups that differ instead of only reporting them." };
        var command = new Command("recount", "Counts every record again and reports any statistics rollup that differs (exit code 1).") { fix };
        command.SetAction(async (r, ct) =>
        {
            var sp = services();
            await sp.PrepareDatabaseAsync(ct);
            return await RunAsync(sp, r.GetValue(fix), Console.Out);
        });
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, bool fix, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var clock = Stopwatch.StartNew();
        var report = await Features.Statistics.Recount.RunAsync(db, fix, line => output.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}"), CancellationToken.None);
        foreach (var m in report.Metrics.Where(m => m.Differences > 0))
        {
            await output.WriteLineAsync($"  {Name(m.Metric)}: {m.Differences:N0} of {m.Rows:N0} rows differ");
        }
        foreach (var d in report.Examples)
        {
            await output.WriteLineAsync($"  e.g. {Name(d.Metric)} area {d.Area} day {d.Day:yyyy-MM-dd}: stored {d.Stored}, counted {d.Counted}");
        }
        var rows = report.Metrics.Sum(m => m.Rows);
        if (report.Differences == 0)
        {
            await output.WriteLineAsync($"Rollups equal the recount: {report.Records:N0} records, {rows:N0} rollup rows, 0 differences ({clock.Elapsed.TotalSeconds:N1} s).");
            return 0;
        }
        await output.WriteLineAsync(fix
            ? $"Rebuilt: {report.Differences:N0} rollup rows differed from {report.Records:N0} records and were replaced ({clock.Elapsed.TotalSeconds:N1} s)."
            : $"DIFFERENT: {report.Differences:N0} of {rows:N0} rollup rows differ from the {report.Records:N0} records. Run `recount --fix` to rebuild them.");
        return fix ? 0 : 1;
    }

    private static string Name(Metric m) => Metrics.IsMonthly(m) ? $"{Metrics.Daily(m)} by month" : m.ToString();
}
