using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Web;

namespace Fengqiao.Features.Open311;

/// <summary>
/// The control run of the crash test (bench/crash-loop.sh --control), never a way to run Fengqiao: with
/// <c>Database:UnsafeAcknowledgeBeforeCommit</c> (refused in Production) an Open311 report is answered 201 and committed
/// 400 ms later, as a write-behind buffer would. Killing the server then loses acknowledged reports, which shows that
/// the crash test can see a loss.
/// </summary>
internal static class UnsafeAcknowledge
{
    public static bool IsOn(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetValue<bool>("Database:UnsafeAcknowledgeBeforeCommit")
        && !services.GetRequiredService<IWebHostEnvironment>().IsProduction();

    public static async Task<ResidentRequest?> CreateAsync(IServiceProvider services, Checks c, NewRequest input, string key, CancellationToken ct)
    {
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await scope.ServiceProvider.GetRequiredService<ResidentRequests>().CreateAsync(c, input, key, null, ct);
        _ = Task.Run(async () =>
        {
            await Task.Delay(400, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            await transaction.DisposeAsync();
            await scope.DisposeAsync();
        }, CancellationToken.None);
        return created;
    }
}
