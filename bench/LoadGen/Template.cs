using System.Globalization;

namespace LoadGen;

/// <summary>
/// A request's URL or body with its blanks filled: "{n}" the request's number, "{pick}" the n-th line of
/// --values (round robin) URL-escaped, "{raw}" the same line as it is. So a run can ask for every page, every
/// resident or every grid, not one cached answer or one hot row.
/// </summary>
internal sealed class Template(string[] values)
{
    public static async Task<Template> LoadAsync(Options options) =>
        new(options.Get("values") is { } file ? await File.ReadAllLinesAsync(file) : []);

    public string Fill(string text, long n)
    {
        var line = values.Length == 0 ? "" : values[n % values.Length];
        return text.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pick}", Uri.EscapeDataString(line), StringComparison.Ordinal)
            .Replace("{raw}", line, StringComparison.Ordinal);
    }
}
