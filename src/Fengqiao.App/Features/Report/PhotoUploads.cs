using Fengqiao.Features.Open311;

namespace Fengqiao.Features.Report;

/// <summary>
/// Checks the photos a resident attaches to a report: at most <see cref="MaxCount"/>, each a JPEG,
/// PNG or WebP of at most <see cref="MaxBytes"/> bytes, where both the declared content type and
/// the file's first bytes must say the same image kind. Every bad file gets its own message.
/// </summary>
public static class PhotoUploads
{
    public const int MaxCount = 3;
    public const int MaxMegabytes = 5;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;
    public const string Accept = "image/jpeg,image/png,image/webp";

    /// <summary>The photos read into memory, or an empty list with errors on <paramref name="c"/> under <paramref name="field"/>.</summary>
    public static async Task<IReadOnlyList<RequestPhoto>> ReadAsync(Checks c, string field, IEnumerable<IFormFile>? files, DateTimeOffset now,
        CancellationToken ct)
    {
        // A file input left empty still posts one part with no name and no bytes.
        var given = (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (given.Count > MaxCount)
        {
            c.Add(field, "Attach at most {0} photos.", MaxCount);
            return [];
        }
        var photos = new List<RequestPhoto>();
        foreach (var file in given)
        {
            var name = DisplayName(file.FileName);
            var declared = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
            if (declared is not ("image/jpeg" or "image/png" or "image/webp"))
            {
                c.Add(field, "{0}: only JPEG, PNG or WebP photos can be attached.", name);
                continue;
            }
            if (file.Length == 0)
            {
                c.Add(field, "{0} is empty.", name);
                continue;
            }
            if (file.Length > MaxBytes)
            {
                c.Add(field, "{0} is larger than {1} MB.", name, MaxMegabytes);
                continue;
            }
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }
            if (Sniff(bytes) != declared)
            {
                c.Add(field, "{0} is not really a JPEG, PNG or WebP image.", name);
                continue;
            }
            photos.Add(new RequestPhoto { ContentType = declared, FileName = name, Bytes = bytes, UploadedAt = now });
        }
        return c.Ok ? photos : [];
    }

    /// <summary>The image kind the first bytes show, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "image/jpeg";
        }
        if (b.Length >= 4 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47)
        {
            return "image/png";
        }
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        return null;
    }

    /// <summary>The file's own name without any client path, short enough to store.</summary>
    private static string DisplayName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "photo";
        }
        return name.Length > RequestPhoto.MaxFileName ? name[^RequestPhoto.MaxFileName..] : name;
    }
}
