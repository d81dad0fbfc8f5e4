using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Fengqiao.Features.Households.Import;

/// <summary>One data row of an import file, as text, with its line number.</summary>
public sealed record ImportRow(int Line, string? Grid, string? Address, string? Name, string? IdNumber, string? Phone, string? Relation, string? Tags, bool IdWasNumber);

/// <summary>
/// Reads CSV (UTF-8, or GB18030 as saved by Chinese Excel) and .xlsx files row by row without
/// loading them whole. Columns are found by header, in English or Chinese, in any order.
/// </summary>
public sealed class ImportRows : IDisposable
{
    public static readonly string[] Columns = ["grid_code", "address", "name", "id_number", "phone", "relation", "tags"];
    public static readonly string[] Required = ["grid_code", "address", "name", "id_number"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grid_code"] = "grid_code", ["grid"] = "grid_code", ["网格编码"] = "grid_code", ["网格代码"] = "grid_code", ["网格"] = "grid_code",
        ["address"] = "address", ["地址"] = "address", ["住址"] = "address", ["居住地址"] = "address",
        ["name"] = "name", ["姓名"] = "name",
        ["id_number"] = "id_number", ["idnumber"] = "id_number", ["id"] = "id_number", ["身份证号"] = "id_number", ["身份证号码"] = "id_number", ["公民身份号码"] = "id_number",
        ["phone"] = "phone", ["mobile"] = "phone", ["手机号"] = "phone", ["手机号码"] = "phone", ["联系电话"] = "phone", ["电话"] = "phone",
        ["relation"] = "relation", ["与户主关系"] = "relation", ["关系"] = "relation",
        ["tags"] = "tags", ["标签"] = "tags", ["人员类别"] = "tags",
    };

    private readonly Stream _stream;
    private readonly ImportFormat _format;
    private readonly long _length;

    public ImportRows(string path, ImportFormat format)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        _format = format;
        _length = Math.Max(1, _stream.Length);
    }

    /// <summary>How far through the file, 0–1 (CSV by bytes; .xlsx only when the total is known).</summary>
    public double Fraction => _format == ImportFormat.Csv ? Math.Min(1, (double)_stream.Position / _length) : double.NaN;

    /// <summary>The header's missing required columns (empty when all are there), then the rows.</summary>
    public IEnumerable<ImportRow> Read(List<string> missing) =>
        _format == ImportFormat.Csv ? ReadCsv(missing) : ReadXlsx(missing);

    private IEnumerable<ImportRow> ReadCsv(List<string> missing)
    {
        using var reader = new StreamReader(_stream, DetectEncoding(_stream), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = true,
        });
        if (!csv.Read())
        {
            missing.AddRange(Required);
            yield break;
        }
        csv.ReadHeader();
        var index = Map(csv.HeaderRecord ?? [], missing);
        if (missing.Count > 0)
        {
            yield break;
        }
        var line = 1;
        while (csv.Read())
        {
            line++;
            string? Get(string column) => index.TryGetValue(column, out var i) && i < csv.Parser.Count ? csv.GetField(i) : null;
            yield return new ImportRow(line, Get("grid_code"), Get("address"), Get("name"), Get("id_number"), Get("phone"), Get("relation"), Get("tags"), false);
        }
    }

    private IEnumerable<ImportRow> ReadXlsx(List<string> missing)
    {
        Dictionary<string, string>? index = null;
        var line = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(_stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            line++;
            if (index is null)
            {
                var headers = row.ToDictionary(c => c.Key, c => Convert.ToString(c.Value, CultureInfo.InvariantCulture) ?? "");
                var byPosition = Map(headers.Values.ToArray(), missing);
                var letters = headers.Keys.ToArray();
                index = byPosition.ToDictionary(p => p.Key, p => letters[p.Value]);
                if (missing.Count > 0)
                {
                    yield break;
                }
                continue;
            }
            if (row.Values.All(v => v is null || (v is string s && s.Length == 0)))
            {
                continue;
            }
            string? Get(string column) => index.TryGetValue(column, out var letter) && row.TryGetValue(letter, out var v) ? Text(v) : null;
            var idIsNumber = index.TryGetValue("id_number", out var idLetter) && row.TryGetValue(idLetter, out var idValue) && idValue is double or decimal or long or int;
            yield return new ImportRow(line, Get("grid_code"), Get("address"), Get("name"), Get("id_number"), Get("phone"), Get("relation"), Get("tags"), idIsNumber);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim(),
    };

    private static Dictionary<string, int> Map(string[] headers, List<string> missing)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < headers.Length; i++)
        {
            var h = headers[i].Trim().TrimStart('\uFEFF').Replace(' ', '_');
            if (Aliases.TryGetValue(h, out var column))
            {
                index.TryAdd(column, i);
            }
        }
        missing.AddRange(Required.Where(r => !index.ContainsKey(r)));
        return index;
    }

    /// <summary>UTF-8 when the start of the file is valid UTF-8, else GB18030 (Excel's "CSV" on Chinese Windows).</summary>
    private static Encoding DetectEncoding(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var read = stream.Read(buffer, 0, buffer.Length);
        stream.Position = 0;
        try
        {
            // A cut multi-byte character at the buffer's end is not an error.
            var strict = new UTF8Encoding(false, true);
            var end = read;
            while (end > 0 && end > read - 4 && (buffer[end - 1] & 0xC0) == 0x80)
            {
                end--;
            }
            if (end > 0 && buffer[end - 1] >= 0xC0)
            {
                end--;
            }
            strict.GetCharCount(buffer, 0, end);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    public void Dispose() => _stream.Dispose();
}
