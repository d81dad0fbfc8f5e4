using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo;

/// <summary>A name in Chinese and English.</summary>
internal sealed record Bilingual(string Zh, string En);

internal enum CountyType
{
    District,
    County,
    CountyLevelCity,
}

internal sealed record CityRow(string Code, string NameZh, string NameEn, string BureauEn, double Lat, double Lng);

internal sealed record CountyRow(string Code, string NameZh, string ShortEn, CountyType Type, double Lat, double Lng)
{
    public string CityCode => Code[..4];

    public string NameEn => Type switch
    {
        CountyType.District => $"{ShortEn} District",
        CountyType.County => $"{ShortEn} County",
        _ => ShortEn,
    };
}

/// <summary>A township or street named in the article, at its real approximate place.</summary>
internal sealed record NamedStreet(
    string Key,
    string CountyCode,
    Bilingual Name,
    bool IsTown,
    double Lat,
    double Lng,
    Bilingual Station,
    UnitKind StationKind,
    Bilingual? Community = null,
    Bilingual? HospitalOffice = null,
    string? StationAddress = null);

/// <summary>A front-line officer named in the article (or a demo account), placed at a named street's station.</summary>
internal sealed record NamedOfficer(string StreetKey, Bilingual Name, int Since, bool Director);

/// <summary>
/// The demo province: Jilin's nine prefecture-level divisions, some of their real counties and
/// districts (real codes, approximate centres), and the places of the People's Daily article of
/// 2024-05-24 on "police–local integration".
/// </summary>
internal static class DemoPlaces
{
    public const string ProvinceCode = "22";
    public static readonly Bilingual Province = new("吉林省", "Jilin Province");
    public static readonly Bilingual Department = new("吉林省公安厅", "Jilin Provincial Public Security Department");
    public const double CapitalLat = 43.8868;
    public const double CapitalLng = 125.3245;

    public const string Chongqing = "chongqing";
    public const string XianSquare = "xian-square";
    public const string Jilu = "jilu";
    public const string Xiangyang = "xiangyang";
    public const string Fuqiang = "fuqiang";
    public const string Desheng = "desheng";
    public const string Minghua = "minghua";
    public const string Jiefang = "jiefang";
    public const string Liudaogou = "liudaogou";

    public const string Changchun = "2201";
    public const string Liaoyuan = "2204";

    public static readonly CityRow[] Cities =
    [
        new("2201", "长春市", "Changchun", "Changchun Public Security Bureau", 43.817, 125.324),
        new("2202", "吉林市", "Jilin City", "Jilin City Public Security Bureau", 43.838, 126.549),
        new("2203", "四平市", "Siping", "Siping Public Security Bureau", 43.166, 124.350),
        new("2204", "辽源市", "Liaoyuan", "Liaoyuan Public Security Bureau", 42.888, 125.144),
        new("2205", "通化市", "Tonghua", "Tonghua Public Security Bureau", 41.728, 125.940),
        new("2206", "白山市", "Baishan", "Baishan Public Security Bureau", 41.940, 126.424),
        new("2207", "松原市", "Songyuan", "Songyuan Public Security Bureau", 45.142, 124.825),
        new("2208", "白城市", "Baicheng", "Baicheng Public Security Bureau", 45.620, 122.839),
        new("2224", "延边朝鲜族自治州", "Yanbian Korean Autonomous Prefecture", "Yanbian Prefecture Public Security Bureau", 42.891, 129.509),
    ];

