using PdfSharp.Fonts;

namespace Fengqiao.Features.Disputes.Documents;

public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>
    /// A TrueType-outline font with the Chinese characters (CFF-outline OpenType such as Debian's Noto CJK .ttc
    /// cannot be subset by PDFsharp and would be embedded whole). Relative paths are under the app's folder.
    /// </summary>
    public string FontPath { get; set; } = Path.Combine("fonts", "NotoSerifSC-Regular.ttf");
}

/// <summary>
/// Gives PDFsharp the one font every case document is set in, read from disk once. Nothing is fetched at run time:
/// the file ships with the app (npm at build time). PDFsharp takes one resolver per process, so this is a singleton
/// whose path is fixed by the first host that starts; titles use simulated bold rather than a second 15 MB file.
/// </summary>
public sealed class DocumentFont : IFontResolver
{
    public const string Family = "Fengqiao Document";
    private const string Face = "fengqiao-document-regular";
    private static readonly Lock Gate = new();
    private static DocumentFont? _instance;

    private readonly string _path;
    private readonly Lazy<byte[]> _bytes;

    private DocumentFont(string path)
    {
        _path = path;
        _bytes = new(() => File.ReadAllBytes(_path));
    }

    /// <summary>Installs the resolver once per process; later hosts (tests start many) reuse it.</summary>
    public static DocumentFont Install(DocumentOptions options)
    {
        lock (Gate)
        {
            if (_instance is null)
            {
                var path = Path.IsPathRooted(options.FontPath) ? options.FontPath : Path.Combine(AppContext.BaseDirectory, options.FontPath);
                _instance = new DocumentFont(path);
                GlobalFontSettings.FontResolver = _instance;
            }
            return _instance;
        }
    }

    /// <summary>Says where the font should be and how to get it, before PDFsharp fails with a less helpful message.</summary>
    public void EnsurePresent()
    {
        if (!File.Exists(_path))
        {
            throw new FileNotFoundException(
                $"The case-document font is missing at {_path}. Build the app (npm ci installs @expo-google-fonts/noto-serif-sc) " +
                $"or set {DocumentOptions.Section}:{nameof(DocumentOptions.FontPath)} to a TrueType font with Chinese characters.", _path);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == Face ? _bytes.Value : null;
}
