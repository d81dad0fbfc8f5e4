using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.People;

namespace Fengqiao.Features.Demo;

/// <summary>One post of a person, as the case seed needs it.</summary>
internal sealed record CaseStaff(int PersonId, int UnitId, PostRole Role, string Title, DateOnly Start, DateOnly? End, string NameZh)
{
    public bool ActiveOn(DateOnly day) => Start <= day && (End is null || End >= day);
}

/// <summary>A grid with the names around it and the people of its community committee.</summary>
internal sealed record CaseGrid(
    int Id, string Path, string NameZh, double? Lat, double? Lng, string Township, string TownshipNameZh, string CountyNameZh,
    string CommunityNameZh, string CommitteeNameZh, bool IsVillage, List<CaseStaff> Community);

/// <summary>A police station, its grids and the people who handle its cases.</summary>
internal sealed class CaseStation
{
    public required int Id { get; init; }
    public required string NameZh { get; init; }
    public required string AreaPath { get; init; }
    public List<CaseGrid> Grids { get; } = [];
    /// <summary>Community police: the responsible officers.</summary>
    public List<CaseStaff> Police { get; } = [];
    /// <summary>Auxiliary police and officers sent down: police co-handlers.</summary>
    public List<CaseStaff> CoHandlers { get; } = [];
    /// <summary>Community police and the director: who verifies that a danger is gone.</summary>
    public List<CaseStaff> Verifiers { get; } = [];
}

/// <summary>How a case ends when nothing stops it on the way.</summary>
internal enum CaseBranch
{
    Mediated,
    Referred,
    Unresolvable,
    Suspended,
}

/// <summary>
/// A case written for a demo sign-in. <see cref="Steps"/> is how many state changes it has gone
/// through (registration 1, assignment 2, then one per session, resolution, referral, answer,
/// suspension, return visit, closing); <see cref="Expect"/> and <see cref="Overdue"/> are checked.
/// </summary>
internal sealed record CaseScript(
    string StreetKey, string? Officer, int DaysAgo, CaseBranch Branch, int Sessions, int Steps, DisputeStatus Expect,
    RiskColour Risk, string Category, string? Title = null, bool Overdue = false, bool Danger = false)
{
    public const int All = int.MaxValue;

    public static readonly CaseScript[] Demo =
    [
        // Wu Hui (demo.officer): one overdue, one resolved awaiting its return visit, and every other state.
        new(DemoPlaces.Chongqing, "吴辉", 19, CaseBranch.Mediated, 2, 3, DisputeStatus.Mediating, RiskColour.Blue, "neighbour", "噪音扰民", Overdue: true),
        new(DemoPlaces.Chongqing, "吴辉", 9, CaseBranch.Mediated, 1, 4, DisputeStatus.Resolved, RiskColour.Yellow, "property", "冬季供暖温度不达标"),
        new(DemoPlaces.Chongqing, "吴辉", 10, CaseBranch.Mediated, 3, 4, DisputeStatus.Mediating, RiskColour.Orange, "labour", "工地拖欠农民工工资"),
        new(DemoPlaces.Chongqing, "吴辉", 1, CaseBranch.Mediated, 1, 2, DisputeStatus.Assigned, RiskColour.Yellow, "marriage-family"),
        new(DemoPlaces.Chongqing, "吴辉", 12, CaseBranch.Referred, 0, 3, DisputeStatus.Referred, RiskColour.Yellow, "property", "电梯长期停运引发业主不满"),
        new(DemoPlaces.Chongqing, "吴辉", 50, CaseBranch.Mediated, 2, 6, DisputeStatus.FollowedUp, RiskColour.Blue, "neighbour", "楼上漏水殃及楼下"),
        new(DemoPlaces.Chongqing, "吴辉", 130, CaseBranch.Mediated, 2, All, DisputeStatus.Closed, RiskColour.Yellow, "neighbour", "占用公共楼道", Danger: true),
        new(DemoPlaces.Chongqing, "吴辉", 26, CaseBranch.Suspended, 1, All, DisputeStatus.Suspended, RiskColour.Yellow, "marriage-family", "赡养老人费用分担纠纷"),
        new(DemoPlaces.Chongqing, null, 1, CaseBranch.Mediated, 1, 1, DisputeStatus.Registered, RiskColour.Blue, "other", "广场舞音响扰民"),
        // Zhang Chunmin (demo.officer2): the pigeon plate, long closed, and a working list.
        new(DemoPlaces.XianSquare, "张春民", 160, CaseBranch.Mediated, 1, All, DisputeStatus.Closed, RiskColour.Yellow, "neighbour", "楼上鸽子盘坠落砸坏车辆", Danger: true),
        new(DemoPlaces.XianSquare, "张春民", 3, CaseBranch.Mediated, 2, 3, DisputeStatus.Mediating, RiskColour.Yellow, "tenancy"),
        new(DemoPlaces.XianSquare, "张春民", 7, CaseBranch.Mediated, 1, 4, DisputeStatus.Resolved, RiskColour.Blue, "traffic"),
        new(DemoPlaces.XianSquare, "张春民", 40, CaseBranch.Mediated, 1, 5, DisputeStatus.FollowedUp, RiskColour.Blue, "consumer"),
        new(DemoPlaces.XianSquare, "张春民", 1, CaseBranch.Mediated, 1, 2, DisputeStatus.Assigned, RiskColour.Blue, "neighbour", "宠物犬未拴绳咬伤邻居"),
        new(DemoPlaces.XianSquare, null, 1, CaseBranch.Mediated, 1, 1, DisputeStatus.Registered, RiskColour.Yellow, "property", "小区停车收费争议"),
    ];
}

