using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Demo;

/// <summary>
/// One kind of dispute as an officer would write it up. Placeholders: {A} the applicant, {B} the
/// respondent, {N} the people involved, {M} an amount in yuan, {P} the address, {D} the date the
/// agreement is to be performed by. A template that names a hidden danger may open one.
/// </summary>
internal sealed record CaseTemplate(
    string Title, string Summary, string Terms,
    DangerKind? Danger = null, string? DangerText = null, string? DangerNote = null, string DangerParty = "{B}");

/// <summary>A hidden danger found on a visit. Party placeholders: {P} a resident, {E} the estate, {C} the committee, {X} the county.</summary>
internal sealed record DangerTemplate(DangerKind Kind, string Description, string Party, string Note);

/// <summary>The words of the demo cases and dangers: Chinese, as the officers of Jilin write them.</summary>
internal static class DemoCaseTexts
{
    /// <summary>How common each category is in a town street; villages see far more land disputes.</summary>
    private static readonly Dictionary<string, int> CategoryWeights = new(StringComparer.Ordinal)
    {
        ["neighbour"] = 22, ["marriage-family"] = 18, ["property"] = 14, ["labour"] = 12, ["debt"] = 7, ["tenancy"] = 6,
        ["traffic"] = 5, ["consumer"] = 5, ["land"] = 2, ["online"] = 3, ["medical"] = 2, ["other"] = 2,
    };

    public static int Weight(string category, bool village) => category switch
    {
        "land" when village => 14,
        "property" or "tenancy" when village => 3,
        _ => CategoryWeights.GetValueOrDefault(category, 2),
    };

    /// <summary>Red, orange, yellow, blue (the enum's order).</summary>
    public static readonly int[] RiskWeights = [5, 15, 45, 35];

    /// <summary>Home visit, patrol, resident report, 110 referral, volunteer tip, department referral, walk-in (the enum's order).</summary>
    public static readonly int[] SourceWeights = [30, 10, 26, 12, 7, 5, 10];

    public static CaseTemplate[] TemplatesFor(string category) =>
        Templates.TryGetValue(category, out var templates) ? templates : Templates["other"];

