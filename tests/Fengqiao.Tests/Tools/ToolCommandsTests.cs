using Fengqiao.Tools;

namespace Fengqiao.Tests.Tools;

/// <summary>
/// The operator's command line (<c>dotnet run --project src/Fengqiao.Tools -- COMMAND</c>): every command has its help,
/// and wrong usage is refused with exit code 2 and a pointer to the help before anything touches the database.
/// </summary>
public sealed class ToolCommandsTests
{
    private static IServiceProvider NoDatabase() => throw new InvalidOperationException("A usage error must not build the app's services.");

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ToolCommands.RunAsync(args, NoDatabase, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task TheHelpListsEveryOperatorCommand()
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var command in (string[])["migrate", "create-admin", "create-user", "import-staff", "import-residents", "backup", "restore",
            "reencrypt", "verify-audit", "recount", "generate-province", "export-hash", "make-residents-csv", "national-rollup"])
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ACommandsHelpNamesItsArgumentsAndOptions()
    {
        var (code, output, _) = await RunAsync("generate-province", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--scale", output, StringComparison.Ordinal);
        Assert.Contains("--end", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("create-admin")]
    [InlineData("create-user", "someone", "Resident")]
    [InlineData("create-user", "someone", "Officer", "not-a-number")]
    [InlineData("import-residents", "/no/such/file.csv", "2201")]
    [InlineData("import-staff", "staff.xlsx", "--lang", "fr")]
    [InlineData("generate-province", "--scale", "0")]
    [InlineData("generate-province", "--years", "31")]
    [InlineData("generate-province", "--end", "30/06/2026")]
    [InlineData("generate-province", "--province", "99")]
    [InlineData("national-rollup")]
    [InlineData("national-rollup", "--province", "Data Source=a.db", "--from", "2026/01/01")]
    [InlineData("make-residents-csv", "0", "out.csv", "2201")]
    [InlineData("restore", "/no/such/backup")]
    public async Task WrongUsageIsRefusedWithExitCode2AndAPointerToTheHelp(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownRoleIsNamedWithTheRolesThereAre()
    {
        var (_, _, error) = await RunAsync("create-user", "someone", "Chief");
        Assert.Contains("Chief", error, StringComparison.Ordinal);
        Assert.Contains("Officer", error, StringComparison.Ordinal);
    }
}