/// <summary>What is fixed about a case before its life is played out.</summary>
internal sealed class CaseFacts
{
    public required CaseStation Station { get; init; }
    public required CaseGrid Grid { get; init; }
    public required CaseTemplate Template { get; init; }
    public required CaseStaff? Officer { get; init; }
    public required string Applicant { get; init; }
    public required string Respondent { get; init; }
    public required string Estate { get; init; }
    public required string Address { get; init; }
    public required string Money { get; init; }
    public required string People { get; init; }
    /// <summary>The officer and the co-handlers, as a session lists its mediators.</summary>
    public required string Mediators { get; init; }
    /// <summary>The parties' names, as an agreement is signed and a session attended.</summary>
    public required string PartyNames { get; init; }
}

/// <summary>One case being built: the dispute and every row that goes with it.</summary>
internal sealed class CaseDraft(Dispute dispute, CaseFacts facts, CaseScript? script)
{
    public Dispute Dispute { get; } = dispute;
    public CaseFacts Facts { get; } = facts;
    public CaseScript? Script { get; } = script;
    public List<DisputeEvent> Events { get; } = [];
    public List<MediationSession> Sessions { get; } = [];
    public MediationAgreement? Agreement { get; set; }
    public FollowUpVisit? Visit { get; set; }
    public Danger? Danger { get; set; }
    /// <summary>Who acts on the timeline: the responsible officer, or no one while the case waits for one.</summary>
    public CaseStaff? Actor { get; set; }
    public long Version { get; set; }
    /// <summary>State changes so far, and how many the case may have before it stalls.</summary>
    public int Steps { get; set; }
    public int Limit { get; set; } = CaseScript.All;
    public bool Stopped { get; set; }
    /// <summary>Local wall-clock time of the last step, so that steps of one day follow each other.</summary>
    public DateTime Cursor { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed record DemoCase(Dispute Dispute, string Township, long Version, int Order);

internal sealed record DemoDanger(Danger Danger, string Township, int Order);

/// <summary>Everything the case seed saves.</summary>
internal sealed class DemoCaseSet
{
    public List<DemoCase> Cases { get; } = [];
    public List<DisputeEvent> Events { get; } = [];
    public List<MediationSession> Sessions { get; } = [];
    public List<MediationAgreement> Agreements { get; } = [];
    public List<FollowUpVisit> Visits { get; } = [];
    public List<DemoDanger> Dangers { get; } = [];
    public List<DangerEvent> DangerEvents { get; } = [];
    public List<CodeCounter> Counters { get; } = [];
}