    private static readonly Dictionary<string, CaseTemplate[]> Templates = new(StringComparer.Ordinal)
    {
        ["neighbour"] =
        [
            new("楼上漏水殃及楼下", "{B}家卫生间防水层老化，漏水导致楼下{A}家天花板发霉、墙皮脱落，{A}多次上门协商未果，双方在楼道发生争吵。",
                "{B}于{D}前请专业人员重做卫生间防水，并赔偿{A}家墙面修复费用{M}元。"),
            new("噪音扰民", "{A}反映楼上{B}家经常深夜走动、挪动家具，孩子跑跳声不断，影响家中老人休息，双方多次发生口角。",
                "{B}家在客厅铺设地垫，晚十点后不再挪动家具、大声喧哗；{A}有问题先与对方沟通，不再上门争吵。"),
            new("占用公共楼道", "{B}在楼道长期堆放纸箱、旧家具等杂物，{A}认为影响通行和消防安全，要求清理，双方发生争执。",
                "{B}于三日内清理楼道内个人杂物，今后不再占用公共楼道；物业加强巡查。",
                DangerKind.Fire, "楼道堆放纸箱、旧家具等杂物，堵塞安全通道", "杂物已清理，楼道畅通"),
            new("楼上鸽子盘坠落砸坏车辆", "{B}家阳台外挂的鸽子盘被大风吹落，砸坏楼下{A}停放的轿车前挡风玻璃，双方就赔偿问题争执不下。",
                "{B}赔偿{A}修车费{M}元，并于{D}前拆除阳台外挂鸽子盘。",
                DangerKind.FallingObject, "阳台外挂鸽子盘，大风天气可能再次被吹落砸伤行人", "住户在民警和社区干部劝说下主动拆除鸽子盘"),
            new("宠物犬未拴绳咬伤邻居", "{B}饲养的宠物犬未拴绳，在小区内追咬{A}，致其小腿擦伤，双方就疫苗费和误工费产生争议。",
                "{B}承担{A}疫苗及医疗费用共{M}元，今后遛狗一律拴绳并清理粪便。"),
            new("空调外机噪音和滴水", "{B}家空调外机正对{A}家卧室窗户，夏季噪音大且冷凝水滴落在{A}家窗台，双方多次交涉未果。",
                "{B}于{D}前将空调外机移至侧墙并加装接水管，费用自理。"),
            new("楼道飞线给电动车充电引发争执", "{B}从自家窗户拉电线到楼下给电动车充电，{A}担心起火和触电，劝阻时双方发生推搡。",
                "{B}立即拆除飞线，今后到小区集中充电桩充电；双方互相道歉。",
                DangerKind.Electrical, "住户从楼上飞线给电动车充电（飞线充电），电线垂挂在人行道上方", "飞线已拆除，已引导到小区集中充电桩充电"),
        ],
        ["marriage-family"] =
        [
            new("夫妻感情不和发生争吵", "{A}与丈夫{B}因家庭琐事和经济问题长期争吵，近日{B}酒后摔砸家中物品，{A}向社区求助。",
                "{B}保证戒酒、不再摔砸物品，家庭收入由双方共同管理；社区和民警定期回访。"),
            new("赡养老人费用分担纠纷", "{A}的母亲年迈多病需要照顾，{A}与兄弟{B}就赡养费分担和轮流照顾问题发生争执。",
                "兄弟二人每月各承担赡养费{M}元，按月轮流照顾老人，医疗费凭票据均摊。"),
            new("离婚后子女探视纠纷", "{A}与前妻{B}离婚后，因孩子探视时间和接送安排问题多次在小区门口发生争吵。",
                "双方约定每周六上午由{A}接孩子探视，周日下午五点前送回，假期另行协商。"),
            new("家庭房产继承纠纷", "{A}与{B}等兄妹因父母留下的一套老房子如何分割发生矛盾，兄妹间多年不来往。",
                "老房出售后房款按约定比例分配，照顾老人较多的{A}多分一成，兄妹各自签字确认。"),
            new("婆媳矛盾激化", "{A}与儿媳{B}因照看孩子和生活习惯等问题矛盾加深，家中多次争吵，邻居报警。",
                "小两口搬出另住，每周回家看望老人；双方互相尊重，不再当着孩子争吵。"),
        ],
        ["property"] =
        [
            new("物业费收缴纠纷", "业主{A}因小区电梯频繁故障、楼道卫生差拒交物业费，物业公司工作人员{B}上门催缴时双方发生争执。",
                "物业公司于{D}前完成电梯维修并改进保洁，{A}补交拖欠的物业费{M}元。"),
            new("电梯长期停运引发业主不满", "{P}电梯停运近一个月，老年业主出行困难，{A}等业主与物业负责人{B}发生冲突。",
                "物业公司申请使用维修资金，于{D}前修复电梯并在楼道公示维修进度。"),
            new("冬季供暖温度不达标", "入冬以来{A}家室温长期低于18℃，与物业和供热站工作人员{B}交涉未果，情绪激动。",
                "供热单位对入户管道进行排气疏通，室温达标前按天退还部分采暖费。"),
            new("小区停车收费争议", "物业公司上调地面停车费，{A}等业主认为未经业主大会同意，与物业工作人员{B}在小区门口发生争执。",
                "停车费暂按原标准收取，调价方案提交业主大会表决。"),
            new("消防通道被私家车占用", "{B}长期将私家车停在楼前消防通道上，物业劝离无果，{A}等居民意见很大。",
                "{B}将车辆移至指定车位，物业在消防通道施划禁停标线并加强巡查。",
                DangerKind.Fire, "小区消防通道被私家车长期占用", "已施划禁停标线，占道车辆已移走"),
            new("外墙瓷砖脱落砸坏车辆", "{P}外墙瓷砖脱落，砸坏{A}停在楼下的车辆，{A}要求物业赔偿，物业负责人{B}认为应由开发商负责。",
                "物业公司先行赔偿{A}修车费{M}元，并于{D}前对外墙空鼓瓷砖进行排查处理。",
                DangerKind.FallingObject, "楼体外墙瓷砖空鼓，局部已有脱落", "空鼓瓷砖已清除，外墙已修补", "{E}物业服务中心"),
        ],
        ["labour"] =
        [
            new("工地拖欠农民工工资", "{A}等{N}名农民工在某建筑工地务工，包工头{B}以工程款未结为由拖欠工资共计{M}元。",
                "{B}与总包单位协商，于{D}前分两次付清拖欠工资。"),
            new("饭店拖欠服务员工资", "{A}在{B}经营的饭店做服务员，辞职后{B}以损坏餐具为由扣发两个月工资{M}元。",
                "{B}于{D}前一次性支付{A}工资{M}元。"),
            new("装修工人工钱结算纠纷", "{A}为{B}家装修，完工后{B}认为瓷砖铺贴不平拒付尾款{M}元，双方发生争执。",
                "{A}对不平整处进行返工，{B}验收后当场支付尾款。"),
            new("务工受伤赔偿协商", "{A}在{B}的小作坊干活时手部受伤，双方就医疗费和误工费赔偿数额争执不下。",
                "{B}一次性赔偿{A}医疗费、误工费等共计{M}元。"),
            new("物流站点克扣工资", "{A}等{N}名快递分拣员反映物流站点负责人{B}以罚款名义克扣工资，集体到站点讨要。",
                "站点负责人{B}退还克扣的工资共{M}元，今后罚款规定须提前公示。"),
        ],
        ["land"] =
        [
            new("宅基地边界纠纷", "{A}与邻居{B}因翻建房屋时宅基地界址不清发生争执，双方互不相让。",
                "由村委会会同双方重新丈量，按原界址埋设界桩，{B}拆除越界部分围墙。"),
            new("承包地界石被挪动", "{A}发现自家承包地的界石被{B}挪动，耕地面积减少，双方在地头发生争吵。",
                "按土地承包合同恢复原界石位置，{B}补偿{A}青苗损失{M}元。"),
            new("林地权属争议", "{A}与{B}对村后一片林地的承包经营权各执一词，{B}擅自砍伐林木。",
                "以林权证记载为准确认林地归属，{B}赔偿砍伐林木损失{M}元。"),
            new("灌溉用水纠纷", "春耕灌溉期间，{B}在上游截水，{A}等下游农户的稻田无法灌溉，双方发生冲突。",
                "由村委会统一排定放水时间表，各户轮流灌溉。"),
        ],
        ["debt"] =
        [
            new("个人借款到期不还", "{A}三年前借给{B}{M}元，约定一年归还，{B}以生意亏损为由至今未还。",
                "{B}于{D}前先归还一半借款，剩余部分按月分期归还。"),
            new("合伙生意散伙后账目纠纷", "{A}与{B}合伙经营烧烤店，散伙后双方对设备折价和欠款分担各执一词。",
                "设备归{B}所有，{B}向{A}支付折价款{M}元。"),
            new("赊购农资欠款纠纷", "{B}在{A}的农资店赊购化肥和种子，秋收后仍拖欠货款{M}元。",
                "{B}于{D}前付清货款。"),
        ],
        ["traffic"] =
        [
            new("电动车与行人相撞赔偿纠纷", "{B}骑电动车在小区路口与行人{A}相撞，{A}腿部受伤住院，双方就赔偿数额发生争议。",
                "{B}赔偿{A}医疗费、营养费共计{M}元。"),
            new("小区内车辆剐蹭纠纷", "{A}的车辆停放时被{B}倒车剐蹭，{B}不认可维修报价，双方在停车场争吵。",
                "双方同意按维修厂报价的八成，由{B}赔偿{M}元。"),
            new("倒车撞坏临街商铺门面", "{B}倒车时撞坏{A}临街商铺的玻璃门，双方对赔偿金额分歧较大。",
                "{B}赔偿{A}门面维修费{M}元。"),
        ],
        ["consumer"] =
        [
            new("美容店办卡退费纠纷", "{A}在{B}经营的美容店办理预付卡，服务缩水后要求退还余额{M}元遭拒。",
                "{B}于{D}前退还{A}预付卡余额{M}元。"),
            new("购买家电售后纠纷", "{A}在{B}的家电商店购买的冰箱使用一个月即出现故障，商家拒绝退换。",
                "{B}为{A}更换同型号新冰箱，并承担运费。"),
            new("健身房闭店预付卡退款", "{B}经营的健身房突然闭店，{A}等{N}名会员预付卡无法使用，聚集讨要退款。",
                "{B}按剩余课时折算，分两批退还会员费用。"),
        ],
        ["medical"] =
        [
            new("诊所输液后不良反应纠纷", "{A}在{B}开办的诊所输液后出现过敏反应，家属要求赔偿，与诊所发生争执。",
                "{B}诊所承担{A}后续治疗费用{M}元，{A}家属不再到诊所吵闹。"),
            new("牙科治疗效果纠纷", "{A}在{B}的口腔诊所种植牙后反复疼痛，要求退费，双方争执不下。",
                "诊所免费为{A}复查和修复，并退还部分费用{M}元。"),
        ],
        ["tenancy"] =
        [
            new("房东不退押金", "{A}租住{B}的房屋到期搬离，{B}以墙面污损为由拒不退还押金{M}元。",
                "{B}扣除墙面粉刷费用后，当日退还{A}押金余额。"),
            new("租客拖欠房租", "{B}租住{A}的房屋，已拖欠三个月房租共计{M}元，{A}上门催要时发生争执。",
                "{B}于{D}前付清欠租，逾期则搬离房屋。"),
            new("群租房私拉电线扰民", "{B}将房屋隔成多间出租，租客私拉电线、深夜喧哗，楼内居民{A}等多次投诉。",
                "{B}拆除隔断、整改线路，租客按规定登记，晚间不得喧哗。",
                DangerKind.Electrical, "出租屋私拉乱接电线，插线板串联使用", "线路已由电工整改，隔断已拆除"),
        ],
        ["online"] =
        [
            new("网购二手手机货不对板", "{A}通过二手平台向{B}购买手机，收货后发现是翻新机，{B}拒绝退款。",
                "{A}退回手机，{B}当日全额退款{M}元。"),
            new("微信群言语侮辱引发纠纷", "{B}在小区业主微信群中发布侮辱{A}的言论，{A}要求公开道歉，双方矛盾升级。",
                "{B}在业主群内公开道歉并删除相关言论，双方握手言和。"),
        ],
        ["other"] =
        [
            new("广场舞音响扰民", "{B}等人在小区广场跳广场舞，音响音量过大，{A}等临街住户多次投诉无果。",
                "广场舞时间调整为晚七点至八点半，音响音量控制在规定范围内。"),
            new("投喂流浪猫引发邻里矛盾", "{B}长期在楼下投喂流浪猫，猫群聚集、气味难闻，{A}与其多次争吵。",
                "{B}在指定地点定时投喂并清理，联系志愿者为流浪猫绝育。"),
        ],
    };

