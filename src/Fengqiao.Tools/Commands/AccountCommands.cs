using System.CommandLine;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Tools.Commands;

/// <summary>
/// <c>create-admin USERNAME</c> and <c>create-user USERNAME ROLE [PERSON_ID]</c>: an account for a member of staff, tied to
/// their person record (their posts decide what they see). Password from FENGQIAO_ADMIN_PASSWORD or the first line of
/// standard input; the common-password and length rules apply.
/// </summary>
public static class AccountCommands
{
    private const string PasswordNote = " Password from FENGQIAO_ADMIN_PASSWORD or the first line of standard input.";

    private static readonly string[] StaffRoles = [.. Roles.All.Where(r => r != Roles.Resident)];

    public static Command CreateAdmin(Func<IServiceProvider> services)
    {
        var user = new Argument<string>("USERNAME") { Description = "The administrator's user name." };
        var command = new Command("create-admin", "Creates a system administrator (a second factor is set up at first sign-in)." + PasswordNote) { user };
        command.SetAction((r, ct) => CreateAsync(services(), r.GetValue(user)!, Roles.Administrator, null, ct));
        return command;
    }

    public static Command CreateUser(Func<IServiceProvider> services)
    {
        var user = new Argument<string>("USERNAME") { Description = "The new account's user name." };
        var role = new Argument<string>("ROLE") { Description = "One of " + string.Join(", ", StaffRoles) + "." };
        role.AcceptOnlyFromAmong(StaffRoles);
        var person = new Argument<int?>("PERSON_ID") { Description = "The person record it belongs to (the id on their page at /people).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("create-user", "Creates an account for a member of staff." + PasswordNote) { user, role, person };
        command.SetAction((r, ct) => CreateAsync(services(), r.GetValue(user)!, r.GetValue(role)!, r.GetValue(person), ct));
        return command;
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string userName, string role, int? personId, CancellationToken ct)
    {
        await services.PrepareDatabaseAsync(ct);
        var password = Environment.GetEnvironmentVariable("FENGQIAO_ADMIN_PASSWORD") ?? Console.ReadLine();
        if (string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("No password given: set FENGQIAO_ADMIN_PASSWORD or write it on standard input.");
            return ToolCommands.Failed;
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        if (personId is { } id && !await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().ExistsAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), id, ct))
        {
            await Console.Error.WriteLineAsync($"There is no person {id}.");
            return ToolCommands.Failed;
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
            return ToolCommands.Failed;
        }
        Console.WriteLine($"{role} '{userName}' created{(personId is null ? "" : $" for person {personId}")}.");
        return ToolCommands.Ok;
    }
}
