using Fengqiao.Features.Areas;
using Fengqiao.Features.Board;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo.Board;

/// <summary>
/// Demo content for the community police boards: one or two priorities and one or two upcoming
/// events for every community. Deterministic for a given day; does nothing when priorities exist.
/// </summary>
public static class BoardDemo
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] CommunitySuffixes = ["社区", "村"];

    private sealed record PriorityText(string IssueZh, string IssueEn, string ActionZh, string ActionEn);

    private static readonly PriorityText[] Priorities =
    [
        new("电动车飞线充电", "Charging e-bikes in corridors and with cables from windows",
            "开展入户宣传、清理飞线", "Door-to-door advice; trailing cables removed"),
        new("电信网络诈骗", "Telecom fraud", "反诈宣传进社区", "Anti-fraud talks in the community"),
        new("邻里噪音纠纷", "Noise disputes between neighbours",
            "网格员上门调解，社区民警参与联调", "Grid officers mediate at home, with the community police officer"),
        new("楼道堆放杂物", "Belongings piled in stairwells",
            "联合物业清理消防通道", "Fire escapes cleared with the property manager"),
        new("老旧小区夜间照明不足", "Poor lighting at night in old housing estates",
            "协调增设路灯，加密夜间巡逻", "More street lamps requested; more night patrols"),
        new("学校周边上下学交通秩序", "Traffic around the school at drop-off and pick-up",
            "设立护学岗", "Officers and volunteers at the school gate at drop-off and pick-up"),
    ];

    public static async Task SeedAsync(AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<CommunityPriority>().AnyAsync(ct))
        {
            return;
        }
        var communities = await db.Areas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Level == AreaLevel.Community)
            .OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Path, a.NameZh })
            .ToListAsync(ct);
        var committees = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Kind == UnitKind.CommunityCommittee && u.Address != null)
            .OrderBy(u => u.Code)
            .Select(u => new { u.AreaId, u.Address })
            .ToListAsync(ct);
        var addresses = new Dictionary<int, string>();
        foreach (var c in committees)
        {
            addresses.TryAdd(c.AreaId, c.Address!);
        }

        var rng = new Random(20240524 + 3);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(China).DateTime);
        foreach (var c in communities)
        {
            var office = addresses.GetValueOrDefault(c.Id) ?? c.NameZh + "居委会";
            var first = rng.Next(Priorities.Length);
            var picks = rng.Next(2) == 0 ? new[] { first } : [first, (first + 1 + rng.Next(Priorities.Length - 1)) % Priorities.Length];
            foreach (var i in picks)
            {
                var text = Priorities[i];
                var raised = today.AddDays(-rng.Next(3, 60));
                var acted = raised.AddDays(rng.Next(2, 21));
                var hasAction = acted <= today;
                db.Set<CommunityPriority>().Add(new CommunityPriority
                {
                    AreaId = c.Id,
                    AreaPath = c.Path,
                    IssueZh = text.IssueZh,
                    IssueEn = text.IssueEn,
                    IssueDate = raised,
                    ActionZh = hasAction ? text.ActionZh : null,
                    ActionEn = hasAction ? text.ActionEn : null,
                    ActionDate = hasAction ? acted : null,
                });
            }

            // The weekly meeting within the coming week, and now and then one more event in the month.
            db.Set<CommunityEvent>().Add(Event(c.Id, c.Path, today.AddDays(rng.Next(1, 8)), new TimeOnly(9, 30), TimeSpan.FromMinutes(90),
                "社区周例会", "Weekly community meeting",
                "社区民警、网格员与居民代表通报本周警情和矛盾纠纷化解情况", "The community police officer, grid officers and residents' representatives go over the week's incidents and disputes",
                office, EventKinds.Meeting));
            var day = today.AddDays(rng.Next(2, 31));
            switch (rng.Next(4))
            {
                case 0:
                    db.Set<CommunityEvent>().Add(Event(c.Id, c.Path, day, new TimeOnly(14, 30), TimeSpan.FromHours(1),
                        "反诈知识讲座", "Anti-fraud talk",
                        "讲解常见电信网络诈骗手法，指导安装国家反诈中心App", "Common telecom-fraud tricks, and how to install the National Anti-Fraud Centre app",
                        c.NameZh + "党群服务中心", EventKinds.AntiFraudTalk));
                    break;
                case 1:
                    db.Set<CommunityEvent>().Add(Event(c.Id, c.Path, day, new TimeOnly(10, 0), TimeSpan.FromMinutes(45),
                        "法治副校长进校园", "Law lesson at school by the police vice-principal",
                        "社区民警以法治副校长身份为学生讲授防欺凌、防诈骗和交通安全知识", "The community police officer, the school's vice-principal for law, teaches pupils about bullying, fraud and road safety",
                        School(c.NameZh), EventKinds.LawSchool));
                    break;
                case 2:
                    db.Set<CommunityEvent>().Add(Event(c.Id, c.Path, day, new TimeOnly(19, 0), TimeSpan.FromHours(2),
                        "平安巡逻", "Community safety patrol",
                        "社区民警带领平安志愿者夜间巡逻", "An evening patrol by the community police officer with safety volunteers",
                        office, EventKinds.Patrol));
                    break;
                default:
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static CommunityEvent Event(
        int areaId, string areaPath, DateOnly day, TimeOnly at, TimeSpan length,
        string titleZh, string titleEn, string descriptionZh, string descriptionEn, string address, string kind)
    {
        var starts = new DateTimeOffset(day.ToDateTime(at), China).ToUniversalTime();
        return new CommunityEvent
        {
            AreaId = areaId,
            AreaPath = areaPath,
            TitleZh = titleZh,
            TitleEn = titleEn,
            DescriptionZh = descriptionZh,
            DescriptionEn = descriptionEn,
            Address = address,
            StartsAt = starts,
            EndsAt = starts + length,
            Kind = kind,
        };
    }

    /// <summary>"阜北社区" → "阜北小学": the primary school named after the community.</summary>
    private static string School(string community)
    {
        foreach (var suffix in CommunitySuffixes)
        {
            if (community.EndsWith(suffix, StringComparison.Ordinal) && community.Length > suffix.Length)
            {
                return community[..^suffix.Length] + "小学";
            }
        }
        return community + "小学";
    }
}
