using Fengqiao.Features.Households;

namespace Fengqiao.Features.Demo.Visits;

/// <summary>One page of the demo notepad: what was written, for which households it fits, and whether anti-fraud advice was part of it.</summary>
internal sealed record DemoNote(string Text, HouseholdTags For = HouseholdTags.None, bool AntiFraud = false);

/// <summary>What community police write in their notepad (民情日志) after a home visit, as in the article.</summary>
internal static class VisitsDemoNotes
{
    /// <summary>The hundred-day campaign: needs, disputes in the bud, hidden dangers, anti-fraud advice.</summary>
    public static readonly DemoNote[] Current =
    [
        new("独居老人，78岁，子女在外地工作。屋内暖气不太热，老人怕冷不敢开窗。已联系物业和供热公司上门排查，留下警民联系卡，叮嘱有事随时打电话。", HouseholdTags.ElderlyAlone),
        new("老人腿脚不便，下楼买菜困难，希望社区帮忙联系助餐服务。已登记，转社区养老服务站跟进，网格员每周上门看一次。", HouseholdTags.ElderlyAlone),
        new("独居老人家里冰箱空了一半，说儿子半个月没回来。联系社区志愿者每周帮忙采购一次，并和老人儿子通了电话。", HouseholdTags.ElderlyAlone),
        new("老人有过一次走失，家属担心。建议佩戴防走失手环，已把老人照片和家属电话登记，社区民警和网格员共同关注。", HouseholdTags.ElderlyAlone),
        new("为老人讲解养老诈骗常见套路：保健品“免费体验”、以房养老、高息理财。老人说前几天有人推销“磁疗床垫”，已提醒不要交钱。", HouseholdTags.ElderlyAlone, AntiFraud: true),
        new("年轻妈妈，孩子两岁半，想在家附近找份能兼顾接送孩子的工作，会做手工。记录求职意向，介绍社区“巧手妈妈”编织队和家门口就业岗位。"),
        new("女主人下岗一年多，想学一门手艺。推荐人社部门的免费育婴员培训，留了社区就业服务站的电话。"),
        new("失业半年的中年男性，有电工经验，希望参加技能培训拿证。已推荐区里的免费电工培训班，下周报名。"),
        new("楼上楼下因夜间噪音有矛盾，楼下住户情绪较大。现场分别做了工作，约定晚十点后不在家跳绳、不拖桌椅，网格员下周回访。"),
        new("对门邻居装修噪音大、时间长，已联系装修队负责人，约定施工时间为早八点至晚六点，周末不施工。"),
        new("两家因楼道堆放杂物起口角。协调双方各自清理，物业在楼道张贴消防通道禁止堆物提示。"),
        new("邻居之间因车位发生口角，已协调物业划定临时停车区域，双方表示接受。"),
        new("楼上卫生间漏水影响楼下，双方就维修费用有争议。已初步调解，物业协助查明漏点，约定按责任分担。"),
        new("住户反映楼上阳台外挂鸽子盘，有坠落隐患，之前掉过鸽粪和杂物。已上门劝说养鸽住户拆除，对方答应周末处理，下周回访核实。"),
        new("发现住户在阳台外摆放花盆，未固定，存在高空坠物隐患。已提醒移到室内，住户当场搬走。"),
        new("电动车推进楼道充电，讲解飞线充电和室内充电的火灾风险，住户同意改到小区集中充电桩充电。"),
        new("燃气软管老化开裂，建议及时更换并安装燃气报警器，已联系燃气公司上门检查。"),
        new("发放反诈宣传单，讲解冒充客服退款、刷单返利、冒充公检法等常见骗术，指导安装国家反诈中心App，家里人都装上了。", AntiFraud: true),
        new("住户说上周接到自称“公安局”的电话，说他涉嫌洗钱，要转账到“安全账户”。已讲解此类诈骗手法：公安机关不会电话办案、不会要求转账。", AntiFraud: true),
        new("孩子在读高中，家长担心孩子网上被“游戏充值返利”骗。给家长和孩子讲了未成年人常见网络诈骗，留下反诈宣传资料。", AntiFraud: true),
        new("出租屋，租户三人均为外地务工人员，已核对租住登记信息，提醒房东及时申报租客变化，告知租户居住证办理流程。", HouseholdTags.Rental),
        new("出租屋新换了租户，房东未登记。已当面讲解出租房屋治安管理规定，房东当天补报了信息。", HouseholdTags.Rental),
        new("家中有留守儿童，由奶奶照看，孩子学习情况一般。已联系学校班主任关注，告知假期可参加社区“四点半课堂”。", HouseholdTags.LeftBehindChild),
        new("留守儿童父母在外打工，孩子沉迷手机。和奶奶商量约定使用时间，安排志愿者周末辅导作业。", HouseholdTags.LeftBehindChild),
        new("残疾人家庭，轮椅出入单元门有台阶不便，希望加装无障碍坡道。已向社区反映，纳入本季度微改造清单。", HouseholdTags.Disability),
        new("低保户，询问低保年审需要带哪些材料，已现场讲解并告知社区办理时间，可由网格员代为提交。", HouseholdTags.LowIncome),
        new("退役军人家庭，儿子今年高中毕业，咨询退役军人子女相关政策，已转退役军人服务站答复。", HouseholdTags.Veteran),
        new("住户刚搬来，还没办居住证。告知办理流程和所需材料，派出所综合窗口可一次办结，也可网上预约。"),
        new("家里孩子刚出生，家长问新生儿落户怎么办。告知医院警务室可以“出生一件事”联办，带好出生医学证明和户口簿。"),
        new("住户反映小区门口上下学时段车辆乱停，影响孩子安全。已转交警中队，并建议学校门口设立护学岗。"),
        new("住户反映小区夜间路灯坏了两盏，出行不便，已记录并报街道城建办维修。"),
        new("住户家门锁老旧，担心入室盗窃。提醒更换防盗锁芯，讲解外出关窗、贵重物品不放明处等防盗常识。"),
        new("住户养狗出门不拴绳，邻居有意见。已宣传文明养犬规定，住户表示今后出门拴绳、及时清理粪便。"),
        new("老两口因赡养问题和儿子闹矛盾，老人情绪低落。耐心听老人诉说，约定下周联合社区调解员上门调解。"),
        new("家庭和睦，生活正常，没有需要帮助的事。宣传了警务室位置和社区民警联系方式，加了社区平安群。"),
        new("敲门无人应答，邻居说住户白天上班。在门上留下警民联系卡，晚上再来。"),
        new("住户对上次邻里纠纷的调解结果表示满意，两家关系已经缓和，楼上晚上也注意了。"),
    ];

    /// <summary>The winter safety visits of vulnerable households, finished before the hundred-day campaign.</summary>
    public static readonly DemoNote[] Winter =
    [
        new("检查冬季取暖：暖气正常，屋内无私拉电线。讲解电热毯使用注意事项，提醒睡前断电。"),
        new("老人用“小太阳”取暖器，离床单太近。帮着挪开，提醒远离可燃物、人走断电。", HouseholdTags.ElderlyAlone),
        new("燃气灶具正常，帮助安装了燃气报警器，教老人听到报警先关阀门、开窗、不开关电器。"),
        new("家中烟道通畅，提醒冬季防范一氧化碳中毒，每天开窗通风。"),
        new("插线板老化发烫，建议更换，发放冬季防火宣传单，讲解“人走电断”。"),
        new("残疾人家庭暖气不热，已联系供热公司上门排查，第二天回访已恢复。", HouseholdTags.Disability),
        new("低保户家里窗户漏风，已报社区协调冬季慰问物资，送去棉被一床。", HouseholdTags.LowIncome),
        new("讲解冬季防诈骗：冒充供热公司收费、冒充燃气公司上门推销“安全阀”，提醒通过官方渠道缴费。", AntiFraud: true),
    ];
}
