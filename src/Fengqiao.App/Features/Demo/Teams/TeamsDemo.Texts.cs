using Fengqiao.Features.Teams;

namespace Fengqiao.Features.Demo.Teams;

/// <summary>The words of the demo teams: team names, routes, what patrols saw, tips, outreach and meeting decisions.</summary>
public static partial class TeamsDemo
{
    private sealed record VolunteerSpec(string Name, string Description, string Officer, string? AreaCode, string? AreaName, string? StreetOf, bool WithDemoVolunteer);

    private enum DecisionOwner
    {
        Officer,
        Grid,
        Secretary,
    }

    private const string CommunityTeamDescription =
        "社区民警牵头，辅警、社区“两委”和网格员参加 / Led by the community police officer, with an auxiliary, the community committee and the grid officers";

    /// <summary>
    /// Xing Yun's team is where the article puts it (Xiangyang Community, Longshan District, Liaoyuan);
    /// the demo volunteer's team is in Chongqing Road Street, so that Wu Hui's station receives her tips.
    /// </summary>
    private static readonly VolunteerSpec[] VolunteerTeams =
    [
        new("重庆路街道平安志愿巡逻队",
            "楼长、快递员、物业人员和居民组成，社区民警吴辉带队 / Building leaders, couriers, property staff and residents, led by community police officer Wu Hui",
            "吴辉", VolunteerStreetCode, null, null, WithDemoVolunteer: true),
        new("向阳社区平安志愿巡逻队",
            "社区民警邢云组建：楼长、快递员、物业人员、社区居民，处置突发情况、调解纠纷、及时提供线索 / Set up by community police officer Xing Yun: building leaders, couriers, property staff and residents who handle emergencies, mediate disputes and pass on information",
            "邢云", null, "向阳社区", null, WithDemoVolunteer: false),
        new("阜北社区平安志愿巡逻队",
            "社区民警、居委会副主任魏东带队 / Led by Wei Dong, community police officer and deputy director of the neighbourhood committee",
            "魏东", null, "阜北社区", null, WithDemoVolunteer: false),
        new("西安大路街道红袖标巡逻队",
            "社区民警张春民带队的楼栋志愿者 / Building volunteers with red armbands, led by community police officer Zhang Chunmin",
            "张春民", null, null, "西安大路街道", WithDemoVolunteer: false),
        new("安顺社区平安志愿巡逻队",
            "社区民警张野带队 / Led by community police officer Zhang Ye",
            "张野", null, "安顺社区", null, WithDemoVolunteer: false),
    ];

    private static readonly (MemberRole Role, int Count)[] VolunteerMix =
    [
        (MemberRole.BuildingLeader, 3), (MemberRole.Courier, 2), (MemberRole.PropertyStaff, 2), (MemberRole.Resident, 3),
    ];

    private static readonly string[] Routes =
    [
        "小区东门—1至6号楼—地下车库—西门",
        "沿街商铺—公交站—文化广场—小区南门",
        "学校周边—菜市场—老旧楼院",
        "快递驿站—电动车集中充电点—3号楼楼道",
        "小区周界围墙—健身广场—物业中心",
        "出租屋集中楼栋—背街小巷—社区卫生服务站",
        "幼儿园门口—十字路口—银行网点",
    ];

    private static readonly string[] Quiet =
    [
        "未发现异常。",
        "一切正常，提醒晚归居民锁好单元门。",
        "巡逻正常，向广场跳舞居民宣传反诈知识。",
        "未发现异常，检查消防通道畅通。",
    ];

    private static readonly string[] Findings =
    [
        "3号楼楼道堆放杂物，已提醒物业清理。",
        "发现一处路灯损坏，已报社区。",
        "劝离两名在小区内推销保健品的人员。",
        "有居民在楼道内给电动车充电，已劝导。",
        "地下车库一处消防通道被车辆占用，已联系车主挪车。",
        "一位走失老人在广场徘徊，已联系家属接回。",
        "发现可疑人员在单元门口徘徊，已报告社区民警。",
        "两户邻居因停车发生口角，巡逻队员现场劝解平息。",
        "小区南门门禁损坏，已告知物业维修。",
    ];

