using System.Globalization;

namespace LoadGen;

/// <summary>
/// The command line as "--name value" pairs, parsed by hand: four modes and a dozen options do not
/// justify a parser package (the repository's central package versions stay untouched).
/// </summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args, int start)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = start; i < args.Length; i += 2)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value, got '{name}'.");
            }
            parsed[name[2..]] = args[i + 1];
        }
        return new Options(parsed);
    }

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Whole(string name, int fallback) => Get(name) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"--{name} takes a whole number.")
        : fallback;

    public double Number(string name, double fallback) => Get(name) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"--{name} takes a number.")
        : fallback;
}
