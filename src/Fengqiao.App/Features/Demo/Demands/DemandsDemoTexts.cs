using Fengqiao.Features.Demands;

namespace Fengqiao.Features.Demo.Demands;

/// <summary>What residents ask for, what the units answer, per category — the demo's words.</summary>
internal sealed record DemandTexts(string[] Descriptions, string[] Answers, string OnTheSpot, string CoBuildingKeyword);

internal static class DemandsDemoTexts
{
    public static DemandTexts For(DemandCategory category) => category switch
    {
        DemandCategory.Employment => Employment,
        DemandCategory.ElderlyCare => ElderlyCare,
        DemandCategory.Childcare => Childcare,
        DemandCategory.LegalAid => LegalAid,
        DemandCategory.Housing => Housing,
        DemandCategory.Security => Security,
        DemandCategory.Infrastructure => Infrastructure,
        _ => Other,
    };

    private static readonly DemandTexts Employment = new(
        [
            "家中老人身体尚可，想在家门口找份手工活补贴家用。",
            "丈夫长期在外务工，本人在家照顾孩子，希望找一份时间灵活的零工。",
            "去年企业裁员后一直没有稳定工作，希望社区推荐就业岗位。",
            "孩子大学毕业一年仍未就业，想了解公益性岗位和就业见习政策。",
            "家里有残疾人，希望安排适合的居家就业或辅助性就业。",
            "会缝纫和编织，想参加技能培训后接些订单。",
            "想申请创业担保贷款开个早餐铺，不知道怎么办理。",
        ],
        [
            "已推荐到街道就业服务站登记，并通知参加下周的专场招聘会。",
            "已纳入社区公益性岗位人选，安排小区保洁岗位。",
            "已联系人社部门安排免费技能培训，下月开班。",
            "已对接创业担保贷款经办银行，申请材料已受理。",
        ],
        "当场讲解了就业补贴和公益性岗位政策，居民表示清楚了。",
        "人力资源和社会保障厅");

    private static readonly DemandTexts ElderlyCare = new(
        [
            "独居老人行动不便，希望社区安排助餐送餐服务。",
            "老人患有慢性病，希望家庭医生定期上门随访。",
            "想给瘫痪在床的老伴申请长期护理保险，不了解办理流程。",
            "老人独自在家没有紧急呼叫设备，子女不在身边很担心。",
            "希望社区日间照料中心增加午休床位。",
            "高龄津贴迟迟没有到账，想了解原因。",
        ],
        [
            "已纳入社区助餐服务名单，每天中午送餐上门。",
            "已与社区卫生服务中心签约家庭医生，每月上门随访一次。",
            "已为老人免费安装智能呼叫设备，并与子女手机绑定。",
            "已核实津贴发放情况，系漏报所致，下月补发到账。",
        ],
        "当场帮老人在手机上预约了免费体检，并留下了网格员电话。",
        "民政厅");

    private static readonly DemandTexts Childcare = new(
        [
            "双职工家庭，孩子放学后无人看管，希望开设课后托管班。",
            "父母在外地打工，爷爷奶奶辅导不了孩子作业。",
            "想给两岁的孩子找家附近的普惠托育机构。",
            "暑假期间孩子没人照看，希望社区组织暑期公益课堂。",
            "对孩子入学的学区划分有疑问，希望有人帮忙咨询。",
        ],
        [
            "社区“四点半课堂”已接收孩子，由志愿者辅导作业。",
            "已推荐附近普惠托育机构，完成入托登记。",
            "已安排大学生志愿者开办暑期公益课堂。",
            "已联系教育部门，按划片政策书面答复。",
        ],
        "当场告知了课后托管班的报名方式和时间。",
        "妇女联合会");

    private static readonly DemandTexts LegalAid = new(
        [
            "被拖欠半年工资，想申请法律援助讨薪。",
            "老人买保健品被骗两万多元，想咨询如何追回。",
            "离婚后对方不按时支付抚养费，不知道如何申请强制执行。",
            "房屋继承有分歧，兄弟姐妹意见不一，想咨询法律意见。",
            "网购遇到退款纠纷，商家拒不处理。",
            "租房押金被房东扣着不退，想咨询维权办法。",
        ],
        [
            "已转司法所，法律援助律师已受理并代为讨薪。",
            "已协调人民调解员介入，双方达成还款协议。",
            "已提供法律咨询，指导其向法院申请强制执行。",
            "已协助向市场监管部门投诉，商家已退款。",
        ],
        "当场解答了法律问题，告知了维权途径和法律援助热线。",
        "司法厅");

    private static readonly DemandTexts Housing = new(
        [
            "老旧小区屋顶漏水多年，希望纳入改造计划。",
            "想申请公租房，不清楚申请条件和所需材料。",
            "楼内下水管道老化经常堵塞，物业迟迟不维修。",
            "冬季供暖温度不达标，屋里只有十五六度。",
            "希望给老楼加装电梯，楼上老人上下楼困难。",
        ],
        [
            "已纳入今年老旧小区改造计划，预计下季度施工。",
            "已指导准备公租房申请材料，街道已受理。",
            "已督促物业完成管道疏通和更换。",
            "已联系供热公司入户检测并调整，室温已达标。",
        ],
        "当场联系了物业，维修人员当天上门。",
        "住房和城乡建设厅");

