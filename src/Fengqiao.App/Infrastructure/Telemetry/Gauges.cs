using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Fengqiao.Infrastructure.Telemetry;

/// <summary>A gauge read from the node's memory when scraped (a queue's length).</summary>
public sealed record LiveGauge(string Name, string Description, Func<IServiceProvider, long> Read);

/// <summary>A gauge counted in the database every <see cref="TelemetryOptions.SampleSeconds"/> (a backlog), shown as last counted.</summary>
public sealed record DatabaseGauge(string Name, string Description, Func<AppDb, CancellationToken, Task<long>> Count);

public static class GaugeRegistration
{
    /// <summary>A feature's gauge of something it holds in memory.</summary>
    public static IServiceCollection AddLiveGauge(this IServiceCollection services, string name, string description, Func<IServiceProvider, long> read) =>
        services.AddSingleton(new LiveGauge(name, description, read));

    /// <summary>A feature's gauge of rows in the database; every node counts and shows the same cluster-wide figure.</summary>
    public static IServiceCollection AddDatabaseGauge(this IServiceCollection services, string name, string description,
        Func<AppDb, CancellationToken, Task<long>> count) =>
        services.AddSingleton(new DatabaseGauge(name, description, count));
}

/// <summary>
/// Makes the features' gauges on the app's meter, and counts the database ones now and then rather than at every
/// scrape: a scrape then costs nothing, and a slow database does not make the scrape time out.
/// </summary>
public sealed partial class GaugeSampler(
    IServiceProvider services, IServiceScopeFactory scopes, AppMetrics metrics, IEnumerable<LiveGauge> live, IEnumerable<DatabaseGauge> counted,
    TelemetryOptions options, ILogger<GaugeSampler> log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, long> _last = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var g in live)
        {
            metrics.Meter.CreateObservableGauge(g.Name, () => g.Read(services), description: g.Description);
        }
        foreach (var g in counted)
        {
            metrics.Meter.CreateObservableGauge(g.Name,
                () => _last.TryGetValue(g.Name, out var v) ? [new Measurement<long>(v)] : Array.Empty<Measurement<long>>(), description: g.Description);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!counted.Any())
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.SampleSeconds)));
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                LogSampleFailed(log, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        foreach (var g in counted)
        {
            _last[g.Name] = await g.Count(db, ct);
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Could not count the backlogs for the metrics ({ErrorType}); they show the last count")]
    private static partial void LogSampleFailed(ILogger logger, string errorType);
}
