using System.Text;
using MiniExcelLibs;
using Microsoft.Extensions.Localization;

namespace Fengqiao.Features.Statistics;

/// <summary>The dashboard's table — the area's own row, then one per child area — as a spreadsheet (MiniExcel writes both formats).</summary>
public static class StatisticsExport
{
    public static byte[] Write(Dashboard d, IStringLocalizer l, string format)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var a in new[] { d.Totals }.Concat(d.Children))
        {
            var row = new Dictionary<string, object?>
            {
                [l["Area code"]] = a.Area.Code,
                [l["Area"]] = a.Area.Label,
                [l["From"]] = d.Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                [l["To"]] = d.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (figure, value) in FigureCatalogue.All.Zip(a.Figures))
            {
                row[Header(figure, l)] = value.Value;
            }
            rows.Add(row);
        }
        using var stream = new MemoryStream();
        if (format == "csv")
        {
            // A byte-order mark, so that Excel opens the Chinese names as UTF-8.
            stream.Write(Encoding.UTF8.GetPreamble());
        }
        stream.SaveAs(rows, sheetName: "Statistics", excelType: format == "csv" ? ExcelType.CSV : ExcelType.XLSX);
        return stream.ToArray();
    }

    public static string Header(Figure f, IStringLocalizer l) => f.Unit switch
    {
        FigureUnit.Percent => $"{l[f.Name]} (%)",
        FigureUnit.Minutes => $"{l[f.Name]} ({l["min"]})",
        _ => l[f.Name],
    };
}
