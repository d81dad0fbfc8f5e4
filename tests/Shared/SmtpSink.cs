using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Fengqiao.Testing;

/// <summary>
/// A real SMTP server for the tests: Postfix's <c>smtp-sink</c> (Debian's postfix package, installed by
/// scripts/test-services.sh) on a free port, writing every message it accepts to a folder of its own. Shared by the
/// unit and the browser tests (each project compiles tests/Shared).
/// </summary>
public sealed class SmtpSink
{
    public const string Program = "/usr/sbin/smtp-sink";
    private Process? _process;

    public int Port { get; } = FreePort();
    public string Folder { get; } = Directory.CreateTempSubdirectory("fengqiao-mail-").FullName;
    public string? SkipReason { get; private set; }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Starts the server, unless it is running; on the same port each time, so that the app finds it again.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }
        if (!File.Exists(Program))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"{Program} is missing: scripts/test-services.sh installs postfix.");
            SkipReason = $"{Program} is missing (apt-get install postfix).";
            return;
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, (UnixFileMode)0x1FF);
        }
        // As root, smtp-sink insists on dropping to another user once its socket is open.
        var user = Environment.UserName == "root" ? "-u nobody " : "";
        _process = System.Diagnostics.Process.Start(new ProcessStartInfo(Program, $"{user}-d {Folder}/%M. 127.0.0.1:{Port} 10") { UseShellExecute = false })!;
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("smtp-sink did not start listening.");
    }

    /// <summary>
    /// Every message received so far, parsed by MimeKit. smtp-sink writes a message's file while the message is
    /// arriving, so a file whose headers are not all written yet is left for the next look.
    /// </summary>
    public IReadOnlyList<MimeMessage> Messages() => [.. Files().Select(f => f.Message)];

    private List<(string Path, long Length, MimeMessage Message)> Files()
    {
        var found = new List<(string, long, MimeMessage)>();
        foreach (var f in Directory.GetFiles(Folder).Order())
        {
            try
            {
                found.Add((f, new FileInfo(f).Length, MimeMessage.Load(f)));
            }
            catch (FormatException)
            {
                // still arriving
            }
        }
        return found;
    }

    /// <summary>
    /// Waits for the one message to <paramref name="to"/> whose subject has <paramref name="subjectHas"/>, for use
    /// when nothing else says the delivery is over: a match counts once its file has kept its length for one look,
    /// so its body is whole.
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subjectHas, TimeSpan timeout)
    {
        var seen = new Dictionary<string, long>();
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var found = Files().Where(f => f.Message.To.Mailboxes.Any(b => b.Address == to) && (f.Message.Subject ?? "").Contains(subjectHas, StringComparison.Ordinal)).ToList();
            if (found.Count > 0 && found.All(f => seen.TryGetValue(f.Path, out var length) && length == f.Length))
            {
                Assert.Single(found);
                return found[0].Message;
            }
            seen = found.ToDictionary(f => f.Path, f => f.Length);
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No e-mail to {to} with '{subjectHas}' in {timeout.TotalSeconds} s; received: {string.Join(" | ", Messages().Select(m => m.Subject))}");
    }

    public MimeMessage OneTo(string to, string subjectHas)
    {
        var found = Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == to) && (m.Subject ?? "").Contains(subjectHas, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"{found.Count} messages to {to} with '{subjectHas}'; all: {string.Join(" | ", Messages().Select(m => m.Subject))}");
        return found[0];
    }

    /// <summary>The server goes away, as a real one does when it is down.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }
}
