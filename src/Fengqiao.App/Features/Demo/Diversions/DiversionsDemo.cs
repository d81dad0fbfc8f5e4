using Fengqiao.Features.Areas;
using Fengqiao.Features.Diversions;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo.Diversions;

/// <summary>
/// The demo's diversion catalogue (非警务警情分流目录) for Changchun: the city's urban management bureau, water company
/// and human resources and social security bureau as departments (with contact addresses), and five kinds of non-police
/// 110 call — shop noise, a burst water pipe, stray dogs (the street office), a neighbours' quarrel over property (the
/// community committee) and wage arrears. Changchun's street offices and community committees get demo contact
/// addresses too. Runs after the areas and units are seeded, as the system; does nothing when kinds exist.
/// </summary>
public static class DiversionsDemo
{
    private const string City = "2201";

    private sealed record Department(string Code, string NameZh, string NameEn, string Email);

    private static readonly Department[] Departments =
    [
        new("PD-2201-CG", "长春市城市管理局", "Changchun Urban Management Bureau", "cgj-110@changchun.example.gov.cn"),
        new("PD-2201-SW", "长春水务集团供水抢修中心", "Changchun Water Group Repair Centre", "qiangxiu@ccwater.example.cn"),
        new("PD-2201-RS", "长春市人力资源和社会保障局劳动保障监察支队", "Changchun Labour Inspection Brigade, Human Resources and Social Security Bureau", "ldjc@changchun.example.gov.cn"),
    ];

    public static async Task SeedAsync(AppDb db, FieldProtector protector, CancellationToken ct)
    {
        if (await db.Set<DiversionKind>().AnyAsync(ct))
        {
            return;
        }
        var city = await db.Areas.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Code == City, ct);
        if (city is null)
        {
            return;
        }
        var units = Departments.Select(d => new Unit
        {
            Code = d.Code, NameZh = d.NameZh, NameEn = d.NameEn, Kind = UnitKind.PublicDepartment, AreaId = city.Id, AreaPath = city.Path,
            ContactEmail = protector.Protect(d.Email), ContactEmailMasked = Mask.Email(d.Email), Lat = city.CentreLat, Lng = city.CentreLng,
        }).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(ct);

        // Every street office and community committee in the city has a duty mailbox, named after its unit code.
        var local = await db.Units.IgnoreQueryFilters()
            .Where(u => (u.Kind == UnitKind.CommunityCommittee || u.Kind == UnitKind.TownshipOffice) && u.AreaPath.StartsWith(city.Path) && u.ContactEmail == null)
            .ToListAsync(ct);
        foreach (var u in local)
        {
            var email = $"{u.Code.ToLowerInvariant()}@community.example.gov.cn";
            (u.ContactEmail, u.ContactEmailMasked) = (protector.Protect(email), Mask.Email(email));
        }

        db.Set<DiversionKind>().AddRange(
            Kind("noise-business", "商铺经营噪声扰民", "Noise from shops and businesses", units[0].Id, null, 3,
                "《中华人民共和国噪声污染防治法》第六十四条、第八十二条：商业经营活动中使用高音广播喇叭等持续反复发出高噪声的，由地方人民政府指定的部门（城市管理部门）责令改正、处罚。"),
            Kind("water-leak", "供水管道漏水爆管", "Water leak or burst water main", units[1].Id, null, 1,
                "《城市供水条例》第二十条、第二十二条：城市自来水供水企业应当保持不间断供水，对供水设施定期检查维修，发生故障及时抢修。"),
            Kind("stray-dogs", "流浪犬只伤人扰民", "Stray dogs", null, UnitKind.TownshipOffice, 3,
                "《中华人民共和国动物防疫法》第三十条：街道办事处、乡级人民政府组织协调居民委员会、村民委员会，做好本辖区流浪犬、猫的控制和处置。"),
            Kind("neighbour-property", "邻里财产纠纷", "Neighbours' quarrel over property", null, UnitKind.CommunityCommittee, 5,
                "《中华人民共和国城市居民委员会组织法》第三条、《中华人民共和国人民调解法》第八条：居民委员会设人民调解委员会，调解民间纠纷。"),
            Kind("wage-arrears", "拖欠劳动者工资", "Wage arrears", units[2].Id, null, 10,
                "《保障农民工工资支付条例》第十条、《劳动保障监察条例》第十一条：人力资源社会保障行政部门负责工资支付的监督检查，依法处理拖欠工资。"));
        await db.SaveChangesAsync(ct);
    }

    private static DiversionKind Kind(string code, string zh, string en, int? unitId, UnitKind? local, int days, string basis) =>
        new() { Code = code, NameZh = zh, NameEn = en, UnitId = unitId, LocalUnitKind = local, TimeLimitWorkingDays = days, LegalBasis = basis };
}
