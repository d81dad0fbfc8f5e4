using Fengqiao.Features.Households;
using Fengqiao.Features.Visits;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// Home visits by the community officers (about 20,000,000 in five years at scale 1), in date order, to households drawn
/// over the whole province; the visits of the last "100-day home visit to ensure safety" campaign belong to it.
/// </summary>
internal static class RowsVisits
{
    private static readonly string[] Notes =
    [
        "入户走访，了解家庭成员情况，宣传防范电信网络诈骗知识。", "走访独居老人，检查燃气、用电安全，留下联系方式。",
        "了解住户近期生活情况，未发现矛盾纠纷和安全隐患。", "核实人口信息，提醒住户注意防火防盗。", "走访留守儿童家庭，与监护人沟通孩子上学情况。",
        "收集群众对社区治安的意见建议，反映楼道照明不足。", "宣传电动自行车安全充电常识，劝导不要飞线充电。", "走访出租房屋，核实租户信息，登记居住证办理需求。",
        "与住户交流邻里关系，提醒有矛盾及时找社区民警。", "走访困难家庭，了解就业和救助需求，转社区跟进。", "回访前期调解的纠纷当事人，双方关系和睦。",
        "宣传养老诈骗防范知识，发放宣传资料一份。",
    ];

    public static Campaign Campaign(World w) => new()
    {
        Id = 1, Name = "百日走访保平安", Description = "社区民警走访辖区每一户，重点关注独居老人、留守儿童和特殊关爱人员，排查矛盾纠纷和安全隐患，宣传防范电信网络诈骗。",
        StartsOn = CampaignStart(w), EndsOn = CampaignStart(w).AddDays(99), AreaId = w.Shape.Province.Id, AreaPath = w.Shape.Province.Path,
        TargetTags = HouseholdTags.ElderlyAlone | HouseholdTags.LeftBehindChild | HouseholdTags.SpecialCare, Version = 1,
    };

    public static IEnumerable<CampaignArea> CampaignAreas(World w) => w.Shape.Cities.Select((c, i) => new CampaignArea
    {
        Id = i + 1, CampaignId = 1, AreaId = c.Id, AreaPath = c.Path,
    });

    private static DateOnly CampaignStart(World w) => w.End.AddDays(-200) < w.Start ? w.Start : w.End.AddDays(-200);

    public static IEnumerable<Visit> Visits(World w, int count)
    {
        var rng = w.Options.Stream("Visits");
        var households = w.GridHouseholds[^1];
        var start = CampaignStart(w);
        var end = start.AddDays(99);
        for (var i = 0; i < count; i++)
        {
            var household = rng.Next(households);
            var g = w.GridOf(household);
            var grid = w.Shape.Grids[g];
            var day = w.DayFor(i, count);
            var local = day.ToDateTime(new TimeOnly(rng.Next(9, 19), rng.Next(60)));
            yield return new Visit
            {
                Id = i + 1, HouseholdId = household + 1, AreaPath = grid.Path, CampaignId = day >= start && day <= end ? 1 : null,
                VisitedAt = DateTime.SpecifyKind(local - World.China, DateTimeKind.Utc), OfficerId = w.CommunityOfficer[grid.Parent],
                CompanionName = rng.Next(4) == 0 ? World.NameOf(rng) : null, Notes = Notes[rng.Next(Notes.Length)], AntiFraudGiven = rng.NextDouble() < 0.65,
                Version = 1,
            };
        }
    }
}
