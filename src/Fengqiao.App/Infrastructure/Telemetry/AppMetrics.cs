using System.Diagnostics.Metrics;

namespace Fengqiao.Infrastructure.Telemetry;

/// <summary>
/// The app's own meter, <c>Fengqiao</c>, exported with ASP.NET Core's, the runtime's and Npgsql's at <c>/metrics</c>.
/// Features add their gauges to it (outbox backlog, import queue, report writer queue). Made by the host's meter
/// factory, so that it goes with the host (several hosts in one test process keep their own).
/// </summary>
public sealed class AppMetrics(IMeterFactory factory)
{
    public const string MeterName = "Fengqiao";

    public Meter Meter { get; } = factory.Create(MeterName);

    /// <summary>Runs of periodic jobs on this node, by job: across the nodes, one a period.</summary>
    public Counter<long> JobRuns => _jobRuns ??= Meter.CreateCounter<long>("fengqiao.jobs.runs", description: "Runs of a leased periodic job on this node");

    private Counter<long>? _jobRuns;
}
