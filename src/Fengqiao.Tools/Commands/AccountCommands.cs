using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Backup;
using Fengqiao.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Infrastructure.Commands;

/// <summary>
/// Operator commands, run as <c>dotnet run --project src/Fengqiao -- COMMAND</c>:
/// <c>migrate</c> applies the database migrations (required for PostgreSQL);
/// <c>create-admin USER</c> creates an administrator and <c>create-user USER ROLE [PERSON_ID]</c> any member of staff, password from FENGQIAO_ADMIN_PASSWORD or stdin;
/// <c>backup DIR</c>, <c>restore DIR</c> and <c>export-hash</c> (see <see cref="BackupCli"/>); <c>verify-audit</c>;
/// and the commands the features register (<see cref="OperatorCommand"/>): <c>import-residents</c>, <c>make-residents-csv</c>
/// and <c>reencrypt</c> (Households), <c>import-staff</c> (People), <c>recount</c> and <c>generate-province</c> (Statistics).
/// </summary>
public static class Cli
{
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["migrate", ..]:
                await MigrateAsync(app.Services);
                return true;
            case ["create-admin", var user, ..]:
                Environment.ExitCode = await CreateAdminAsync(app.Services, user);
                return true;
            case ["create-user", var user, var role, .. var rest]:
                Environment.ExitCode = await CreateUserAsync(app.Services, user, role,
                    rest is [var person, ..] && int.TryParse(person, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null);
                return true;
            case ["create-user", ..]:
                await Console.Error.WriteLineAsync("usage: create-user USERNAME ROLE [PERSON_ID]   (password from FENGQIAO_ADMIN_PASSWORD or the first line of stdin)");
                Environment.ExitCode = 2;
                return true;
            case ["create-admin", ..]:
                await Console.Error.WriteLineAsync("usage: create-admin USERNAME   (password from FENGQIAO_ADMIN_PASSWORD or the first line of stdin)");
                Environment.ExitCode = 2;
                return true;
            case ["verify-audit", ..]:
                await app.Services.PrepareDatabaseAsync();
                Environment.ExitCode = await VerifyAuditAsync(app.Services);
                return true;
            // Not PrepareDatabaseAsync: a restore target must stay empty until the restore fills it.
            case ["backup", var dir, ..]:
                Environment.ExitCode = await BackupCli.BackupAsync(app.Services, dir);
                return true;
            case ["restore", var dir, ..]:
                Environment.ExitCode = await BackupCli.RestoreAsync(app.Services, dir);
                return true;
            case ["backup" or "restore", ..]:
                await Console.Error.WriteLineAsync("usage: backup DIR | restore DIR   (see README, Backup and restore)");
                Environment.ExitCode = 2;
                return true;
            case ["export-hash", ..]:
                Environment.ExitCode = await BackupCli.ExportHashAsync(app.Services, Console.Out);
                return true;
            case [var name, .. var rest] when app.Services.GetServices<OperatorCommand>().FirstOrDefault(c => c.Name == name) is { } command:
                Environment.ExitCode = await command.RunAsync(app.Services, rest);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Seals what is waiting, then checks the whole chain; exit code 1 and the first broken link when it is broken.</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Scope.Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        while (await Audit.AuditChain.SealAsync(db, 1000, CancellationToken.None) > 0)
        {
        }
        var result = await Audit.AuditChain.VerifyAsync(db, CancellationToken.None);
        if (result.FirstBrokenSeq is null)
        {
            Console.WriteLine($"Audit chain intact: {result.Checked:N0} entries.");
            return 0;
        }
        Console.WriteLine($"Audit chain BROKEN at sequence {result.FirstBrokenSeq} (entry id {result.FirstBrokenId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}); {result.Checked:N0} entries before it are intact.");
        return 1;
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        Console.WriteLine($"Database is up to date ({pending.Count} migration(s) applied).");
    }

    private static Task<int> CreateAdminAsync(IServiceProvider services, string userName) =>
        CreateUserAsync(services, userName, Roles.Administrator, null);

    /// <summary>
    /// An account for a member of staff, tied to their person record (their posts decide what they see).
    /// Password from FENGQIAO_ADMIN_PASSWORD or stdin; the common-password and length rules apply.
    /// </summary>
    private static async Task<int> CreateUserAsync(IServiceProvider services, string userName, string role, int? personId)
    {
        await services.PrepareDatabaseAsync();
        if (!Roles.All.Contains(role) || role == Roles.Resident)
        {
            await Console.Error.WriteLineAsync($"Unknown staff role '{role}'. Roles: {string.Join(", ", Roles.All.Where(r => r != Roles.Resident))}.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("FENGQIAO_ADMIN_PASSWORD") ?? Console.ReadLine();
        if (string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("No password given.");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Scope.Jurisdiction>().GrantAll();
        if (personId is { } id && !await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().ExistsAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), id, CancellationToken.None))
        {
            await Console.Error.WriteLineAsync($"There is no person {id}.");
            return 2;
        }
        await RoleSeed.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, PersonId = personId };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"{role} '{userName}' created{(personId is null ? "" : $" for person {personId}")}.");
        return 0;
    }
}

public static class RoleSeed
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.Roles.AnyAsync(r => r.Name == role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
