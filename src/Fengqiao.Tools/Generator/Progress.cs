using System.Diagnostics;
using System.Globalization;

namespace Fengqiao.Tools.Generator;

/// <summary>A progress line at least every five seconds: table, rows written, rows per second, and the time left for the table.</summary>
internal sealed class Progress(TextWriter output)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _table = new();
    private string _name = "";
    private long _expected;
    private TimeSpan _last;

    public TimeSpan Elapsed => _total.Elapsed;

    public List<(string Table, long Rows, TimeSpan Time)> Tables { get; } = [];

    public void Begin(string table, long expected)
    {
        _name = table;
        _expected = expected;
        _table.Restart();
        _last = TimeSpan.Zero;
    }

    public void Report(long rows)
    {
        var now = _table.Elapsed;
        if (now - _last < Every)
        {
            return;
        }
        _last = now;
        var rate = rows / Math.Max(0.001, now.TotalSeconds);
        var left = _expected > rows && rate > 0 ? TimeSpan.FromSeconds((_expected - rows) / rate) : TimeSpan.Zero;
        Line($"{_name,-22} {rows,12:N0} / {_expected:N0} rows  {rate,10:N0} rows/s  ETA {left:hh\\:mm\\:ss}");
    }

    public void End(long rows)
    {
        var time = _table.Elapsed;
        Tables.Add((_name, rows, time));
        Line($"{_name,-22} {rows,12:N0} rows in {time.TotalSeconds:N1} s  ({rows / Math.Max(0.001, time.TotalSeconds):N0} rows/s)");
    }

    /// <summary>A step that is not a table (index builds, counters): timed the same way.</summary>
    public async Task StepAsync(string name, Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        Line($"{name} in {watch.Elapsed.TotalSeconds:N1} s");
    }

    public void Line(string text) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_total.Elapsed:hh\\:mm\\:ss}] {text}"));
}
