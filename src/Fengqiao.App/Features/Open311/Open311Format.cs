using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Fengqiao.Features.Open311;

/// <summary>
/// GeoReport v2 answers in either format. An answer is built once as ordered key/value nodes;
/// JSON writes them as objects and arrays, XML as elements named as the spec names them
/// (a list of "services" holds "service" elements, and so on).
/// </summary>
public static class Open311Format
{
    private static readonly Dictionary<string, string> ItemNames = new()
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["attributes"] = "attribute",
        ["values"] = "value",
        ["endpoints"] = "endpoint",
        ["formats"] = "format",
        ["errors"] = "error",
        ["tokens"] = "request",
        ["service_request_updates"] = "request_update",
    };

    public static bool TryParse(string? format, out bool xml)
    {
        xml = string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase);
        return xml || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes a list (e.g. root "services" of "service") or a single object (root name given).</summary>
    public static IResult Write(bool xml, string root, object payload, int status = 200)
    {
        if (!xml)
        {
            return Results.Text(JsonSerializer.Serialize(payload), "application/json; charset=utf-8", statusCode: status);
        }
        var element = ToXml(root, payload);
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), element);
        return Results.Text(doc.Declaration + Environment.NewLine + doc.Root, "text/xml; charset=utf-8", statusCode: status);
    }

    public static IResult Errors(bool xml, int status, params string[] descriptions) =>
        Write(xml, "errors", descriptions.Select(d => new Dictionary<string, object?> { ["code"] = status, ["description"] = d }).ToList(), status);

    private static string XmlSafe(string s) =>
        s.All(XmlConvert.IsXmlChar) ? s : string.Concat(s.Select(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch) ? ch : '\uFFFD'));

    private static XElement ToXml(string name, object? value) => value switch
    {
        null => new XElement(name),
        IDictionary<string, object?> node => new XElement(name, node.Select(kv => ToXml(kv.Key, kv.Value))),
        // XML cannot carry every character a client can send (NUL, most control characters): never let one make a 500.
        string s => new XElement(name, XmlSafe(s)),
        bool b => new XElement(name, b ? "true" : "false"),
        IFormattable f => new XElement(name, f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)),
        System.Collections.IEnumerable list => new XElement(name, list.Cast<object?>().Select(item => ToXml(ItemNames.GetValueOrDefault(name, "item"), item))),
        _ => new XElement(name, value.ToString()),
    };
}
