using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Open311;

public sealed record RequestAttribute(string Code, string Datatype, bool Required, string DescriptionZh, string DescriptionEn, int Order,
    IReadOnlyList<(string Key, string NameZh, string NameEn)> Values);

public sealed record RequestService(string Code, string NameZh, string NameEn, string DescriptionZh, string DescriptionEn, string Group, string Keywords);

/// <summary>
/// What residents can report through Open311: a dispute of any configured category, a hidden
/// danger of any kind, a demand, or a tip. Every service asks the same optional questions,
/// which between them use every attribute datatype GeoReport v2 names.
/// </summary>
public sealed class RequestServices(DisputeCategories categories)
{
    public const string Demand = "demand";
    public const string Tip = "tip";

    public IReadOnlyList<RequestService> All { get; } =
    [
        .. categories.All.Select(c => new RequestService($"dispute-{c.Code}", c.NameZh, c.NameEn,
            $"矛盾纠纷：{c.NameZh}", $"Dispute: {c.NameEn}", "dispute", "纠纷,dispute,mediation")),
        .. Enum.GetValues<DangerKind>().Select(k => new RequestService($"danger-{k.ToString().ToLowerInvariant()}", DangerZh(k), DangerEn(k),
            $"安全隐患：{DangerZh(k)}", $"Hidden danger: {DangerEn(k)}", "danger", "隐患,danger,hazard")),
        new(Demand, "群众诉求", "A need or request", "就业、养老、托育、法律援助等诉求", "Employment, elderly care, childcare, legal aid and other needs", "demand", "诉求,demand"),
        new(Tip, "治安线索（保密）", "A tip to the police (confidential)", "只有接收派出所能看到报告人", "Only the receiving station sees who reported it", "tip", "线索,tip"),
    ];

    public static IReadOnlyList<RequestAttribute> Attributes { get; } =
    [
        new("people_involved", "number", false, "涉及多少人？", "How many people are involved?", 1, []),
        new("noticed_at", "datetime", false, "什么时候发现的？", "When did you notice it?", 2, []),
        new("urgency", "singlevaluelist", false, "有多紧急？", "How urgent is it?", 3,
            [("now", "现在就有危险", "Dangerous right now"), ("today", "今天需要处理", "Needs handling today"), ("week", "一周内处理即可", "Within a week is fine")]),
        new("affected", "multivaluelist", false, "影响到谁？", "Who is affected?", 4,
            [("residents", "居民", "Residents"), ("children", "儿童", "Children"), ("elderly", "老人", "Elderly people"), ("vehicles", "车辆", "Vehicles"), ("property", "财物", "Property")]),
        new("place_detail", "string", false, "具体位置（楼栋、单元）", "Exact place (building, unit)", 5, []),
        new("more_detail", "text", false, "还有什么要补充？", "Anything else?", 6, []),
    ];

    public RequestService? Find(string? code) => All.FirstOrDefault(s => s.Code == code);

    public string Name(string code) => Find(code) is { } s ? LocalizationSetup.Pick(s.NameZh, s.NameEn) : code;

    private static string DangerZh(DangerKind k) => k switch
    {
        DangerKind.FallingObject => "高空坠物",
        DangerKind.Fire => "消防隐患",
        DangerKind.Electrical => "用电隐患（飞线充电等）",
        DangerKind.Gas => "燃气隐患",
        DangerKind.Traffic => "交通隐患",
        DangerKind.Building => "房屋建筑隐患",
        DangerKind.PublicOrder => "治安隐患",
        _ => "其他隐患",
    };

    private static string DangerEn(DangerKind k) => k switch
    {
        DangerKind.FallingObject => "Objects that may fall from height",
        DangerKind.Fire => "Fire hazard",
        DangerKind.Electrical => "Electrical hazard (e.g. charging e-bikes in corridors)",
        DangerKind.Gas => "Gas hazard",
        DangerKind.Traffic => "Traffic hazard",
        DangerKind.Building => "Unsafe building",
        DangerKind.PublicOrder => "Public order",
        _ => "Other hazard",
    };
}
