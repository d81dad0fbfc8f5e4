using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Statistics;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Data.Replica;
using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fengqiao.Tests.Infrastructure.Replica;

/// <summary>
/// Leaders' dashboards, exports and look-ups read the replica; a record page reads the primary (its own writes); the
/// read context never writes; an administrator sees what the read connection reaches and its lag.
/// </summary>
public sealed class ReadReplicaTests(ReplicaPostgresApp app) : IClassFixture<ReplicaPostgresApp>
{
    private const string Mark = " (replica copy)";

    /// <summary>Only the replica copy gets the marked names: whoever shows them read the replica.</summary>
    private async Task MarkTheReplicaAsync()
    {
        await using var c = new NpgsqlConnection(app.ReplicaAdminConnection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"UPDATE \"Areas\" SET \"NameEn\" = \"NameEn\" || '{Mark}' WHERE \"NameEn\" NOT LIKE '%{Mark}'", c);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task TheDashboardAndItsExportReadTheReplicaWhileTheAreaPageReadsThePrimary()
    {
        var leader = await app.ClientAsync("demo.province");
        await MarkTheReplicaAsync();

        var dashboard = await leader.GetFromJsonAsync<DashboardDto>("/api/statistics", Api.Json);
        Assert.EndsWith(Mark, dashboard!.Area.Name, StringComparison.Ordinal);
        var csv = await leader.GetStringAsync("/api/statistics/export.csv", TestContext.Current.CancellationToken);
        Assert.Contains(Mark, csv, StringComparison.Ordinal);

        var area = await leader.GetFromJsonAsync<AreaDetailDto>($"/api/areas/{dashboard.Area.Code}", Api.Json);
        Assert.Equal(dashboard.Area.Name[..^Mark.Length], area!.Area.NameEn);
    }

    [Fact]
    public async Task AWriteThroughTheReadContextIsRefusedBeforeAndByTheDatabase()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var read = scope.ServiceProvider.GetRequiredKeyedService<AppDb>(ReadReplica.Key);
        Assert.NotSame(scope.ServiceProvider.GetRequiredService<AppDb>(), read);

        var first = await read.Areas.AsTracking().FirstAsync(TestContext.Current.CancellationToken);
        first.NameEn = "changed on the replica";
        await Assert.ThrowsAsync<InvalidOperationException>(() => read.SaveChangesAsync(TestContext.Current.CancellationToken));

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            read.Database.ExecuteSqlRawAsync("UPDATE \"Areas\" SET \"NameEn\" = 'changed on the replica'", TestContext.Current.CancellationToken));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    [Fact]
    public async Task AnAdministratorSeesWhatTheReadConnectionReachesAndAnOfficerDoesNot()
    {
        var admin = await app.ClientAsync("demo.admin");
        var status = await admin.GetFromJsonAsync<ReplicaStatusDto>("/api/cluster/replica", Api.Json);
        // The test's replica is a copy, not a standby: reachable, separate from the primary, not replaying.
        Assert.True(status!.Separate);
        Assert.True(status.Reachable);
        Assert.False(status.Standby);
        Assert.Null(status.LagSeconds);

        var officer = await app.ClientAsync("demo.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/cluster/replica", TestContext.Current.CancellationToken)).StatusCode);
    }
}

/// <summary>Without a read connection (and on SQLite always) the read context is the request's primary context.</summary>
public sealed class NoReplicaTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task WithoutAReadConnectionTheReadContextIsThePrimaryAndSeesItsOwnWrites()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var primary = scope.ServiceProvider.GetRequiredService<AppDb>();
        Assert.Same(primary, scope.ServiceProvider.GetRequiredKeyedService<AppDb>(ReadReplica.Key));
        var admin = await app.ClientAsync("demo.admin");
        var status = await admin.GetFromJsonAsync<ReplicaStatusDto>("/api/cluster/replica", Api.Json);
        Assert.False(status!.Separate);
        Assert.False(status.Standby);
    }
}
