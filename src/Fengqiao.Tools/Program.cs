namespace Fengqiao.Tools;

/// <summary>
/// The operator commands and the province generator: <c>dotnet run --project src/Fengqiao.Tools -- COMMAND</c> (README,
/// "Commands"). The app's services are built only when a command runs, so --help and usage errors need no database.
/// A class of its own rather than top-level statements: the tests see the app's <c>Program</c> and this one side by side.
/// </summary>
internal static class ToolsProgram
{
    private static async Task<int> Main(string[] args)
    {
        await using var host = new ToolHost();
        return await ToolCommands.RunAsync(args, host.Services);
    }
}
