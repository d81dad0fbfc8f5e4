using Fengqiao.Features.Areas;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Units;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// Hidden dangers (200,000 at scale 1), residents' demands referred to the township office (500,000, each with its
/// referral) and Open311 resident requests (20,000). Overdue open dangers get the supervision notices the app would raise.
/// </summary>
internal static class RowsCases
{
    private static readonly (DangerKind Kind, string Text, string Party)[] DangerTexts =
    [
        (DangerKind.FallingObject, "阳台花盆放置在护栏外侧，存在高空坠物风险。", "住户"), (DangerKind.Fire, "楼道内堆放纸箱等易燃杂物，堵塞消防通道。", "物业公司"),
        (DangerKind.Electrical, "电动自行车在楼道内飞线充电。", "住户"), (DangerKind.Gas, "燃气软管老化开裂，存在泄漏隐患。", "住户"),
        (DangerKind.Traffic, "路口缺少减速带，学生上下学存在交通安全隐患。", "街道办事处"), (DangerKind.Building, "老旧房屋外墙砖松动脱落。", "产权单位"),
        (DangerKind.PublicOrder, "废弃厂房无人看管，常有闲散人员聚集。", "产权单位"), (DangerKind.Other, "井盖缺失，夜间行人易跌落。", "市政部门"),
    ];

    private static readonly (DemandCategory Category, string Text)[] DemandTexts =
    [
        (DemandCategory.Employment, "家中有失业人员，希望社区提供就业岗位信息。"), (DemandCategory.ElderlyCare, "独居老人行动不便，需要助餐和定期探望服务。"),
        (DemandCategory.Childcare, "双职工家庭希望社区开设课后托管班。"), (DemandCategory.LegalAid, "遭遇工资拖欠，希望获得法律援助。"),
        (DemandCategory.Housing, "老旧小区屋顶漏雨，希望纳入维修计划。"), (DemandCategory.Security, "小区监控有盲区，希望增设摄像头。"),
        (DemandCategory.Infrastructure, "道路坑洼积水，希望尽快修补。"), (DemandCategory.Other, "希望社区组织文体活动。"),
    ];

    public static IEnumerable<Danger> Dangers(World w, int count, List<Danger> open)
    {
        var rng = w.Options.Stream("Dangers");
        for (var i = 0; i < count; i++)
        {
            var g = w.GridOf(rng.Next(w.GridHouseholds[^1]));
            var grid = w.Shape.Grids[g];
            var township = w.Shape.TownshipOfGrid(g);
            var found = w.DayFor(i, count);
            var (kind, text, party) = DangerTexts[rng.Next(DangerTexts.Length)];
            var rectifyBy = found.AddDays(rng.Next(7, 31));
            var rectified = found.AddDays(rng.Next(1, rectifyBy.DayNumber - found.DayNumber + 1));
            var verified = rectified.AddDays(rng.Next(0, 4));
            var officer = w.CommunityOfficer[grid.Parent];
            var late = rng.NextDouble() < 0.02;
            var d = new Danger
            {
                Id = i + 1, Code = "H" + w.NextCode("H", township.Code, found.Year), Kind = kind, Description = text,
                Address = RowsUnits.Address(rng, w.Shape.Communities[grid.Parent]), AreaId = grid.Id, AreaPath = grid.Path,
                ResponsibleParty = party == "住户" ? World.NameOf(rng) + "（住户）" : party, RectifyBy = rectifyBy, Status = DangerStatus.Open,
                FoundById = officer, FoundOn = found, Version = 1,
            };
            var lateFix = rectifyBy.AddDays(20);
            if (late && lateFix.AddDays(2) <= w.End)
            {
                // Rectified only after supervision, three weeks late.
                (d.Status, d.RectifiedOn, d.RectifiedBy, d.RectificationNote, d.VerifiedOn, d.VerifiedById) =
                    (DangerStatus.Verified, lateFix, d.ResponsibleParty, "超期后整改完毕。", lateFix.AddDays(2), officer);
            }
            else if (!late && verified <= w.End)
            {
                (d.Status, d.RectifiedOn, d.RectifiedBy, d.RectificationNote, d.VerifiedOn, d.VerifiedById) =
                    (DangerStatus.Verified, rectified, d.ResponsibleParty, "已按要求整改完毕。", verified, officer);
            }
            else if (!late && rectified <= w.End)
            {
                (d.Status, d.RectifiedOn, d.RectifiedBy, d.RectificationNote) = (DangerStatus.Rectified, rectified, d.ResponsibleParty, "已按要求整改完毕。");
            }
            if (d.Status == DangerStatus.Open)
            {
                open.Add(d);
            }
            yield return d;
        }
    }

