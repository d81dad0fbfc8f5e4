using System.Data.Common;

namespace Fengqiao.Infrastructure.Data.Replica;

/// <summary>
/// What the replica behind the read connection is and how far behind the primary it reads: <c>Standby</c> false when the
/// read connection reaches a primary (no replica configured, or HAProxy's fallback while no standby is healthy);
/// <c>LagSeconds</c> 0 when it has replayed all it has received, otherwise the age of the last transaction it replayed.
/// </summary>
public sealed record ReplicaStatusDto(bool Separate, bool Reachable, bool Standby, double? LagSeconds, DateTimeOffset? LastReplayed, string? Problem);

public static class ReplicaLag
{
    private const string Sql = """
        SELECT pg_is_in_recovery(),
               CASE WHEN NOT pg_is_in_recovery() THEN NULL
                    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                    ELSE EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 END,
               pg_last_xact_replay_timestamp()
        """;

    public static IEndpointRouteBuilder MapReplicaLag(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cluster/replica", GetAsync).WithTags("Cluster").WithName("GetReplicaStatus")
            .WithSummary("The read replica: whether the read connection reaches a standby, and its replay lag in seconds (administrators).")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        return app;
    }

    private static async Task<Ok<ReplicaStatusDto>> GetAsync([FromKeyedServices(ReadReplica.Key)] AppDb read, ReplicaOptions options, CancellationToken ct)
    {
        var separate = options.ReadConnection is not null;
        if (!read.Database.IsNpgsql())
        {
            return TypedResults.Ok(new ReplicaStatusDto(false, true, false, null, null, null));
        }
        try
        {
            var connection = read.Database.GetDbConnection();
            await read.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Sql;
                await using var row = await command.ExecuteReaderAsync(ct);
                await row.ReadAsync(ct);
                return TypedResults.Ok(new ReplicaStatusDto(separate, true, row.GetBoolean(0),
                    row.IsDBNull(1) ? null : row.GetDouble(1),
                    row.IsDBNull(2) ? null : row.GetFieldValue<DateTimeOffset>(2), null));
            }
            finally
            {
                await read.Database.CloseConnectionAsync();
            }
        }
        catch (DbException e)
        {
            return TypedResults.Ok(new ReplicaStatusDto(separate, false, false, null, null, e.Message));
        }
    }
}