    private static readonly DemandTexts Security = new(
        [
            "小区门口夜间路灯不亮，老人孩子晚上出行不安全。",
            "楼道里有人长期堆放杂物，担心消防隐患。",
            "小区周边经常有人发“高息理财”传单，担心老人上当。",
            "电动车在楼道充电的多，希望增设集中充电桩。",
            "小区有几处监控坏了，希望尽快修复。",
        ],
        [
            "已协调更换路灯，并加密夜间巡逻。",
            "已联合物业清理楼道杂物，张贴消防提示。",
            "已开展反诈宣传入户，提醒老人谨慎理财。",
            "已协调增设电动车集中充电桩两处。",
        ],
        "当场和物业一起清理了楼道杂物。",
        "政法委");

    private static readonly DemandTexts Infrastructure = new(
        [
            "小区主干道路面破损，雨天积水严重。",
            "希望在小区内增设健身器材和休息座椅。",
            "公交站点离小区较远，老人出行不便，希望增设站点。",
            "小区垃圾分类投放点太少，夏天异味大。",
            "村里通往田地的路坑洼不平，农机进出困难。",
            "冬季道路积雪清理不及时，老人容易滑倒。",
        ],
        [
            "已报街道城建部门，道路修补已列入计划。",
            "已协调增设健身器材两套、座椅六把。",
            "已向交通部门反映，正在论证增设站点。",
            "已增设分类投放点并加密清运。",
        ],
        "当场联系了环卫部门，积水和积雪已清理。",
        "交通运输厅");

    private static readonly DemandTexts Other = new(
        [
            "想办理老年优待证，不知道去哪里申请。",
            "希望社区多组织文体活动，丰富老年人生活。",
            "想了解医保异地就医备案的办理方法。",
            "邻居家的狗经常不拴绳，想请社区协调。",
        ],
        [
            "已指导在线申请，优待证已办好。",
            "社区已组建老年合唱队，每周活动两次。",
            "已协助完成异地就医备案。",
            "已上门协调，邻居承诺遛狗拴绳。",
        ],
        "当场解答了居民的问题，居民表示满意。",
        "社会工作部");

    /// <summary>First answers that did not meet the demand, so it was referred again.</summary>
    public static readonly string[] Unsatisfactory =
    [
        "经研究暂无解决条件，建议居民自行联系。",
        "本单位无此职能，建议转有关部门办理。",
        "已登记，待统一安排。",
    ];

    public static readonly string[] ReferralNotes =
    [
        "请按时限答复，并反馈社区民警。",
        "居民家庭困难，请优先办理。",
        "已入户核实情况。",
        "居民多次反映，请重点关注。",
    ];

    public static readonly string[] CommitteeAnswerers = ["社区主任 王丽", "社区书记 刘芳", "网格长 赵敏", "社区副主任 孙红"];

    public static readonly string[] OfficeAnswerers = ["街道民生办 李科长", "街道社会事务办 孙主任", "街道城建办 周科长"];

    public const string KnittingName = "织心妈妈编织队";
    public const string KnittingSponsor = "吉林市草编协会";
    public const string KnittingDescription =
        "社区民警入户走访时发现，社区里不少妇女和老人心灵手巧、有就业意愿。在社区党支部支持下组建“织心妈妈”（巧手编织妈妈）编织队，"
        + "请草编协会的老师授课、帮助接单，让居民在家门口就业增收。";
    public const string KnittingAnswer = "已加入“织心妈妈”编织队，参加编织技能培训并开始接单。";

    public static readonly (string Name, string Role)[] KnittingMembers =
    [
        ("李秀兰", "队长"), ("王桂芳", "技术骨干"), ("张玉梅", "技术骨干"), ("刘淑珍", "队员"), ("陈凤英", "队员"), ("杨丽华", "队员"),
        ("赵春梅", "队员"), ("孙桂兰", "队员"), ("周晓红", "队员"), ("吴秀英", "队员"), ("郑玉兰", "队员"), ("马艳春", "队员"),
    ];

    public static readonly (int DaysAgo, string Customer, string Item, int Quantity, decimal AmountYuan)[] KnittingOrders =
    [
        (210, "长春一家文创公司", "草编收纳篮", 120, 7200m),
        (150, "东丰县农民画展销中心", "手工编织杯垫", 300, 4500m),
        (95, "辽源市一家商场", "毛线围巾", 80, 6400m),
        (40, "吉鹿街道工会", "中国结挂饰", 200, 3000m),
        (12, "社区团购", "手编玩偶", 60, 2100m),
    ];

    public static readonly string[] KnittingWishes =
    [
        "孩子上学后白天在家，会织毛衣，想找点活干增加收入。",
        "退休后闲不住，年轻时做过编织，想发挥余热挣点零花钱。",
        "丈夫常年生病，自己要照顾家走不开，希望能在家接手工活。",
        "听说社区要组织编织队，想报名参加。",
        "以前在服装厂干过，手巧，想找份能在家做的活。",
        "腿脚不好出不了远门，想在家做点手工补贴家用。",
        "带孙子的空闲时间多，想学草编手艺。",
        "下岗多年，想通过编织接单增加点收入。",
        "在家照顾老人，只能做时间灵活的活儿。",
        "想和邻居姐妹们一起做编织，既能挣钱又热闹。",
    ];
}
