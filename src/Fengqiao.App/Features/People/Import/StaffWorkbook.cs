using MiniExcelLibs;

namespace Fengqiao.Features.People.Import;

/// <summary>One data row of a sheet: its row number in Excel and its cells by column name.</summary>
public sealed record StaffRow(int Row, IReadOnlyDictionary<string, object?> Cells)
{
    public string? Text(string column) => Cells.TryGetValue(column, out var v) ? StaffWorkbook.Text(v) : null;
}

/// <summary>A sheet as read: the columns it has (name → its header as written) and its rows; a missing required column is named.</summary>
public sealed record StaffSheet(string Kind, string Name, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<StaffRow> Rows, IReadOnlyList<string> Missing);

/// <summary>
/// The personnel department's workbook: sheets Areas, Units, People and Posts (or 区划, 单位, 人员, 岗位), each with a
/// header row in English or Chinese, columns in any order. Read with MiniExcel, as the resident import reads .xlsx.
/// </summary>
public static class StaffWorkbook
{
    public const string Areas = "Areas", Units = "Units", People = "People", Posts = "Posts";

    private static readonly Dictionary<string, string> SheetNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Areas"] = Areas, ["区划"] = Areas, ["行政区划"] = Areas,
        ["Units"] = Units, ["单位"] = Units,
        ["People"] = People, ["人员"] = People,
        ["Posts"] = Posts, ["岗位"] = Posts, ["任职"] = Posts,
    };

    /// <summary>Per sheet: every column with its aliases, the required ones first marked by <c>!</c>.</summary>
    public static readonly Dictionary<string, (string Column, bool Required, string[] Aliases)[]> Columns = new()
    {
        [Areas] =
        [
            ("code", true, ["区划代码", "编码", "代码"]), ("parent_code", false, ["上级代码", "上级编码", "上级区划代码"]),
            ("name_zh", true, ["名称", "中文名称"]), ("name_en", true, ["英文名称"]), ("level", true, ["级别", "层级"]),
            ("lat", false, ["纬度"]), ("lng", false, ["经度"]),
        ],
        [Units] =
        [
            ("code", true, ["单位代码", "单位编码", "编码"]), ("name_zh", true, ["单位名称", "名称"]), ("name_en", true, ["英文名称"]),
            ("kind", true, ["单位类型", "类型"]), ("area_code", true, ["区划代码", "辖区代码", "服务区划"]),
            ("parent_code", false, ["上级单位代码", "上级单位编码", "上级单位"]), ("address", false, ["地址"]), ("lat", false, ["纬度"]), ("lng", false, ["经度"]),
        ],
        [People] =
        [
            ("badge_number", false, ["警号"]), ("name_zh", true, ["姓名"]), ("name_en", true, ["英文姓名", "拼音"]),
            ("kind", true, ["人员类别", "类别"]), ("home_unit_code", true, ["所在单位代码", "所在单位编码", "单位代码"]),
            ("service_since_year", false, ["从业年份", "参加工作年份"]),
        ],
        [Posts] =
        [
            ("badge_number", false, ["警号"]), ("name_zh", true, ["姓名"]), ("home_unit_code", false, ["所在单位代码", "所在单位编码"]),
            ("unit_code", true, ["任职单位代码", "任职单位编码", "岗位单位代码"]), ("role", true, ["岗位", "角色"]), ("title", false, ["职务"]),
            ("part_time", false, ["兼职"]), ("start_date", true, ["开始日期", "任职日期"]), ("end_date", false, ["结束日期", "离任日期"]),
        ],
    };

    /// <summary>Columns some departments keep that Fengqiao does not store for staff (there is no place for them yet): named, never read.</summary>
    public static readonly string[] NotStored = ["id_number", "身份证号", "身份证号码", "公民身份号码", "phone", "mobile", "手机号", "手机号码", "联系电话", "电话"];

    public static List<StaffSheet> Read(string path, List<string> ignoredColumns)
    {
        var sheets = new List<StaffSheet>();
        foreach (var name in MiniExcel.GetSheetNames(path))
        {
            if (!SheetNames.TryGetValue(name.Trim(), out var kind))
            {
                continue;
            }
            Dictionary<string, string>? letterOf = null;
            var headers = new Dictionary<string, string>();
            var missing = new List<string>();
            var rows = new List<StaffRow>();
            var row = 0;
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(path, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX))
            {
                row++;
                if (letterOf is null)
                {
                    letterOf = [];
                    foreach (var (letter, value) in cells)
                    {
                        var header = Text(value) ?? "";
                        var key = header.Replace(' ', '_').ToLowerInvariant();
                        var column = Columns[kind].FirstOrDefault(c => c.Column == key || c.Aliases.Contains(header)).Column;
                        if (column is not null && letterOf.TryAdd(column, letter))
                        {
                            headers[column] = header;
                        }
                        else if (NotStored.Contains(key) || NotStored.Contains(header))
                        {
                            ignoredColumns.Add($"{name}!{header}");
                        }
                    }
                    missing.AddRange(Columns[kind].Where(c => c.Required && !letterOf.ContainsKey(c.Column)).Select(c => c.Column));
                    continue;
                }
                if (cells.Values.All(v => v is null || (v is string s && s.Trim().Length == 0)))
                {
                    continue;
                }
                rows.Add(new StaffRow(row, letterOf.ToDictionary(c => c.Key, c => cells.TryGetValue(c.Value, out var v) ? v : null)));
            }
            sheets.Add(new StaffSheet(kind, name, headers, rows, missing));
        }
        return sheets;
    }

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim().Length == 0 ? null : s.Trim(),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null,
    };

    /// <summary>A date as Excel keeps it (a date cell, its serial number) or as text yyyy-MM-dd; false when it cannot be read.</summary>
    public static bool TryDate(object? value, out DateOnly? date)
    {
        date = null;
        switch (value)
        {
            case null:
                return true;
            case DateTime t:
                date = DateOnly.FromDateTime(t);
                return true;
            case double d when d is > 1 and < 2958465:
                date = DateOnly.FromDateTime(DateTime.FromOADate(d));
                return true;
            default:
                var text = Text(value);
                if (text is null)
                {
                    return true;
                }
                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    date = parsed;
                    return true;
                }
                if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
                {
                    date = DateOnly.FromDateTime(full);
                    return true;
                }
                return false;
        }
    }

    /// <summary>An enum by its English name or number, or by one of its Chinese names.</summary>
    public static bool TryEnum<T>(string? text, IReadOnlyDictionary<string, T> chinese, out T value) where T : struct, Enum
    {
        value = default;
        if (text is null)
        {
            return false;
        }
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return (Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value)) || chinese.TryGetValue(text, out value);
    }

    public static bool? YesNo(string? text) => text?.ToLowerInvariant() switch
    {
        null => false,
        "yes" or "y" or "true" or "1" or "是" or "兼职" => true,
        "no" or "n" or "false" or "0" or "否" or "专职" => false,
        _ => null,
    };
}
