namespace Fengqiao.Infrastructure.Data;

/// <summary>
/// What a feature writes into a migrated database: shipped reference data (holidays, the service catalogue), the sign-in
/// roles, the demo province in demo mode, the first statistics count. Each is idempotent. They run where the schema is
/// made: at start-up on the embedded SQLite default (which migrates itself), and in the <c>migrate</c> command on
/// PostgreSQL, so that a PostgreSQL web node writes nothing when it starts.
/// </summary>
/// <param name="Order">Lower first: reference data, then roles and the demo, then what counts the records.</param>
public sealed record DataSeed(int Order, string Name, Func<IServiceProvider, CancellationToken, Task> RunAsync);

public static class DataSeeds
{
    public const int ReferenceData = 10;
    public const int Demo = 20;
    public const int Counts = 30;

    /// <summary>Registered from a feature's AddX().</summary>
    public static IServiceCollection AddDataSeed(this IServiceCollection services, int order, string name, Func<IServiceProvider, CancellationToken, Task> run) =>
        services.AddSingleton(new DataSeed(order, name, run));

    /// <summary>
    /// At start-up: the embedded SQLite default seeds itself, as it migrates itself; a PostgreSQL node writes nothing
    /// (the <c>migrate</c> command seeds).
    /// </summary>
    public static Task SeedIfEmbeddedAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite ? services.SeedDatabaseAsync(ct) : Task.CompletedTask;

    /// <summary>Runs every registered seed, in order (registration order within one order).</summary>
    public static async Task SeedDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        foreach (var seed in services.GetServices<DataSeed>().OrderBy(s => s.Order))
        {
            await seed.RunAsync(services, ct);
        }
    }
}