    public static IEnumerable<SupervisionNotice> DangerNotices(World w, IEnumerable<Danger> open, Func<long> nextId)
    {
        var today = w.End.AddDays(1);
        var raised = World.At(w.End, 23, 0);
        foreach (var d in open.Where(d => d.RectifyBy < today))
        {
            var levels = Features.Disputes.DeadlineRules.EscalationLevels(d.RectifyBy, today, w.Calendar, w.Deadlines);
            var late = Math.Max(1, w.Calendar.WorkingDaysBetween(d.RectifyBy, today));
            foreach (var level in new[] { AreaLevel.Township, AreaLevel.County, AreaLevel.City, AreaLevel.Province }.Take(levels))
            {
                if (Escalation.AncestorPath(d.AreaPath, level) is { } path)
                {
                    yield return new SupervisionNotice
                    {
                        Id = nextId(), SubjectKind = SupervisedKind.Danger, SubjectId = d.Id, SubjectCode = d.Code, SubjectTitle = d.Description,
                        SubjectAreaPath = d.AreaPath, DueDate = d.RectifyBy, Level = level, AreaPath = path, WorkingDaysOverdue = late, RaisedAt = raised,
                    };
                }
            }
        }
    }

    /// <summary>Demands and their referrals, from one stream: the caller writes the demands, then <paramref name="referrals"/>.</summary>
    public static IEnumerable<Demand> Demands(World w, int count, IReadOnlyList<Unit> units, List<Referral> referrals)
    {
        var rng = w.Options.Stream("Demands");
        for (var i = 0; i < count; i++)
        {
            var household = rng.Next(w.GridHouseholds[^1]);
            var g = w.GridOf(household);
            var grid = w.Shape.Grids[g];
            var t = w.Shape.Communities[grid.Parent].Parent;
            var township = w.Shape.Townships[t];
            var raised = w.DayFor(i, count);
            var (category, text) = DemandTexts[rng.Next(DemandTexts.Length)];
            var referred = raised.AddDays(rng.Next(0, 3));
            var due = w.Calendar.AddWorkingDays(referred, DemandCommands.DefaultReferralWorkingDays);
            var answered = referred.AddDays(rng.Next(1, due.DayNumber - referred.DayNumber + 1));
            var closed = answered.AddDays(rng.Next(0, 6));
            var officer = w.CommunityOfficer[grid.Parent];
            var d = new Demand
            {
                Id = i + 1, Code = "Q" + w.NextCode("Q", township.Code, raised.Year), Category = category, Source = (DemandSource)(rng.Next(6) + 1),
                Description = text, AreaId = grid.Id, AreaPath = grid.Path, HouseholdId = household + 1, Status = DemandStatus.Open, RaisedOn = raised,
                RaisedById = officer, Version = 1,
            };
            if (referred <= w.End)
            {
                var unit = units[w.TownshipOffice[t] - 1];
                var answer = answered <= w.End ? "已协调相关部门办理，并向群众反馈。" : null;
                referrals.Add(new Referral
                {
                    Id = referrals.Count + 1, DemandId = d.Id, AreaPath = d.AreaPath, UnitId = unit.Id, UnitNameZh = unit.NameZh, UnitNameEn = unit.NameEn,
                    UnitKind = unit.Kind, ReferredOn = referred, DueOn = due, ReferredById = officer, Note = "请协助解决并反馈",
                    Answer = answer, AnsweredOn = answer is null ? null : answered, AnsweredByName = answer is null ? null : unit.NameZh, Version = 1,
                });
                d.Status = DemandStatus.Referred;
                if (answer is not null)
                {
                    (d.Status, d.Answer, d.AnsweredOn) = (DemandStatus.Answered, answer, answered);
                    if (closed <= w.End)
                    {
                        (d.Status, d.ClosedOn, d.Satisfaction, d.CloseNote) = (DemandStatus.Closed, closed, rng.NextDouble() < 0.9 ? 5 : 4, "群众表示满意");
                    }
                }
            }
            yield return d;
        }
    }

    public static IEnumerable<ResidentRequest> Requests(World w, int count)
    {
        var rng = w.Options.Stream("ResidentRequests");
        string[] services = ["dispute-neighbour", "dispute-property", "danger-fire", "danger-traffic", "danger-fallingobject", "dispute-tenancy"];
        for (var i = 0; i < count; i++)
        {
            var g = w.GridOf(rng.Next(w.GridHouseholds[^1]));
            var grid = w.Shape.Grids[g];
            var t = w.Shape.Communities[grid.Parent].Parent;
            var day = w.DayFor(i, count);
            var at = World.At(day, rng.Next(7, 22), rng.Next(60));
            var open = day.AddDays(3) > w.End;
            yield return new ResidentRequest
            {
                Id = i + 1, Code = "R" + w.NextCode("R", w.Shape.Townships[t].Code, day.Year), ServiceCode = services[rng.Next(services.Length)],
                Description = "小区里有问题需要处理，请民警帮忙看看。", Lat = Math.Round(grid.Lat + ((rng.NextDouble() - 0.5) * 0.004), 6),
                Lng = Math.Round(grid.Lng + ((rng.NextDouble() - 0.5) * 0.005), 6), AddressString = RowsUnits.Address(rng, w.Shape.Communities[grid.Parent]),
                AreaId = grid.Id, AreaPath = grid.Path, StationUnitId = w.Station[t], Status = open ? RequestStatus.Submitted : RequestStatus.Closed,
                StatusNotes = open ? null : "民警已到场处理，问题已解决。", RequestedAt = at, UpdatedAt = open ? at : at.AddHours(rng.Next(2, 48)),
                Anonymous = rng.Next(5) == 0, Version = 1,
            };
        }
    }
}