    private static readonly (string Text, string Note)[] TipTexts =
    [
        ("3号楼502室近期频繁有陌生人出入，深夜仍有人进出，疑似群租。", "已核查：系群租房，已督促房东整改并登记流动人口信息。"),
        ("小区门口有人以“免费领鸡蛋”为名召集老人听课，推销高价保健品，疑似诈骗。", "已联合市场监管部门查处，涉事人员已被劝离，开展防养老诈骗宣传。"),
        ("夜间有人在地下车库撬电动车锁，已发生两起。", "已调取监控，抓获嫌疑人1名，追回电动车2辆。"),
        ("某出租屋内每晚有多人聚集，麻将声不断，疑似聚众赌博。", "已出警查处，依法处理赌博人员4名。"),
        ("有人在小区业主群发布“刷单返利”兼职信息，已有老人转账。", "已约谈群主删除信息，联系受害人报案，并在群内发布反诈提示。"),
        ("快递驿站附近有人高价收购银行卡、电话卡。", "已列为涉“两卡”线索移交刑侦部门，嫌疑人已被传唤。"),
        ("5号楼一户家中经常传出争吵和哭喊声，担心有家暴。", "社区民警会同妇联上门走访，已出具家庭暴力告诫书。"),
        ("学校附近有社会青年拦截学生索要财物。", "已在上下学时段设立护学岗，涉事青年已被教育训诫。"),
        ("有人在楼顶天台私拉电线给电动车充电，存在火灾隐患。", "已联合物业拆除私拉电线，录入安全隐患台账。"),
        ("一名独居老人多日未出门，邻居敲门无人应答。", "已与社区人员上门查看，老人因病卧床，已联系子女并送医。"),
    ];

    /// <summary>Days back of 王淑芬's own tips.</summary>
    private static readonly int[] WangsTipDays = [2, 11, 37];

    private static readonly string[] LawLessons =
    [
        "法治副校长上法治课：防校园欺凌",
        "法治副校长讲授防范电信网络诈骗",
        "法治副校长开学第一课：交通安全与防溺水",
        "法治副校长为学生讲解《未成年人保护法》",
    ];

    private static readonly string[] FraudTalks =
    [
        "反诈宣传进社区：识别养老诈骗",
        "反诈讲座：刷单返利、冒充客服类诈骗",
        "指导居民安装国家反诈中心App",
        "反诈宣传进楼栋：冒充公检法诈骗",
    ];

    private static readonly string[] Publicity =
    [
        "民法典宣传进社区",
        "《反电信网络诈骗法》宣传",
        "禁毒宣传进社区",
        "消防安全与电动车安全充电宣传",
    ];

    /// <summary>The two communities whose weekly meetings are in the demo: Liu Xiaoyan's in Chongqing Road Street, and Fubei (Wei Dong).</summary>
    private static readonly (string? Code, string? Name)[] MeetingCommunities = [("220104001001", null), (null, "阜北社区")];

    private static readonly string[] Topics =
    [
        "研究冬季供暖期间独居老人走访安排。",
        "部署电动车进楼入户充电专项整治。",
        "讨论3号楼楼道杂物清理及消防通道畅通问题。",
        "布置反诈宣传进楼栋工作。",
        "研究小区门禁损坏及夜间照明不足问题。",
        "通报平安志愿巡逻队本周巡逻情况，调整夜间巡逻路线。",
        "研究某小区物业费纠纷的联合调解方案。",
        "部署“百日走访保平安”入户走访。",
    ];

    private static readonly (string Description, DecisionOwner Owner, int Days)[] Decisions =
    [
        ("清理3号楼楼道堆放杂物，保持消防通道畅通", DecisionOwner.Grid, 7),
        ("走访独居老人，了解供暖和用电安全情况", DecisionOwner.Officer, 5),
        ("联系物业修复小区东门门禁", DecisionOwner.Secretary, 10),
        ("在各楼栋张贴反诈宣传海报", DecisionOwner.Grid, 5),
        ("约谈5号楼漏水纠纷双方，组织联合调解", DecisionOwner.Officer, 3),
        ("协调增设文化广场路灯", DecisionOwner.Secretary, 14),
        ("排查出租屋流动人口登记情况", DecisionOwner.Officer, 7),
        ("组织平安志愿巡逻队夜间加巡", DecisionOwner.Grid, 3),
    ];
}
