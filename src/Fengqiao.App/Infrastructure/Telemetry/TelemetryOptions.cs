namespace Fengqiao.Infrastructure.Telemetry;

/// <summary>The <c>Telemetry</c> section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Off: no traces, no metrics, no <c>/metrics</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Networks (CIDR) allowed to read <c>/metrics</c>; others get 404. Default: this machine only.</summary>
    public List<string> ScrapeNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];

    /// <summary>Anyone may read <c>/metrics</c> (only where the network itself keeps outsiders away).</summary>
    public bool ScrapeFromAnywhere { get; set; }

    /// <summary>Seconds between counts of the backlogs in the database (outbox, imports) for their gauges.</summary>
    public int SampleSeconds { get; set; } = 15;

    /// <summary>An OTLP collector (e.g. <c>http://otel-collector:4317</c>) that receives traces and metrics; empty: none.</summary>
    public string? OtlpEndpoint { get; set; }
}