    public static readonly CountyRow[] Counties =
    [
        new("220102", "南关区", "Nanguan", CountyType.District, 43.864, 125.350),
        new("220103", "宽城区", "Kuancheng", CountyType.District, 43.943, 125.326),
        new("220104", "朝阳区", "Chaoyang", CountyType.District, 43.834, 125.288),
        new("220105", "二道区", "Erdao", CountyType.District, 43.870, 125.410),
        new("220106", "绿园区", "Lvyuan", CountyType.District, 43.880, 125.256),
        new("220202", "昌邑区", "Changyi", CountyType.District, 43.882, 126.574),
        new("220203", "龙潭区", "Longtan", CountyType.District, 43.910, 126.562),
        new("220204", "船营区", "Chuanying", CountyType.District, 43.833, 126.540),
        new("220282", "桦甸市", "Huadian", CountyType.CountyLevelCity, 42.972, 126.746),
        new("220302", "铁西区", "Tiexi", CountyType.District, 43.146, 124.346),
        new("220303", "铁东区", "Tiedong", CountyType.District, 43.162, 124.381),
        new("220322", "梨树县", "Lishu", CountyType.County, 43.307, 124.336),
        new("220402", "龙山区", "Longshan", CountyType.District, 42.902, 125.136),
        new("220403", "西安区", "Xi'an", CountyType.District, 42.927, 125.149),
        new("220421", "东丰县", "Dongfeng", CountyType.County, 42.677, 125.531),
        new("220422", "东辽县", "Dongliao", CountyType.County, 42.926, 124.992),
        new("220502", "东昌区", "Dongchang", CountyType.District, 41.728, 125.955),
        new("220503", "二道江区", "Erdaojiang", CountyType.District, 41.775, 126.042),
        new("220581", "梅河口市", "Meihekou", CountyType.CountyLevelCity, 42.539, 125.710),
        new("220582", "集安市", "Ji'an", CountyType.CountyLevelCity, 41.125, 126.194),
        new("220602", "浑江区", "Hunjiang", CountyType.District, 41.944, 126.416),
        new("220621", "抚松县", "Fusong", CountyType.County, 42.221, 127.449),
        new("220681", "临江市", "Linjiang", CountyType.CountyLevelCity, 41.811, 126.918),
        new("220702", "宁江区", "Ningjiang", CountyType.District, 45.172, 124.817),
        new("220722", "长岭县", "Changling", CountyType.County, 44.276, 123.967),
        new("220781", "扶余市", "Fuyu", CountyType.CountyLevelCity, 44.986, 126.049),
        new("220802", "洮北区", "Taobei", CountyType.District, 45.621, 122.851),
        new("220881", "洮南市", "Taonan", CountyType.CountyLevelCity, 45.335, 122.788),
        new("220882", "大安市", "Da'an", CountyType.CountyLevelCity, 45.507, 124.292),
        new("222401", "延吉市", "Yanji", CountyType.CountyLevelCity, 42.891, 129.509),
        new("222402", "图们市", "Tumen", CountyType.CountyLevelCity, 42.968, 129.844),
        new("222403", "敦化市", "Dunhua", CountyType.CountyLevelCity, 43.373, 128.232),
        new("222404", "珲春市", "Hunchun", CountyType.CountyLevelCity, 42.862, 130.366),
    ];

