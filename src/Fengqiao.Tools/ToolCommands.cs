using System.CommandLine;
using Fengqiao.Tools.Commands;

namespace Fengqiao.Tools;

/// <summary>
/// Every operator command, parsed by System.CommandLine (help with <c>--help</c> on each). Exit codes: 0 done; 1 bad input
/// or a failed check (the command says which); 2 wrong usage (unknown command, missing or malformed argument).
/// <c>restore</c> keeps its own 3: data restored and verified, but the configured keys are not the backup's.
/// </summary>
public static class ToolCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static RootCommand Root(Func<IServiceProvider> services)
    {
        var root = new RootCommand("Fengqiao's operator commands, on the app's configuration, database and privacy keys.");
        foreach (var command in (Command[])[
            DatabaseCommands.Migrate(services), AccountCommands.CreateAdmin(services), AccountCommands.CreateUser(services),
            StaffCommands.ImportStaff(services), ResidentCommands.ImportResidents(services), ResidentCommands.MakeResidentsCsv(services),
            ResidentCommands.Reencrypt(services), BackupCommands.Backup(services), BackupCommands.Restore(services), BackupCommands.ExportHashCommand(services),
            DatabaseCommands.VerifyAudit(services), RecountCommand.Recount(services), GenerateCommand.GenerateProvince(services),
            NationalRollupCommand.NationalRollup()])
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command; usage errors are printed with a pointer to the help, exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> services, TextWriter? output = null, TextWriter? error = null,
        CancellationToken ct = default)
    {
        var parsed = Root(services).Parse(args);
        error ??= Console.Error;
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                await error.WriteLineAsync(e.Message);
            }
            var command = parsed.CommandResult.Command;
            await error.WriteLineAsync($"See: {(command is RootCommand ? "" : command.Name + " ")}--help");
            return Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output ?? Console.Out, Error = error }, ct);
    }

    /// <summary>Runs a command on services the caller already has (the tests' app).</summary>
    public static Task<int> RunAsync(IServiceProvider services, params string[] args) => RunAsync(args, () => services);
}
