using System.CommandLine;
using System.Globalization;
using Fengqiao.Infrastructure.Audit;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Tools.Commands;

/// <summary><c>migrate</c> (required for PostgreSQL; SQLite migrates itself at start-up) and <c>verify-audit</c>.</summary>
public static class DatabaseCommands
{
    public static Command Migrate(Func<IServiceProvider> services)
    {
        var command = new Command("migrate", "Applies the database migrations and writes the seeds (PostgreSQL needs this before the app starts: its web nodes do neither).");
        command.SetAction(async (_, ct) =>
        {
            await using var scope = services().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            // The seeds a web node on PostgreSQL never writes: holidays, catalogue, roles, the demo (in demo mode), counts.
            await services().SeedDatabaseAsync(ct);
            Console.WriteLine($"Database is up to date ({pending.Count} migration(s) applied).");
            return ToolCommands.Ok;
        });
        return command;
    }

    public static Command VerifyAudit(Func<IServiceProvider> services)
    {
        var command = new Command("verify-audit",
            "Seals what is waiting, then recomputes the whole audit chain; exit code 1 and the first broken link when it is broken.");
        command.SetAction(async (_, ct) =>
        {
            var sp = services();
            await sp.PrepareDatabaseAsync(ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            while (await AuditChain.SealAsync(db, 1000, ct) > 0)
            {
            }
            var result = await AuditChain.VerifyAsync(db, ct);
            if (result.FirstBrokenSeq is null)
            {
                Console.WriteLine($"Audit chain intact: {result.Checked:N0} entries.");
                return ToolCommands.Ok;
            }
            Console.WriteLine($"Audit chain BROKEN at sequence {result.FirstBrokenSeq} (entry id {result.FirstBrokenId?.ToString(CultureInfo.InvariantCulture) ?? "missing"}); {result.Checked:N0} entries before it are intact.");
            return ToolCommands.Failed;
        });
        return command;
    }
}
