namespace Fengqiao.Infrastructure.Commands;

/// <summary>
/// An operator command a feature offers (<c>import-residents</c>, <c>recount</c> …): registered from the feature's AddX()
/// as a singleton, found by <see cref="Cli"/> by name, so the command line names no feature. <see cref="RunAsync"/> gets the
/// arguments after the name and returns the exit code (2, through <see cref="WrongUsageAsync"/>, for bad arguments).
/// </summary>
public sealed record OperatorCommand(string Name, string Usage, Func<IServiceProvider, string[], Task<int>> RunAsync)
{
    /// <summary>Prints the usage line and answers exit code 2.</summary>
    public static async Task<int> WrongUsageAsync(string usage)
    {
        await Console.Error.WriteLineAsync("usage: " + usage);
        return 2;
    }
}
