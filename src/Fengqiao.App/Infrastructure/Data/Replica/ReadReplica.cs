using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Infrastructure.Data.Replica;

/// <summary>
/// The read replica: dashboards, statistics, exports and look-ups ask for <c>[FromKeyedServices(ReadReplica.Key)] AppDb</c>
/// and read from <c>ConnectionStrings:FengqiaoRead</c> (in the cluster, HAProxy's read port: the streaming standby, or
/// the primary while no standby is healthy), through the same jurisdiction filters as every other query. Pages that
/// must show their own writes keep the plain <see cref="AppDb"/>, the primary. Without a read connection (and always on
/// SQLite, which has no replicas) the key gives the request's own primary context, so nothing changes.
/// The context never writes: SaveChanges is refused here, and the cluster's read role refuses any write in SQL.
/// </summary>
public static class ReadReplica
{
    public const string Key = "read";
    public const string ConnectionName = "FengqiaoRead";

    public static WebApplicationBuilder AddReadReplica(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var read = builder.Configuration.GetConnectionString(ConnectionName);
        var separate = provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(read);
        builder.Services.AddSingleton(new ReplicaOptions(separate ? read : null));
        if (!separate)
        {
            builder.Services.AddKeyedScoped<AppDb>(Key, (sp, _) => sp.GetRequiredService<AppDb>());
            return builder;
        }
        // Built once, like the primary's options. No feature interceptors: they react to writes, and there are none.
        var options = new DbContextOptionsBuilder<PostgresAppDb>()
            .UseNpgsql(read)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(new RefuseWrites())
            .Options;
        builder.Services.AddKeyedScoped<AppDb>(Key, (sp, _) => new PostgresAppDb(options, sp.GetRequiredService<Jurisdiction>()));
        return builder;
    }

    /// <summary>A write through the read context is a programming error: said at once, before anything reaches the database.</summary>
    private sealed class RefuseWrites : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw Refused();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) => throw Refused();

        private static InvalidOperationException Refused() =>
            new("The read replica's context does not write: take the primary's AppDb for a page that changes data.");
    }
}

/// <summary>The read connection, when it differs from the primary's (null otherwise).</summary>
public sealed record ReplicaOptions(string? ReadConnection);
