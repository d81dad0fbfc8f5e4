using System.Reflection;
using System.Text.Json;

namespace Fengqiao.Infrastructure.Backup;

/// <summary>What a backup folder holds, so that a restore can check itself against it: the export hash of the backed-up snapshot, table by table.</summary>
public sealed record BackupManifest(
    string Provider, DateTime CreatedUtc, string AppVersion, string DataFile, long DataBytes, long Rows, string ExportHash, IReadOnlyList<TableHash> Tables)
{
    public const string FileName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string CurrentAppVersion =>
        typeof(BackupManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task WriteAsync(string dir, CancellationToken ct)
    {
        await using var stream = File.Create(Path.Combine(dir, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    /// <summary>The manifest of a backup folder, or null when the folder holds none.</summary>
    public static async Task<BackupManifest?> ReadAsync(string dir, CancellationToken ct)
    {
        var file = Path.Combine(dir, FileName);
        if (!File.Exists(file))
        {
            return null;
        }
        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
    }
}

/// <summary>
/// The key ring in a backup: the same JSON as the app's key file (<c>Privacy:KeyFile</c>), so it can be put in place
/// as it is, readable by its owner only. Without it the encrypted ID and phone numbers of the backup cannot be read.
/// </summary>
internal static class KeyRingFile
{
    public const string FileName = "privacy-keys.json";

    public static async Task WriteAsync(string file, PrivacyKeyRing ring, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var stream = new FileStream(file, options))
        {
            await JsonSerializer.SerializeAsync(stream, ring, cancellationToken: ct);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public static async Task<PrivacyKeyRing> ReadAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync<PrivacyKeyRing>(stream, cancellationToken: ct)
            ?? throw new InvalidOperationException($"The key file {file} is empty.");
    }

    /// <summary>True when <paramref name="ring"/> holds every key of <paramref name="backup"/> with the same value, and the same look-up hash key.</summary>
    public static bool Covers(PrivacyKeyRing ring, PrivacyKeyRing backup) =>
        ring.HashKey == backup.HashKey
        && backup.Keys.All(k => ring.Keys.TryGetValue(k.Key, out var value) && value == k.Value);

    /// <summary>
    /// The key file the app reads when no keys are configured: <c>Privacy:KeyFile</c> under the content root
    /// (the same rule as <see cref="PrivacyKeyRing.Load"/>), or null when the keys come from configuration.
    /// </summary>
    public static string? ConfiguredFile(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Privacy");
        return section.Get<PrivacyKeyRing>() is { Keys.Count: > 0 } configured && !string.IsNullOrEmpty(configured.HashKey)
            ? null
            : Path.Combine(contentRoot, section["KeyFile"] ?? "data/privacy-keys.json");
    }
}
