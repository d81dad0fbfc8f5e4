namespace Fengqiao.Tools.Generator;

/// <summary>A provincial-level division of the mainland: its GB/T 2260 code, its names, its residents in the 2020 census (millions).</summary>
public sealed record ProvinceName(string Code, string NameZh, string NameEn, double Residents2020)
{
    /// <summary>Beijing, Tianjin, Shanghai and Chongqing have a public security bureau (公安局), the others a department (公安厅).</summary>
    public bool Municipality => Code is "11" or "12" or "31" or "50";

    public string DepartmentZh => NameZh + (Municipality ? "公安局" : "公安厅");

    public string DepartmentEn => Municipality ? NameEn + " Public Security Bureau"
        : NameEn.EndsWith(" Province", StringComparison.Ordinal) ? NameEn[..^" Province".Length] + " Provincial Public Security Department"
        : NameEn + " Public Security Department";
}

/// <summary>
/// The 31 provinces, autonomous regions and municipalities (seventh national census, 2020: 1,411.8 million residents in all).
/// <c>generate-province --province CODE</c> draws every one on Jilin's shape (its cities, counties and proportions) under the
/// chosen code, so that several generated provinces have distinct area codes, as real ones do: see docs/scale.md.
/// </summary>
public static class Provinces
{
    public static IReadOnlyList<ProvinceName> All { get; } =
    [
        new("11", "北京市", "Beijing", 21.89), new("12", "天津市", "Tianjin", 13.87), new("13", "河北省", "Hebei Province", 74.61),
        new("14", "山西省", "Shanxi Province", 34.92), new("15", "内蒙古自治区", "Inner Mongolia Autonomous Region", 24.05), new("21", "辽宁省", "Liaoning Province", 42.59),
        new("22", "吉林省", "Jilin Province", 24.07), new("23", "黑龙江省", "Heilongjiang Province", 31.85), new("31", "上海市", "Shanghai", 24.87),
        new("32", "江苏省", "Jiangsu Province", 84.75), new("33", "浙江省", "Zhejiang Province", 64.57), new("34", "安徽省", "Anhui Province", 61.03),
        new("35", "福建省", "Fujian Province", 41.54), new("36", "江西省", "Jiangxi Province", 45.19), new("37", "山东省", "Shandong Province", 101.53),
        new("41", "河南省", "Henan Province", 99.37), new("42", "湖北省", "Hubei Province", 57.75), new("43", "湖南省", "Hunan Province", 66.44),
        new("44", "广东省", "Guangdong Province", 126.01), new("45", "广西壮族自治区", "Guangxi Zhuang Autonomous Region", 50.13), new("46", "海南省", "Hainan Province", 10.08),
        new("50", "重庆市", "Chongqing", 32.05), new("51", "四川省", "Sichuan Province", 83.67), new("52", "贵州省", "Guizhou Province", 38.56),
        new("53", "云南省", "Yunnan Province", 47.21), new("54", "西藏自治区", "Tibet Autonomous Region", 3.65), new("61", "陕西省", "Shaanxi Province", 39.53),
        new("62", "甘肃省", "Gansu Province", 25.02), new("63", "青海省", "Qinghai Province", 5.92), new("64", "宁夏回族自治区", "Ningxia Hui Autonomous Region", 7.20),
        new("65", "新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region", 25.85),
    ];

    public static ProvinceName? Find(string? code) => All.FirstOrDefault(p => p.Code == code);

    /// <summary>A Jilin code ("2201", "220102") under another province's two digits.</summary>
    public static string Recode(string jilinCode, string province) => province + jilinCode[2..];
}