    /// <summary>In the order their codes are given within each county (001, 002, …).</summary>
    public static readonly NamedStreet[] NamedStreets =
    [
        new(Chongqing, "220104", new("重庆路街道", "Chongqing Road Street"), false, 43.893, 125.322,
            new("重庆路派出所", "Chongqing Road Police Station"), UnitKind.PoliceStation),
        new(XianSquare, "220106", new("西安大路街道", "Xi'an Avenue Street"), false, 43.881, 125.279,
            new("西安广场派出所", "Xi'an Square Police Station"), UnitKind.PoliceStation),
        new(Jilu, "220421", new("吉鹿街道", "Jilu Sub-district"), false, 42.680, 125.532,
            new("吉鹿派出所", "Jilu Police Station"), UnitKind.PoliceStation, Community: new("阜北社区", "Fubei Community")),
        new(Xiangyang, "220402", new("向阳街道", "Xiangyang Street"), false, 42.897, 125.137,
            new("向阳派出所", "Xiangyang Police Station"), UnitKind.PoliceStation, Community: new("向阳社区", "Xiangyang Community")),
        new(Fuqiang, "220402", new("富强街道", "Fuqiang Street"), false, 42.860, 125.195,
            new("富强派出所", "Fuqiang Police Station"), UnitKind.PoliceStation,
            StationAddress: "辽源高速公路出入口 (Liaoyuan Expressway entrance)"),
        new(Desheng, "220204", new("德胜街道", "Desheng Street"), false, 43.842, 126.528,
            new("德胜派出所", "Desheng Police Station"), UnitKind.PoliceStation, Community: new("安顺社区", "Anshun Community")),
        new(Minghua, "220282", new("明桦街道", "Minghua Street"), false, 42.972, 126.746,
            new("明桦派出所", "Minghua Police Station"), UnitKind.PoliceStation,
            HospitalOffice: new("桦甸市人民医院警务室", "Huadian People's Hospital Police Office")),
        new(Jiefang, "220303", new("解放街道", "Jiefang (Liberation) Street"), false, 43.165, 124.384,
            new("解放派出所", "Liberation Police Station"), UnitKind.PoliceStation),
        new(Liudaogou, "220681", new("六道沟镇", "Liudaogou Town"), true, 41.810, 126.900,
            new("六道沟边境派出所", "Liudaogou Border Police Station"), UnitKind.BorderPoliceStation),
    ];

    /// <summary>Named front-line officers; a station's named community police come before its filler ones.</summary>
    public static readonly NamedOfficer[] StationOfficers =
    [
        new(Chongqing, new("李振国", "Li Zhenguo"), 1998, Director: true),
        new(Chongqing, new("吴辉", "Wu Hui"), 1993, Director: false),
        new(XianSquare, new("张春民", "Zhang Chunmin"), 2013, Director: false),
        new(Jilu, new("魏东", "Wei Dong"), 2008, Director: false),
        new(Desheng, new("张野", "Zhang Ye"), 2012, Director: false),
    ];

    public static readonly Bilingual WuJinyu = new("吴金玉", "Wu Jinyu");
    public static readonly Bilingual WangMingxue = new("王明雪", "Wang Mingxue");
    public static readonly Bilingual XingYun = new("邢云", "Xing Yun");
    public static readonly Bilingual YuHaibo = new("于海波", "Yu Haibo");
    public static readonly Bilingual LvYang = new("吕阳", "Lv Yang");
    public static readonly Bilingual ChuXiaodong = new("褚晓东", "Chu Xiaodong");
    public static readonly Bilingual HeZhiliang = new("贺志亮", "He Zhiliang");
    public static readonly Bilingual LiuXiaoyan = new("刘晓燕", "Liu Xiaoyan");
    public static readonly Bilingual ChenJing = new("陈静", "Chen Jing");

    /// <summary>The fourteen provincial departments that co-build with the police (the article's "14 provincial departments").</summary>
    public static readonly Bilingual[] CoBuilding =
    [
        new("吉林省委组织部", "Organisation Department, Jilin Provincial Party Committee"),
        new("吉林省委政法委", "Political and Legal Affairs Commission, Jilin Provincial Party Committee"),
        new("吉林省委社会工作部", "Social Work Department, Jilin Provincial Party Committee"),
        new("吉林省民政厅", "Jilin Provincial Department of Civil Affairs"),
        new("吉林省司法厅", "Jilin Provincial Department of Justice"),
        new("吉林省卫生健康委员会", "Jilin Provincial Health Commission"),
        new("吉林省教育厅", "Jilin Provincial Department of Education"),
        new("吉林省人力资源和社会保障厅", "Jilin Provincial Department of Human Resources and Social Security"),
        new("吉林省农业农村厅", "Jilin Provincial Department of Agriculture and Rural Affairs"),
        new("吉林省交通运输厅", "Jilin Provincial Department of Transport"),
        new("吉林省住房和城乡建设厅", "Jilin Provincial Department of Housing and Urban-Rural Development"),
        new("吉林省市场监督管理厅", "Jilin Provincial Administration for Market Regulation"),
        new("吉林省妇女联合会", "Jilin Provincial Women's Federation"),
        new("共青团吉林省委员会", "Communist Youth League Jilin Provincial Committee"),
    ];

