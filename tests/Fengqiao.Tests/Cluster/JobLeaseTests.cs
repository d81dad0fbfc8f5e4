using Fengqiao.Features.Disputes;
using System.Net;
using System.Text.Json;
using Fengqiao.Features.Outbox;
using Fengqiao.Features.Supervision;
using Fengqiao.Infrastructure.Audit;
using Fengqiao.Infrastructure.Cluster;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Features.Outbox;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fengqiao.Tests.Cluster;

/// <summary>Three app nodes on one PostgreSQL database, their outbox sending webhooks to one receiver, driven by the test.</summary>
public sealed class ThreeNodePostgresApp : PostgresApp
{
    public HttpReceiver Receiver { get; } = new();
    private readonly List<WebApplicationFactory<Program>> _others = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Outbox:Webhooks:0:Name", "hotline12345");
        builder.UseSetting("Outbox:Webhooks:0:Url", Receiver.Url + "/hook");
        builder.UseSetting("Outbox:Webhooks:0:Secret", "test-12345-secret");
        builder.UseSetting("Outbox:Webhooks:0:Events:0", "request.received");
        // Small rounds, so that the three nodes' rounds overlap on the same messages.
        builder.UseSetting("Outbox:BatchSize", "5");
    }

    /// <summary>This node and two more on its database (made once, on first use).</summary>
    public IReadOnlyList<WebApplicationFactory<Program>> Nodes
    {
        get
        {
            Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
            lock (_others)
            {
                while (_others.Count < 2)
                {
                    _others.Add(WithWebHostBuilder(_ => { }));
                }
                return [this, .. _others];
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var node in _others)
        {
            await node.DisposeAsync();
        }
        await base.DisposeAsync();
        Receiver.Dispose();
    }
}

/// <summary>
/// Periodic work runs once per period across the nodes: one node holds each job's lease and the others leave it; a node
/// that dies holding it leaves the job to another once the lease ends; and what the jobs do (escalation notices, audit
/// seals, outbox deliveries) happens exactly once.
/// </summary>
public sealed class JobLeaseTests(ThreeNodePostgresApp app) : IClassFixture<ThreeNodePostgresApp>
{
    private IReadOnlyList<JobLeases> Leases => [.. app.Nodes.Select(n => n.Services.GetRequiredService<JobLeases>())];

    private static string NewJob() => "test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task OneNodeHoldsAJobAndKeepsItWhileItRenews()
    {
        var job = NewJob();
        var holders = new List<int>();
        for (var round = 0; round < 5; round++)
        {
            var held = await Task.WhenAll(Leases.Select(l => l.TryHoldAsync(job, TimeSpan.FromMinutes(1), CancellationToken.None)));
            holders.Add(Assert.Single(Enumerable.Range(0, held.Length), i => held[i]));
        }
        Assert.Single(holders.Distinct());
    }

    [Fact]
    public async Task ANodeThatDiesHoldingAJobLeavesItToAnotherOnceTheLeaseEnds()
    {
        var job = NewJob();
        var (dead, others) = (Leases[0], Leases.Skip(1).ToList());
        Assert.True(await dead.TryHoldAsync(job, TimeSpan.FromSeconds(2), CancellationToken.None));
        var until = await UntilAsync(job);
        // The dead node never renews and never releases. The others keep looking, as their timers would.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool[] taken;
        do
        {
            taken = await Task.WhenAll(others.Select(l => l.TryHoldAsync(job, TimeSpan.FromMinutes(1), CancellationToken.None)));
            if (!taken.Any(t => t))
            {
                Assert.True(DateTime.UtcNow < deadline, "no other node took the job in 30 s");
                await Task.Delay(100);
            }
        }
        while (!taken.Any(t => t));
        Assert.Single(taken, t => t);
        Assert.True(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() >= until, "taken over before the dead node's lease ended");
        Assert.False(await dead.TryHoldAsync(job, TimeSpan.FromSeconds(2), CancellationToken.None)); // back, it finds the job taken
    }

