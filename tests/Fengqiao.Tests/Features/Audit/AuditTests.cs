using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Households;
using Fengqiao.Infrastructure.Audit;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Audit;

/// <summary>The audit log: sign-ins, permission failures and reveals go in; a hash chain shows any later change; only the auditor reads it.</summary>
public abstract class AuditTests(FengqiaoApp app)
{
    private static async Task<AuditEntryDto> SealedAsync(HttpClient auditor, string query)
    {
        for (var i = 0; i < 100; i++)
        {
            var page = await auditor.PageAsync<AuditEntryDto>("/api/audit?" + query);
            if (page.Items.Count > 0 && page.Items[0].Seq is not null)
            {
                return page.Items[0];
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no sealed audit entry for {query} within 10 s");
    }

    [Fact]
    public async Task OnlyTheAuditorReadsTheLogAndEveryOneElsesTryIsItselfAudited()
    {
        var auditor = await app.ClientAsync("demo.auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit")).StatusCode);
        foreach (var user in new[] { "demo.admin", "demo.officer" })
        {
            var client = await app.ClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
            var entry = await SealedAsync(auditor, $"user={user}&action=forbidden");
            Assert.Equal("/api/audit", entry.Reason);
        }
        // The auditor reads the log and nothing else.
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/households")).StatusCode);
    }

    [Fact]
    public async Task SignInsAndFailedSignInsAreAuditedWithoutThePassword()
    {
        var anonymous = await app.ClientAsync(null);
        var wrong = await anonymous.PostAsJsonAsync("/api/account/login", new { userName = "demo.director", password = "not-the-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        await app.ClientAsync("demo.director");
        var auditor = await app.ClientAsync("demo.auditor");
        var failed = await SealedAsync(auditor, "user=demo.director&action=sign-in-failed");
        Assert.DoesNotContain("not-the-password", failed.Reason ?? "", StringComparison.Ordinal);
        await SealedAsync(auditor, "user=demo.director&action=sign-in");
    }

    [Fact]
    public async Task SealersRacingOnTwoNodesLeaveOneUnbrokenChain()
    {
        // Entries waiting to be sealed, then two sealers (as on two nodes, besides this host's own) at once: whichever
        // loses a round must leave nothing behind, so the chain checks from the first entry to the seal.
        await using (var writing = app.Services.CreateAsyncScope())
        {
            writing.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = writing.ServiceProvider.GetRequiredService<AppDb>();
            for (var i = 0; i < 600; i++)
            {
                AuditLog.Write(db, "test", "Race", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            await db.SaveChangesAsync();
        }
        async Task<int> SealerAsync()
        {
            var total = 0;
            for (var round = 0; round < 20; round++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
                total += await AuditChain.SealAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), 50, CancellationToken.None);
            }
            return total;
        }
        var sealedByEach = await Task.WhenAll(SealerAsync(), SealerAsync());
        Assert.True(sealedByEach.Sum() > 0);

        await using var checking = app.Services.CreateAsyncScope();
        checking.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var check = checking.ServiceProvider.GetRequiredService<AppDb>();
        while (await AuditChain.SealAsync(check, 500, CancellationToken.None) > 0)
        {
        }
        var verified = await AuditChain.VerifyAsync(check, CancellationToken.None);
        Assert.Null(verified.FirstBrokenSeq);
        Assert.Equal(0, await check.AuditLog.CountAsync(e => e.Entity == "Race" && e.Seq == null));
        Assert.Equal(verified.Checked, (await check.Set<AuditSeal>().AsNoTracking().SingleAsync()).LastSeq);
    }

    [Fact]
    public async Task TheChainShowsTheFirstEntryChangedBehindTheApplicationsBack()
    {
        var officer = await app.ClientAsync("demo.officer");
        var household = (await officer.PageAsync<HouseholdRow>("/api/households?area=220104001")).Items[0];
        var member = (await officer.GetJsonAsync<HouseholdDto>($"/api/households/{household.Id}")).Members[0];
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/residents/{member.Id}/reveal", new { field = "idNumber", reason = "核实身份用于调解" })).StatusCode);
        var auditor = await app.ClientAsync("demo.auditor");
        var reveal = await SealedAsync(auditor, $"entity=Resident&entityId={member.Id}");
        Assert.Null((await auditor.GetJsonAsync<AuditVerification>("/api/audit/verify")).FirstBrokenSeq);

        // Someone with database access rewrites the reason of that reveal.
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.AuditLog.Where(e => e.Id == reveal.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "例行检查"));
        var broken = await auditor.GetJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.Equal((reveal.Seq, reveal.Id), (broken.FirstBrokenSeq, broken.FirstBrokenId));

        // Put back, the chain holds again; and the application itself refuses to change an entry.
        await db.AuditLog.Where(e => e.Id == reveal.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "核实身份用于调解"));
        Assert.Null((await auditor.GetJsonAsync<AuditVerification>("/api/audit/verify")).FirstBrokenSeq);
        var tracked = await db.AuditLog.FirstAsync(e => e.Id == reveal.Id);
        tracked.Reason = "改掉";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}

public sealed class SqliteAuditTests(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditTests(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