    /// <summary>Index in <see cref="CoBuilding"/> of the Social Work Department (Chu Xiaodong).</summary>
    public const int SocialWorkIndex = 2;

    /// <summary>Roots for filler townships and streets ("新华" → 新华街道 / Xinhua Street, 新华镇 / Xinhua Town).</summary>
    public static readonly Bilingual[] StreetRoots =
    [
        new("站前", "Zhanqian"), new("新华", "Xinhua"), new("胜利", "Shengli"), new("建设", "Jianshe"),
        new("民主", "Minzhu"), new("红旗", "Hongqi"), new("繁荣", "Fanrong"), new("南湖", "Nanhu"),
        new("北山", "Beishan"), new("青年", "Qingnian"), new("文化", "Wenhua"), new("人民", "Renmin"),
        new("永安", "Yong'an"), new("光华", "Guanghua"), new("兴业", "Xingye"), new("铁北", "Tiebei"),
        new("东盛", "Dongsheng"), new("西城", "Xicheng"), new("临河", "Linhe"), new("通达", "Tongda"),
        new("新立", "Xinli"), new("春城", "Chuncheng"), new("福安", "Fu'an"), new("江北", "Jiangbei"),
        new("江南", "Jiangnan"), new("新兴", "Xinxing"), new("永吉", "Yongji"), new("金山", "Jinshan"),
        new("松花", "Songhua"), new("前进", "Qianjin"), new("清和", "Qinghe"), new("桂林", "Guilin"),
        new("永昌", "Yongchang"), new("太平", "Taiping"), new("兴隆", "Xinglong"), new("双河", "Shuanghe"),
    ];

    /// <summary>Roots for filler communities and villages ("和平" → 和平社区 / Heping Community, 和平村 / Heping Village).</summary>
    public static readonly Bilingual[] CommunityRoots =
    [
        new("和平", "Heping"), new("幸福", "Xingfu"), new("光明", "Guangming"), new("友谊", "Youyi"),
        new("团结", "Tuanjie"), new("长安", "Chang'an"), new("新民", "Xinmin"), new("兴华", "Xinghua"),
        new("锦绣", "Jinxiu"), new("康乐", "Kangle"), new("民康", "Minkang"), new("福顺", "Fushun"),
        new("建业", "Jianye"), new("春晖", "Chunhui"), new("阳光", "Yangguang"), new("和谐", "Hexie"),
        new("永兴", "Yongxing"), new("兴安", "Xing'an"), new("安康", "Ankang"), new("东园", "Dongyuan"),
        new("西苑", "Xiyuan"), new("南岭", "Nanling"), new("北苑", "Beiyuan"), new("丰收", "Fengshou"),
        new("红星", "Hongxing"), new("曙光", "Shuguang"), new("振兴", "Zhenxing"), new("文明", "Wenming"),
        new("育才", "Yucai"), new("繁华", "Fanhua"),
    ];

    /// <summary>Sections of the provincial department, city bureaus and county branches (post titles).</summary>
    public static readonly string[] ProvinceSections =
        ["办公室", "政治部", "指挥中心", "治安管理总队", "刑事侦查总队", "法制总队", "督察审计总队", "人口管理总队", "科技信息化总队", "警务保障部"];

    public static readonly string[] CitySections =
        ["办公室", "政治处", "指挥中心", "治安支队", "刑事侦查支队", "法制支队", "督察审计支队", "户政支队", "网安支队", "警务保障处"];

    public static readonly string[] CountySections = ["治安大队", "刑侦大队", "法制大队", "指挥中心", "办公室"];
}
