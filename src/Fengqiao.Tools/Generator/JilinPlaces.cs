using Fengqiao.Features.Demo;

namespace Fengqiao.Tools.Generator;

/// <summary>A real county-level division of Jilin: code, names, and whether it is an urban district.</summary>
internal sealed record CountyName(string Code, string NameZh, string NameEn, bool Urban);

/// <summary>
/// Jilin's nine prefecture-level divisions with their 60 county-level divisions (real codes and names), the
/// population weight of each city (2020 census, millions), and words for the names of townships and communities.
/// </summary>
internal static class JilinPlaces
{
    /// <summary>Cities in <see cref="DemoPlaces.Cities"/> order.</summary>
    public static readonly double[] CityPopulation = [9.07, 3.62, 1.81, 1.00, 1.30, 0.95, 2.25, 1.55, 1.94];

    public static readonly CountyName[] Counties =
    [
        new("220102", "南关区", "Nanguan District", true), new("220103", "宽城区", "Kuancheng District", true),
        new("220104", "朝阳区", "Chaoyang District", true), new("220105", "二道区", "Erdao District", true),
        new("220106", "绿园区", "Lvyuan District", true), new("220112", "双阳区", "Shuangyang District", true),
        new("220113", "九台区", "Jiutai District", true), new("220122", "农安县", "Nong'an County", false),
        new("220182", "榆树市", "Yushu", false), new("220183", "德惠市", "Dehui", false), new("220184", "公主岭市", "Gongzhuling", false),
        new("220202", "昌邑区", "Changyi District", true), new("220203", "龙潭区", "Longtan District", true),
        new("220204", "船营区", "Chuanying District", true), new("220211", "丰满区", "Fengman District", true),
        new("220221", "永吉县", "Yongji County", false), new("220281", "蛟河市", "Jiaohe", false),
        new("220282", "桦甸市", "Huadian", false), new("220283", "舒兰市", "Shulan", false), new("220284", "磐石市", "Panshi", false),
        new("220302", "铁西区", "Tiexi District", true), new("220303", "铁东区", "Tiedong District", true),
        new("220322", "梨树县", "Lishu County", false), new("220323", "伊通满族自治县", "Yitong Manchu Autonomous County", false),
        new("220382", "双辽市", "Shuangliao", false),
        new("220402", "龙山区", "Longshan District", true), new("220403", "西安区", "Xi'an District", true),
        new("220421", "东丰县", "Dongfeng County", false), new("220422", "东辽县", "Dongliao County", false),
        new("220502", "东昌区", "Dongchang District", true), new("220503", "二道江区", "Erdaojiang District", true),
        new("220521", "通化县", "Tonghua County", false), new("220523", "辉南县", "Huinan County", false),
        new("220524", "柳河县", "Liuhe County", false), new("220581", "梅河口市", "Meihekou", false), new("220582", "集安市", "Ji'an", false),
        new("220602", "浑江区", "Hunjiang District", true), new("220605", "江源区", "Jiangyuan District", true),
        new("220621", "抚松县", "Fusong County", false), new("220622", "靖宇县", "Jingyu County", false),
        new("220623", "长白朝鲜族自治县", "Changbai Korean Autonomous County", false), new("220681", "临江市", "Linjiang", false),
        new("220702", "宁江区", "Ningjiang District", true), new("220721", "前郭尔罗斯蒙古族自治县", "Qian Gorlos Mongol Autonomous County", false),
        new("220722", "长岭县", "Changling County", false), new("220723", "乾安县", "Qian'an County", false), new("220781", "扶余市", "Fuyu", false),
        new("220802", "洮北区", "Taobei District", true), new("220821", "镇赉县", "Zhenlai County", false),
        new("220822", "通榆县", "Tongyu County", false), new("220881", "洮南市", "Taonan", false), new("220882", "大安市", "Da'an", false),
        new("222401", "延吉市", "Yanji", false), new("222402", "图们市", "Tumen", false), new("222403", "敦化市", "Dunhua", false),
        new("222404", "珲春市", "Hunchun", false), new("222405", "龙井市", "Longjing", false), new("222406", "和龙市", "Helong", false),
        new("222424", "汪清县", "Wangqing County", false), new("222426", "安图县", "Antu County", false),
    ];

    /// <summary>Words that Chinese townships, streets and communities are commonly named after.</summary>
    public static readonly Bilingual[] PlaceWords =
    [
        new("永安", "Yong'an"), new("长青", "Changqing"), new("新华", "Xinhua"), new("和平", "Heping"), new("胜利", "Shengli"),
        new("友谊", "Youyi"), new("幸福", "Xingfu"), new("前进", "Qianjin"), new("光明", "Guangming"), new("民主", "Minzhu"),
        new("东风", "Dongfeng"), new("红旗", "Hongqi"), new("建设", "Jianshe"), new("兴华", "Xinghua"), new("繁荣", "Fanrong"),
        new("曙光", "Shuguang"), new("丰收", "Fengshou"), new("太平", "Taiping"), new("南湖", "Nanhu"), new("北山", "Beishan"),
        new("西城", "Xicheng"), new("东盛", "Dongsheng"), new("江南", "Jiangnan"), new("临河", "Linhe"), new("青年", "Qingnian"),
        new("团结", "Tuanjie"), new("振兴", "Zhenxing"), new("长春", "Changchun"), new("松花", "Songhua"), new("白桦", "Baihua"),
        new("朝阳", "Chaoyang"), new("春华", "Chunhua"), new("安康", "Ankang"), new("吉祥", "Jixiang"), new("富民", "Fumin"),
        new("双龙", "Shuanglong"), new("桃源", "Taoyuan"), new("金桥", "Jinqiao"), new("银河", "Yinhe"), new("绿洲", "Lvzhou"),
        new("庆丰", "Qingfeng"), new("兴隆", "Xinglong"), new("太阳", "Taiyang"), new("明珠", "Mingzhu"), new("平安", "Ping'an"),
        new("锦江", "Jinjiang"), new("万宝", "Wanbao"), new("新立", "Xinli"), new("宝山", "Baoshan"), new("南岭", "Nanling"),
        new("五一", "Wuyi"), new("八里", "Bali"), new("三合", "Sanhe"), new("二龙", "Erlong"), new("合心", "Hexin"),
        new("德胜", "Desheng"), new("向阳", "Xiangyang"), new("富强", "Fuqiang"), new("兴安", "Xing'an"), new("双桥", "Shuangqiao"),
    ];

    /// <summary>Street names for addresses.</summary>
    public static readonly string[] Roads =
    [
        "人民大街", "解放大路", "自由大路", "建设街", "工农大路", "前进大街", "同志街", "延安大街", "西安大路", "东风大街",
        "南湖大路", "卫星路", "长白路", "松江路", "吉林大路", "亚泰大街", "繁荣路", "青年路", "迎宾路", "光明路",
    ];
}