    /// <summary>Hidden dangers found on home visits and patrols; the common kinds appear more often.</summary>
    public static readonly DangerTemplate[] Dangers =
    [
        new(DangerKind.FallingObject, "阳台外挂鸽子盘，大风天气可能被吹落伤人", "{P}", "住户已主动拆除鸽子盘"),
        new(DangerKind.FallingObject, "高层住户窗台外摆放花盆，存在高空坠落风险", "{P}", "花盆已移入室内"),
        new(DangerKind.FallingObject, "屋檐冰溜子悬挂，存在坠落伤人风险", "{E}物业服务中心", "冰溜子已清除，下方已设置警示区域"),
        new(DangerKind.FallingObject, "临街商铺广告牌锈蚀松动", "{P}（店主）", "广告牌已拆除并重新加固安装"),
        new(DangerKind.Fire, "楼道堆放纸箱、旧家具等杂物，堵塞安全通道", "{P}", "杂物已清理，楼道畅通"),
        new(DangerKind.Fire, "小区消防通道被私家车长期占用", "{E}物业服务中心", "已施划禁停标线，占道车辆已移走"),
        new(DangerKind.Fire, "小饭店后厨油烟管道积油严重，未配备灭火器", "{P}（店主）", "油烟管道已清洗，已配备灭火器"),
        new(DangerKind.Fire, "地下室违规住人，缺少消防设施", "{P}（房东）", "住人已清退，地下室恢复储藏用途"),
        new(DangerKind.Electrical, "住户从楼上飞线给电动车充电（飞线充电）", "{P}", "飞线已拆除，已引导到小区集中充电桩充电"),
        new(DangerKind.Electrical, "电动车在楼道内停放充电，有起火风险", "{P}", "电动车已移出楼道"),
        new(DangerKind.Electrical, "出租屋私拉乱接电线，插线板串联使用", "{P}（房东）", "线路已由电工整改"),
        new(DangerKind.Electrical, "老旧小区公共线路老化裸露", "{E}物业服务中心", "供电公司已更换老化线路"),
        new(DangerKind.Gas, "餐馆液化气罐与灶具同室存放，连接软管老化", "{P}（店主）", "已更换软管并加装燃气报警器"),
        new(DangerKind.Gas, "居民家燃气软管老化开裂，有轻微异味", "{P}", "燃气公司已上门更换软管"),
        new(DangerKind.Gas, "独居老人家中燃气灶无熄火保护装置", "{P}", "社区协助更换了带熄火保护的燃气灶"),
        new(DangerKind.Traffic, "学校门口路段缺少减速带和人行横道", "{X}交警大队", "已施划人行横道并安装减速带"),
        new(DangerKind.Traffic, "道路急弯处无警示标志和护栏", "{C}", "已设置警示标志和波形护栏"),
        new(DangerKind.Traffic, "小区出入口路灯损坏，夜间照明不足", "{E}物业服务中心", "路灯已修复"),
        new(DangerKind.Building, "老旧楼房外墙开裂，楼梯扶手松动", "{E}物业服务中心", "扶手已加固，裂缝已修补"),
        new(DangerKind.Building, "危房内仍有老人居住", "{C}", "老人已搬至亲属家居住，危房已封闭"),
        new(DangerKind.Building, "废弃厂房围墙倾斜，紧邻人行道", "{P}（业主）", "倾斜围墙已拆除"),
        new(DangerKind.PublicOrder, "小区多处监控探头损坏", "{E}物业服务中心", "监控已修复并接入社区警务室"),
        new(DangerKind.PublicOrder, "出租屋人员流动大，未按规定登记", "{P}（房东）", "租住人员已全部登记"),
        new(DangerKind.Other, "小区内窨井盖缺失", "{E}物业服务中心", "已补装井盖"),
    ];

