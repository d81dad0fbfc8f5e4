using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Supervision;

namespace Fengqiao.Tools.Generator;

/// <summary>The timeline of each case (the events statistics are built from) and the supervision notices it raised.</summary>
internal sealed partial class RowsDisputes
{
    private static readonly AreaLevel[] Ladder = [AreaLevel.Township, AreaLevel.County, AreaLevel.City, AreaLevel.Province];
    private static readonly DisputeStatus[] Running =
        [DisputeStatus.Registered, DisputeStatus.Assigned, DisputeStatus.Mediating, DisputeStatus.Referred, DisputeStatus.Resolved];

    /// <summary>The session starts after the registration and the agreement is signed after the session.</summary>
    private static DateTimeOffset SessionAt(Plan p)
    {
        var at = World.At(p.Session!.Value, 9 + (p.Id % 8), p.Id % 60);
        return at > p.RegisteredAt ? at : p.RegisteredAt.AddMinutes(30);
    }

    private static DateTimeOffset ResolvedAt(Plan p)
    {
        var at = World.At(p.Resolved!.Value, 17, 30);
        var session = SessionAt(p);
        return at > session ? at : session.AddMinutes(40);
    }

    public IEnumerable<DisputeEvent> Events()
    {
        long id = 0;
        foreach (var p in Plans())
        {
            var grid = _w.Shape.Grids[p.Grid];
            var community = grid.Parent;
            DisputeEvent E(DisputeEventType type, DateTimeOffset at, DisputeStatus? from, DisputeStatus to, long version, string? note) => new()
            {
                Id = ++id, DisputeId = p.Id, Type = type, At = at, Day = DateOnly.FromDateTime(at.ToOffset(World.China).DateTime), AreaPath = grid.Path,
                Category = p.Text.Category, Risk = p.Risk, Source = p.Source, FromStatus = from, ToStatus = to, CaseVersion = version,
                ActorPersonId = _w.CommunityOfficer[community], ActorName = _w.CommunityOfficerName[community], Note = note,
            };
            yield return E(DisputeEventType.Registered, p.RegisteredAt, null, DisputeStatus.Assigned, 1, p.Text.Title);
            if (p.Risk == RiskColour.Red && Escalation.AncestorPath(grid.Path, AreaLevel.County) is { } county)
            {
                yield return E(DisputeEventType.Supervised, p.RegisteredAt, DisputeStatus.Assigned, DisputeStatus.Assigned, 1, county);
            }
            if (p.Session is null)
            {
                continue;
            }
            var place = RowsUnits.Stem(_w.Shape.TownshipOfGrid(p.Grid)).Zh + "派出所调解室";
            yield return E(DisputeEventType.SessionHeld, SessionAt(p), DisputeStatus.Assigned, DisputeStatus.Mediating, 2,
                (p.Resolved is not null ? "达成协议" : p.NotResolvable is not null ? "未达成协议" : "休会") + " · " + place);
            if (p.NotResolvable is { } gaveUp)
            {
                yield return E(DisputeEventType.NotResolvable, World.At(gaveUp, 16, 0), DisputeStatus.Mediating, DisputeStatus.NotResolvable, 3,
                    "双方分歧较大，经多次调解未果，引导当事人通过诉讼途径解决。");
                continue;
            }
            if (p.Resolved is null)
            {
                continue;
            }
            yield return E(DisputeEventType.Resolved, ResolvedAt(p), DisputeStatus.Mediating, DisputeStatus.Resolved, 3, p.Text.Terms);
            if (p.FollowedUp is { } follow)
            {
                yield return E(DisputeEventType.FollowedUp, World.At(follow, 10, 0), DisputeStatus.Resolved, DisputeStatus.FollowedUp, 4,
                    $"满意度 {p.Satisfaction}/5 · {(p.Kept ? "协议已履行" : "协议未履行")}");
            }
            if (p.Closed is { } closed)
            {
                yield return E(DisputeEventType.Closed, World.At(closed, 15, 0), DisputeStatus.FollowedUp, DisputeStatus.Closed, 5, null);
            }
        }
    }

    /// <summary>Red cases are reported to the county at once; open cases past their deadline the day after the end are escalated as the app would.</summary>
    public IEnumerable<SupervisionNotice> Notices(Func<long> nextId)
    {
        var today = _w.End.AddDays(1);
        var raised = World.At(_w.End, 23, 0);
        foreach (var d in Disputes())
        {
            var seen = new HashSet<(DateOnly, AreaLevel)>();
            if (d.Risk == RiskColour.Red && Escalation.AncestorPath(d.AreaPath, AreaLevel.County) is { } county)
            {
                seen.Add((d.RegisteredOn, AreaLevel.County));
                yield return Notice(nextId(), d, d.RegisteredOn, AreaLevel.County, county, 0, d.RegisteredAt);
            }
            if (d.DueDate is not { } due || due >= today || !Running.Contains(d.Status))
            {
                continue;
            }
            var levels = DeadlineRules.EscalationLevels(due, today, _w.Calendar, _w.Deadlines);
            var late = Math.Max(1, _w.Calendar.WorkingDaysBetween(due, today));
            foreach (var level in Ladder.Take(levels))
            {
                if (seen.Add((due, level)) && Escalation.AncestorPath(d.AreaPath, level) is { } path)
                {
                    yield return Notice(nextId(), d, due, level, path, late, raised);
                }
            }
        }
    }

    private static SupervisionNotice Notice(long id, Dispute d, DateOnly due, AreaLevel level, string path, int late, DateTimeOffset at) => new()
    {
        Id = id, SubjectKind = SupervisedKind.Dispute, SubjectId = d.Id, SubjectCode = d.Code, SubjectTitle = d.Title, SubjectAreaPath = d.AreaPath,
        DueDate = due, Level = level, AreaPath = path, WorkingDaysOverdue = late, RaisedAt = at,
    };
}
