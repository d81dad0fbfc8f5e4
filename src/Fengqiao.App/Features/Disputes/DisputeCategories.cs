namespace Fengqiao.Features.Disputes;

public sealed record DisputeCategory(string Code, string NameZh, string NameEn);

public sealed class DisputeOptions
{
    public const string Section = "Disputes";

    /// <summary>The categories offered on registration. Configurable; these are the defaults.</summary>
    public List<DisputeCategory> Categories { get; set; } =
    [
        new("marriage-family", "婚姻家庭", "Marriage and family"),
        new("neighbour", "邻里纠纷", "Neighbours"),
        new("property", "物业管理", "Property management"),
        new("labour", "劳动争议（欠薪）", "Labour and wages"),
        new("land", "土地山林", "Land"),
        new("debt", "债务纠纷", "Debt"),
        new("traffic", "交通事故", "Traffic"),
        new("consumer", "消费纠纷", "Consumer"),
        new("medical", "医疗纠纷", "Medical"),
        new("tenancy", "房屋租赁", "Landlord and tenant"),
        new("online", "网络纠纷", "Online"),
        new("other", "其他", "Other"),
    ];
}

/// <summary>The configured dispute categories, looked up by code.</summary>
public sealed class DisputeCategories(Microsoft.Extensions.Options.IOptions<DisputeOptions> options)
{
    public IReadOnlyList<DisputeCategory> All { get; } = options.Value.Categories;

    public string Name(string code) =>
        All.FirstOrDefault(c => c.Code == code) is { } c ? LocalizationSetup.Pick(c.NameZh, c.NameEn) : code;

    public void Check(Checks checks, string? code) =>
        checks.When(code is null || All.All(c => c.Code != code), "category", "Choose a category.");
}

/// <summary>What each risk colour means, shown wherever a colour is chosen or displayed.</summary>
public static class RiskMeanings
{
    public static string For(RiskColour risk) => risk switch
    {
        RiskColour.Red => "Major: may lead to a mass incident or harm to people. Reported to the county level at once and handled jointly.",
        RiskColour.Orange => "Serious: may escalate soon. Handled the same day.",
        RiskColour.Yellow => "General: first mediation session within 3 working days, a second within 7.",
        _ => "Minor: first mediation session within 5 working days.",
    };
}
