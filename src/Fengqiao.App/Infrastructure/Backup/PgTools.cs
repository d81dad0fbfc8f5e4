using System.Diagnostics;
using Npgsql;

namespace Fengqiao.Infrastructure.Backup;

/// <summary>
/// PostgreSQL's own client programs (pg_dump, pg_restore): the newest under /usr/lib/postgresql/*/bin (Debian and Ubuntu
/// install every major version there; pg_dump must be at least the server's version), else the first on PATH.
/// The connection goes to them through PG* environment variables, never on the command line, which any local user can
/// read in the process list.
/// </summary>
internal static class PgTools
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static string? Find(string tool)
    {
        var file = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        if (Directory.Exists(DebianRoot))
        {
            var newest = Directory.GetDirectories(DebianRoot)
                .Select(d => (Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1, Path: Path.Combine(d, "bin", file)))
                .Where(x => x.Version >= 0 && File.Exists(x.Path))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Path)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, file))
            .FirstOrDefault(File.Exists);
    }

    public static string Require(string tool) =>
        Find(tool) ?? throw new InvalidOperationException(
            $"{tool} was not found on PATH or under {DebianRoot}/*/bin. Install PostgreSQL's client programs (apt-get install postgresql-client), of the server's major version or newer.");

    /// <summary>Runs the program against the database of <paramref name="connectionString"/>; a non-zero exit throws with its error output.</summary>
    public static async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in ConnectionEnvironment(connectionString))
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var text = ((await errors) + (await output)).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed (exit code {process.ExitCode}): {text}");
        }
    }

    /// <summary>libpq's environment variables for the parts of an Npgsql connection string that the programs need.</summary>
    internal static Dictionary<string, string> ConnectionEnvironment(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = string.IsNullOrEmpty(csb.Host) ? "localhost" : csb.Host,
            ["PGPORT"] = csb.Port.ToString(CultureInfo.InvariantCulture),
            ["PGAPPNAME"] = "fengqiao-backup",
            ["PGSSLMODE"] = csb.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        Add(env, "PGUSER", csb.Username);
        Add(env, "PGPASSWORD", csb.Password);
        Add(env, "PGPASSFILE", csb.Passfile);
        Add(env, "PGDATABASE", csb.Database);
        Add(env, "PGSSLROOTCERT", csb.RootCertificate);
        if (csb.Timeout > 0)
        {
            env["PGCONNECT_TIMEOUT"] = csb.Timeout.ToString(CultureInfo.InvariantCulture);
        }
        return env;
    }

    private static void Add(Dictionary<string, string> env, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            env[name] = value;
        }
    }
}