    public static readonly string[] Estates =
    [
        "幸福家园", "阳光小区", "华府花园", "锦绣华庭", "和平里小区", "长青小区", "建设小区", "新华苑", "春城花园", "民康小区",
        "福顺园", "翠湖小区", "南岭小区", "东盛家园", "铁北小区", "嘉和园", "金色家园", "盛世华城", "青年路小区", "电力小区",
        "粮食局家属楼", "铁路家属楼", "红旗小区", "吉祥小区",
    ];

    /// <summary>Where a case of each category is referred: people's mediation, court, department (the enum's order).</summary>
    public static int[] ReferralWeights(string category) => category switch
    {
        "labour" => [25, 20, 55],
        "consumer" => [30, 10, 60],
        "property" => [50, 10, 40],
        "land" => [50, 20, 30],
        "medical" => [70, 0, 30],
        "debt" => [40, 60, 0],
        "marriage-family" => [60, 40, 0],
        "traffic" => [60, 40, 0],
        _ => [75, 25, 0],
    };

    /// <summary>The county department a case of this category goes to.</summary>
    public static string Department(string category) => category switch
    {
        "labour" => "人力资源和社会保障局劳动保障监察大队",
        "consumer" => "市场监督管理局",
        "property" => "住房和城乡建设局",
        "land" => "自然资源局",
        "medical" => "卫生健康局",
        _ => "司法局",
    };

