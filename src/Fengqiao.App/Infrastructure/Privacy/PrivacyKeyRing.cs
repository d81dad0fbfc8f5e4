using System.Security.Cryptography;
using System.Text.Json;

namespace Fengqiao.Infrastructure.Privacy;

/// <summary>
/// The keys for personal fields. From configuration (<c>Privacy:Keys:ID</c> = base64 of 32 bytes,
/// <c>Privacy:CurrentKey</c>, <c>Privacy:HashKey</c>) — the production way, e.g. from environment
/// variables or a secret store — or else from the key file (<c>Privacy:KeyFile</c>, default
/// <c>data/privacy-keys.json</c>), which is created with fresh random keys on first start.
/// Back the key file up with the database: without it the encrypted fields cannot be read.
/// </summary>
public sealed class PrivacyKeyRing
{
    public Dictionary<string, string> Keys { get; set; } = [];
    public string CurrentKey { get; set; } = "";
    public string HashKey { get; set; } = "";

    public static PrivacyKeyRing Load(IConfiguration configuration, string contentRoot, bool shared)
    {
        var section = configuration.GetSection("Privacy");
        var configured = section.Get<PrivacyKeyRing>();
        if (configured is { Keys.Count: > 0 } && !string.IsNullOrEmpty(configured.HashKey))
        {
            if (string.IsNullOrEmpty(configured.CurrentKey))
            {
                configured.CurrentKey = configured.Keys.Keys.Max(StringComparer.Ordinal)!;
            }
            return configured;
        }
        if (shared && section["KeyFile"] is null)
        {
            // Nodes of one PostgreSQL database must share keys, or a hash or ciphertext written on one is useless on another.
            throw new InvalidOperationException(
                "With PostgreSQL, set Privacy:Keys:<id>, Privacy:CurrentKey and Privacy:HashKey (base64 of 32 random bytes each) for every node, or point Privacy:KeyFile at a key file all nodes share.");
        }
        var file = Path.Combine(contentRoot, section["KeyFile"] ?? "data/privacy-keys.json");
        if (File.Exists(file))
        {
            return JsonSerializer.Deserialize<PrivacyKeyRing>(File.ReadAllText(file))
                ?? throw new InvalidOperationException($"The privacy key file {file} is empty.");
        }
        var ring = new PrivacyKeyRing
        {
            Keys = new() { ["k1"] = NewKey() },
            CurrentKey = "k1",
            HashKey = NewKey(),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var stream = new FileStream(file, options);
            JsonSerializer.Serialize(stream, ring);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another node created it first: use theirs.
            return JsonSerializer.Deserialize<PrivacyKeyRing>(File.ReadAllText(file))!;
        }
        return ring;
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