    private async Task<long> UntilAsync(string job)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Set<JobLease>().AsNoTracking().Where(l => l.Name == job).Select(l => l.UntilMs).SingleAsync();
    }

    [Fact]
    public async Task EachEscalationRunsOnOneNodeAndEachNoticeIsRaisedOnce()
    {
        var nodes = app.Nodes;
        var today = app.Services.GetRequiredService<Fengqiao.Infrastructure.Web.LocalClock>().Today;
        List<int> late;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var running = new[] { Fengqiao.Features.Disputes.DisputeStatus.Registered, Fengqiao.Features.Disputes.DisputeStatus.Assigned };
            late = await db.Disputes.Where(d => running.Contains(d.Status) && d.MergedIntoId == null).OrderBy(d => d.Id).Select(d => d.Id).Take(3).ToListAsync();
            Assert.NotEmpty(late);
            // Their deadlines passed a month ago: the next check raises notices up the tree.
            await db.Disputes.Where(d => late.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueDate, today.AddDays(-30)));
        }

        var workers = nodes.Select(n => n.Services.GetServices<IHostedService>().OfType<EscalationWorker>().Single()).ToList();
        var ran = await Task.WhenAll(workers.Select(w => w.RunIfHeldAsync(TimeSpan.FromMinutes(5), CancellationToken.None)));
        Assert.Single(ran, r => r);

        using var check = app.Services.CreateScope();
        check.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var notices = await check.ServiceProvider.GetRequiredService<AppDb>().SupervisionNotices.AsNoTracking()
            .Select(n => new { n.SubjectKind, n.SubjectId, n.DueDate, n.Level }).ToListAsync();
        Assert.All(late, id => Assert.Contains(notices, n => n.SubjectId == id && n.DueDate == today.AddDays(-30)));
        Assert.Equal(notices.Count, notices.Distinct().Count());
    }

    [Fact]
    public async Task EveryAuditEntryIsSealedOnceWhileThreeNodesRunTheSealer()
    {
        var nodes = app.Nodes;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            for (var i = 0; i < 250; i++)
            {
                AuditLog.Write(db, "test-seal", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            await db.SaveChangesAsync();
        }
        var sealers = nodes.Select(n => (Leases: n.Services.GetRequiredService<JobLeases>(), Sealer: n.Services.GetServices<IHostedService>().OfType<AuditSealer>().Single())).ToList();
        var ran = await Task.WhenAll(sealers.Select(s => s.Leases.RunIfHeldAsync(AuditSealer.Job, TimeSpan.FromSeconds(1), s.Sealer.SealAllAsync, CancellationToken.None)));
        Assert.Single(ran, r => r);

        using var check = app.Services.CreateScope();
        check.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var verified = await AuditChain.VerifyAsync(check.ServiceProvider.GetRequiredService<AppDb>(), CancellationToken.None);
        Assert.Null(verified.FirstBrokenSeq);
        var seqs = await check.ServiceProvider.GetRequiredService<AppDb>().AuditLog.AsNoTracking().Where(e => e.Action == "test-seal").Select(e => e.Seq).ToListAsync();
        Assert.Equal(250, seqs.Count(s => s != null));
        Assert.Equal(250, seqs.Distinct().Count());
    }

    [Fact]
    public async Task EachOutboxMessageIsDeliveredOnceByThreeNodesAtOnce()
    {
        var nodes = app.Nodes;
        var admin = await app.ClientAsync("demo.admin");
        var grid = await admin.GetJsonAsync<Fengqiao.Features.Areas.AreaDetailDto>("/api/areas/220104001001001");
        var resident = await app.ClientAsync(null);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var codes = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var response = await resident.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "dispute-neighbour", ["description"] = $"楼道堆放杂物 {i}",
                ["lat"] = grid.Area.Lat!.Value.ToString(inv), ["long"] = grid.Area.Lng!.Value.ToString(inv),
            }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            codes.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!);
        }

        var workers = nodes.Select(n => n.Services.GetRequiredService<OutboxWorker>()).ToList();
        await Task.WhenAll(workers.Select(async w =>
        {
            while (await w.RunOnceAsync(CancellationToken.None) > 0)
            {
            }
        }));

        var hooks = app.Receiver.All.Where(r => r.Path == "/hook" && codes.Any(c => r.Body.Contains(c, StringComparison.Ordinal))).ToList();
        Assert.Equal(codes.Count, hooks.Count); // one delivery per report: no node sent another's message again
        Assert.Equal(codes.Count, hooks.Select(h => h.Headers["Idempotency-Key"]).Distinct().Count());
    }
}
