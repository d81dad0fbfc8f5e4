using System.Text;
using MiniExcelLibs;

namespace Fengqiao.Features.Statistics;

/// <summary>The dashboard's table — the area's own row, then one per child area — as a spreadsheet (MiniExcel writes both formats).</summary>
public static class StatisticsExport
{
    public static byte[] Write(Dashboard d, IStringLocalizer l, string format, IReadOnlyList<Visits.CampaignSummary> campaigns)
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
        if (format == "csv")
        {
            stream.SaveAs(rows, excelType: ExcelType.CSV);
        }
        else
        {
            // A second sheet with the campaigns' own results; CSV has one table, so it carries the figures only.
            stream.SaveAs(new Dictionary<string, object> { ["Statistics"] = rows, ["Campaigns"] = CampaignRows(campaigns, l) }, excelType: ExcelType.XLSX);
        }
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> CampaignRows(IReadOnlyList<Visits.CampaignSummary> campaigns, IStringLocalizer l) =>
        [.. campaigns.Select(c => new Dictionary<string, object?>
        {
            [l["Campaign"]] = c.Name,
            [l["From"]] = c.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [l["To"]] = c.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [l["Visits"]] = c.Results.Visits,
            [l["Disputes found"]] = c.Results.DisputesFound,
            [l["Resolved"]] = c.Results.DisputesResolved,
            [l["Resolved in the campaign"]] = c.Results.ResolvedInPeriod,
            [l["Resolved after it"]] = c.Results.ResolvedAfter,
            [l["Hidden dangers found"]] = c.Results.DangersFound,
            [l["Removed"]] = c.Results.DangersRemoved,
            [l["Demands"]] = c.Results.DemandsRaised,
        })];

    public static string Header(Figure f, IStringLocalizer l) => f.Unit switch
    {
        FigureUnit.Percent => $"{l[f.Name]} (%)",
        FigureUnit.Minutes => $"{l[f.Name]} ({l["min"]})",
        _ => l[f.Name],
    };
}