    public static readonly string[] SuspensionReasons =
    [
        "一方当事人外出务工，暂时无法取得联系",
        "当事人住院治疗，待出院后继续调解",
        "等待伤情鉴定结果",
        "等待专业机构出具检测结论",
        "相关民事诉讼尚未审结",
    ];

    public static readonly string[] NotResolvableReasons =
    [
        "双方分歧较大，经多次调解仍无法达成一致，已告知当事人依法向人民法院起诉。",
        "申请人坚持高额赔偿要求，对方拒绝，调解终止，已引导当事人通过诉讼解决。",
        "一方当事人拒绝继续参加调解，已告知其他救济途径。",
    ];

    public static readonly string[] FollowUpNotes =
    [
        "回访时双方关系缓和，协议已履行完毕。",
        "当事人表示满意，未发现新的矛盾隐患。",
        "邻里关系恢复正常，当事人对民警和社区的调解表示感谢。",
        "双方按协议履行，社区网格员继续关注。",
    ];

    public static string Minutes(SessionOutcome outcome) => outcome switch
    {
        SessionOutcome.Agreement => "民警和社区干部分别做双方工作，释法说理，双方互谅互让，当场达成调解协议。",
        SessionOutcome.PartialAgreement => "双方就主要事实达成共识，赔偿数额仍有分歧，约定再次调解。",
        SessionOutcome.Adjourned => "一方当事人需补充材料，经双方同意择期再调。",
        _ => "双方情绪激动，各执一词，未能达成一致；民警做好疏导，防止矛盾激化。",
    };

    /// <summary>The zh-CN labels of the outcomes, as the workflow writes them on the timeline.</summary>
    public static string OutcomeZh(SessionOutcome outcome) => outcome switch
    {
        SessionOutcome.Agreement => "达成协议",
        SessionOutcome.PartialAgreement => "部分达成",
        SessionOutcome.Adjourned => "休会",
        _ => "未达成协议",
    };
}
