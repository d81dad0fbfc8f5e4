using System.Net;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fengqiao.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry with the standard instrumentation: ASP.NET Core (request rate and latency per route), outgoing HTTP
/// (webhooks, SMS), the .NET runtime, and Npgsql's own traces and meter (commands, connection pool use). Metrics are
/// read by Prometheus at <c>/metrics</c>; traces and metrics also go to an OTLP collector when one is configured.
/// Every log line carries the trace and span id of the request it belongs to.
/// </summary>
public static class TelemetrySetup
{
    public const string ScrapePath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<AppMetrics>();
        builder.Services.AddHostedService<GaugeSampler>();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        if (!options.Enabled)
        {
            return builder;
        }
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("fengqiao"));
        // Spans are recorded only when a collector takes them: with none, recording every request's spans was
        // processor time for nothing (issue 25, bench/README.md "Processor per report"). Log lines keep their trace
        // id either way, since ASP.NET Core starts each request's activity for its logging scope.
        if (otlp is not null)
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql")
                .AddOtlpExporter(o => o.Endpoint = otlp));
        }
        telemetry.WithMetrics(m =>
        {
            m.AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", AppMetrics.MeterName)
                .AddPrometheusExporter();
            if (otlp is not null)
            {
                m.AddOtlpExporter(o => o.Endpoint = otlp);
            }
        });
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> for the configured networks only (after the forwarded headers, so a client through the proxy is
    /// judged by its own address); for anyone else the path does not exist.
    /// </summary>
    public static IApplicationBuilder UseMetricsScraping(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<TelemetryOptions>();
        if (!options.Enabled)
        {
            return app;
        }
        var networks = options.ScrapeNetworks.Select(n => IPNetwork.TryParse(n.Trim(), out var net)
            ? net
            : throw new InvalidOperationException($"Telemetry:ScrapeNetworks: \"{n}\" is not a network in CIDR form (10.0.0.0/24).")).ToList();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == ScrapePath
            && (options.ScrapeFromAnywhere || (http.Connection.RemoteIpAddress is { } ip && networks.Any(n => n.Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip)))));
    }

    /// <summary>Health checks and scrapes: not counted by the limits, not traced.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments(ScrapePath);
}
