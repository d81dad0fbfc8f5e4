using Fengqiao.Features.PublicServices;

namespace Fengqiao.Features.Demo;

/// <summary>How often each service is asked for at each kind of outlet, and the words of the demo service records.</summary>
internal static class DemoServiceTexts
{
    /// <summary>A station window: ID renewals, household certificates, traffic violations and passports come most.</summary>
    private static readonly Dictionary<string, int> Station = new(StringComparer.Ordinal)
    {
        ["HR-NEWBORN"] = 3, ["HR-MOVE"] = 6, ["HR-CERT"] = 15, ["ID-FIRST"] = 5, ["ID-RENEW"] = 20, ["ID-LOSS"] = 7, ["ID-TEMP"] = 6,
        ["EE-PASSPORT"] = 11, ["EE-HKMO"] = 6, ["EE-TW"] = 2, ["RES-PERMIT"] = 4, ["CERT-NOCRIME"] = 5, ["TR-VIOLATION"] = 12,
    };

    /// <summary>The hospital police office: mostly newborns, then their insurance referral.</summary>
    private static readonly Dictionary<string, int> Hospital = new(StringComparer.Ordinal)
    {
        ["HR-NEWBORN"] = 60, ["MED-INSURANCE"] = 22, ["HR-CERT"] = 12, ["ID-TEMP"] = 6,
    };

    private static readonly Dictionary<string, int> SelfService = new(StringComparer.Ordinal)
    {
        ["ID-RENEW"] = 40, ["ID-LOSS"] = 12, ["EE-PASSPORT"] = 32, ["EE-HKMO"] = 16,
    };

    /// <summary>The expressway station: drivers with a violation or without their ID card.</summary>
    private static readonly Dictionary<string, int> Expressway = new(StringComparer.Ordinal)
    {
        ["ID-TEMP"] = 40, ["TR-VIOLATION"] = 45, ["HR-CERT"] = 15,
    };

    public static int Weight(OutletKind kind, string code) => (kind switch
    {
        OutletKind.HospitalPoliceOffice => Hospital,
        OutletKind.SelfServicePoint => SelfService,
        OutletKind.ExpresswayStation => Expressway,
        _ => Station,
    }).GetValueOrDefault(code, 1);

    public static readonly string[] RejectionReasons =
    [
        "材料不齐，已一次性告知需补充的材料",
        "材料不齐：缺少居民户口簿",
        "证件照片不符合制证要求，已告知重新采集",
        "申请人户籍不在本辖区，已告知到户籍地办理",
        "所附证明材料与申请事项不符",
    ];

    public static readonly string[] GoodComments =
    [
        "办事效率高，一次就办好了",
        "民警态度热情，讲解耐心",
        "不用来回跑，家门口就能办",
        "窗口引导清楚，排队时间短",
        "材料清单一次性告知，很方便",
        "中午也能办，给上班族点赞",
    ];

    public static readonly string[] NeutralComments =
    [
        "排队时间稍长",
        "办事指南可以再写清楚一些",
        "停车不太方便",
    ];

    public static readonly string[] BadComments =
    [
        "等待时间太长",
        "窗口人员解释不清楚，来回跑了两趟",
        "材料要求没有一次性告知",
        "临近下班不给办理",
        "窗口工作人员态度生硬",
    ];

    public static readonly string[] Measures =
    [
        "组织窗口人员重新学习服务规范，办事材料清单上墙公示并一次性告知",
        "高峰时段增开窗口，安排辅警在大厅引导分流",
        "实行午间和下班前延时服务，确保群众不白跑",
        "所长约谈当事窗口人员，纳入月度考评",
        "完善办事指南，增加常见问题解答，在线上同步发布",
    ];

    public static readonly string[] SatisfiedNotes =
    [
        "电话回访，群众表示满意",
        "上门回访，群众对整改措施表示认可",
        "群众再次来办理业务时当面回访，表示满意",
    ];

    public static readonly string[] UnsatisfiedNotes =
    [
        "电话回访，群众表示理解，但仍希望进一步缩短办理时间",
        "电话回访，群众仍有意见，已向其说明政策依据",
    ];

    public const string UpheldAppeal = "群众误评：经调取窗口录像核实，当事群众所办业务系外省户籍事项，窗口已当场解释并引导，评价与事实不符";
    public const string PendingAppeal = "群众误评：群众本人来电表示误点了“非常不满意”";
}
