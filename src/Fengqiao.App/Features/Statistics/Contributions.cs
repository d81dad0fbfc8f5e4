using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.Open311;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Units;
using Fengqiao.Features.Visits;

namespace Fengqiao.Features.Statistics;

/// <summary>What one record adds to the rollups: the area path it belongs to, a day, a metric, an amount.</summary>
public readonly record struct Contribution(string AreaPath, DateOnly Day, Metric Metric, long Value);

/// <summary>What a contribution may need to know beyond its record: the kind of a unit.</summary>
public interface IRollupLookups
{
    /// <summary>The kind of the post's unit (from its navigation when set: a new unit has no id yet).</summary>
    UnitKind? UnitKindOf(Post post);
}

/// <summary>
/// The one definition of what every record counts for. The writer applies (after − before) of a
/// changed record; the recount sums it over all records: the same function, so they can only differ
/// when a change bypassed the writer.
/// </summary>
public static class Contributions
{
    public static readonly PostRole[] SwornRoles = [PostRole.StationDirector, PostRole.CommunityPolice, PostRole.PoliceOfficer];
    /// <summary>Above the station, the leaders of a county branch or an organ are police too.</summary>
    public static readonly PostRole[] SwornAboveStation = [.. SwornRoles, PostRole.Leader];
    public static readonly MemberRole[] VolunteerRoles = [MemberRole.BuildingLeader, MemberRole.Courier, MemberRole.PropertyStaff, MemberRole.Resident];
    public static readonly DisputeStatus[] ResolvedStatuses = [DisputeStatus.Resolved, DisputeStatus.FollowedUp, DisputeStatus.Closed];

    private static readonly Dictionary<string, ServiceCategory> Categories =
        CatalogueData.Services.ToDictionary(s => s.Code, s => s.Category, StringComparer.Ordinal);

    /// <summary>The record types that count for something.</summary>
    public static readonly Type[] Types =
    [
        typeof(Dispute), typeof(Danger), typeof(SupervisionNotice), typeof(Visit), typeof(Household), typeof(Resident),
        typeof(Demand), typeof(Referral), typeof(ServiceRecord), typeof(Ticket), typeof(Review), typeof(PatrolLog),
        typeof(TeamMember), typeof(Team), typeof(Post), typeof(Secondment), typeof(Unit), typeof(Outlet), typeof(ResidentRequest),
    ];

    public static bool Counts(Type type) => Array.IndexOf(Types, type) >= 0;

    public static IEnumerable<Contribution> Of(object record, IRollupLookups lookups) => record switch
    {
        Dispute d => Of(d),
        Danger d => Of(d),
        SupervisionNotice n => Of(n),
        Visit v => Of(v),
        Household h => [new(h.AreaPath, RollupDays.OfUtc(h.CreatedAt), Metric.Households, 1)],
        Resident r => [new(r.AreaPath, RollupDays.Always, Metric.Residents, 1)],
        Demand d => Of(d),
        Referral r => Of(r),
        ServiceRecord s => Of(s),
        Ticket t => Of(t),
        Review r => Of(r),
        PatrolLog p => [new(p.AreaPath, RollupDays.Of(p.StartedAt), Metric.Patrols, 1), new(p.AreaPath, RollupDays.Of(p.StartedAt), Metric.PatrolParticipants, p.Participants)],
        TeamMember m => m.Active && VolunteerRoles.Contains(m.Role) ? [new(m.AreaPath, m.JoinedOn, Metric.Volunteers, 1)] : [],
        Team t => [new(t.AreaPath, RollupDays.Always, t.Kind == TeamKind.CommunityPolice ? Metric.CommunityPoliceTeams : Metric.VolunteerTeams, 1)],
        Post p => Of(p, lookups.UnitKindOf(p)),
        // A proposal the sending side has not confirmed sends no one down yet.
        Secondment s => s.Confirmed ? Stock(s.ToAreaPath, Metric.Secondments, s.StartDate, s.EndedOn ?? s.EndDate) : [],
        Unit u => u.Kind.IsStation() ? [new(u.AreaPath, RollupDays.Always, Metric.Stations, 1)] : [],
        Outlet o => o.Kind == OutletKind.StationWindow && IsComprehensive(o) ? [new(o.AreaPath, RollupDays.Always, Metric.ComprehensiveWindows, 1)] : [],
        ResidentRequest r => [new(r.AreaPath, RollupDays.Of(r.RequestedAt), Metric.ResidentRequests, 1)],
        _ => [],
    };

    /// <summary>The one-window rule (<see cref="ServiceStats.IsComprehensive"/>) over the shipped catalogue.</summary>
    public static bool IsComprehensive(Outlet o) => ServiceStats.IsComprehensive(o.ServiceCodes, Categories);

    private static IEnumerable<Contribution> Of(Dispute d)
    {
        if (d.MergedIntoId is not null)
        {
            yield break; // a duplicate: its case is counted once, in the dispute it was merged into
        }
        yield return new(d.AreaPath, d.RegisteredOn, Metric.DisputesRegistered, 1);
        if (d.ResolvedOn is { } resolved && ResolvedStatuses.Contains(d.Status))
        {
            yield return new(d.AreaPath, resolved, Metric.DisputesResolved, 1);
        }
        if (DisputeQueries.Running.Contains(d.Status))
        {
            yield return new(d.AreaPath, d.DueDate ?? RollupDays.NoDue, Metric.DisputesOpenByDue, 1);
        }
    }

    private static IEnumerable<Contribution> Of(Danger d)
    {
        yield return new(d.AreaPath, d.FoundOn, Metric.DangersFound, 1);
        if (d.Status == DangerStatus.Verified)
        {
            yield return new(d.AreaPath, d.VerifiedOn ?? d.RectifiedOn ?? d.FoundOn, Metric.DangersRemoved, 1);
        }
        else
        {
            yield return new(d.AreaPath, d.RectifyBy, Metric.DangersOpenByDue, 1);
        }
    }

    private static IEnumerable<Contribution> Of(SupervisionNotice n)
    {
        // Counted where the case is, not at the level the notice is addressed to.
        yield return new(n.SubjectAreaPath, RollupDays.Of(n.RaisedAt), Metric.SupervisionNotices, 1);
        if (n.AcknowledgedAt is null)
        {
            yield return new(n.SubjectAreaPath, RollupDays.Always, Metric.SupervisionUnacknowledged, 1);
        }
    }

    private static IEnumerable<Contribution> Of(Visit v)
    {
        var day = RollupDays.OfUtc(v.VisitedAt);
        yield return new(v.AreaPath, day, Metric.Visits, 1);
        if (v.AntiFraudGiven)
        {
            yield return new(v.AreaPath, day, Metric.VisitsAntiFraud, 1);
        }
    }

    private static IEnumerable<Contribution> Of(Demand d)
    {
        yield return new(d.AreaPath, d.RaisedOn, Metric.DemandsRaised, 1);
        if (d.AnsweredOn is { } answered && d.Status is DemandStatus.Answered or DemandStatus.Closed)
        {
            yield return new(d.AreaPath, answered, Metric.DemandsAnswered, 1);
        }
    }

    private static IEnumerable<Contribution> Of(Referral r)
    {
        if (r.AnsweredOn is { } answered)
        {
            yield return new(r.AreaPath, answered, Metric.ReferralsAnswered, 1);
            if (answered <= r.DueOn)
            {
                yield return new(r.AreaPath, answered, Metric.ReferralsAnsweredInTime, 1);
            }
        }
        else if (r.ReturnedOn is null)
        {
            // A referral the unit sent back waits on no one: the demand is open again at the station.
            yield return new(r.AreaPath, r.DueOn, Metric.ReferralsOpenByDue, 1);
        }
    }

    private static IEnumerable<Contribution> Of(ServiceRecord s)
    {
        if (s.Status == RecordStatus.Completed && s.FinishedOn is { } finished)
        {
            yield return new(s.AreaPath, finished, Metric.ServicesHandled, 1);
            if (finished <= s.DueDate)
            {
                yield return new(s.AreaPath, finished, Metric.ServicesInTime, 1);
            }
        }
        else if (s.Status is RecordStatus.Received or RecordStatus.InProgress)
        {
            yield return new(s.AreaPath, s.DueDate, Metric.ServicesOpenByDue, 1);
        }
    }

    private static IEnumerable<Contribution> Of(Ticket t)
    {
        if (t.CalledAt is { } called)
        {
            yield return new(t.AreaPath, t.Day, Metric.TicketsCalled, 1);
            yield return new(t.AreaPath, t.Day, Metric.TicketWaitMinutes, (long)Math.Round(Math.Max(0, (called - t.IssuedAt).TotalMinutes)));
        }
    }

    private static IEnumerable<Contribution> Of(Review r)
    {
        if (r.Appeal == AppealStatus.Upheld)
        {
            yield break; // found mistaken on appeal: does not count
        }
        yield return new(r.AreaPath, r.Day, Metric.Reviews, 1);
        if (r.Overall >= 4)
        {
            yield return new(r.AreaPath, r.Day, Metric.ReviewsGood, 1);
        }
        else if (r.Overall <= 2)
        {
            yield return new(r.AreaPath, r.Day, Metric.ReviewsBad, 1);
        }
    }

    private static IEnumerable<Contribution> Of(Post p, UnitKind? kind)
    {
        if (kind is null || !SwornAboveStation.Contains(p.Role))
        {
            yield break;
        }
        var end = p.EndDate ?? DateOnly.MaxValue;
        IEnumerable<Contribution> Each(Metric m) => Stock(p.AreaPath, m, p.StartDate, end);
        var k = kind.Value;
        var counted = new List<Metric>();
        if (k.IsStation() && SwornRoles.Contains(p.Role))
        {
            counted.Add(Metric.PoliceStation);
            if (p.Role == PostRole.CommunityPolice)
            {
                counted.Add(Metric.PoliceCommunity);
            }
        }
        if (k.IsStation() || k is UnitKind.CountyBranch or UnitKind.HospitalPoliceOffice)
        {
            counted.Add(Metric.PoliceCounty);
        }
        if (k.IsOrgan())
        {
            counted.Add(Metric.PoliceOrgan);
        }
        foreach (var c in counted.SelectMany(Each))
        {
            yield return c;
        }
    }

    /// <summary>+1 from the first day, −1 from the day after the last (none when it never ends).</summary>
    private static IEnumerable<Contribution> Stock(string path, Metric metric, DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            yield break;
        }
        yield return new(path, first, metric, 1);
        if (last != DateOnly.MaxValue)
        {
            yield return new(path, RollupDays.After(last), metric, -1);
        }
    }
}

/// <summary>The records that count, for the recount: which type feeds which metrics, and how to read them all.</summary>
public static class CountedRecords
{
    /// <summary>Which record type feeds which metrics: a metric with no records still has its stored rows checked.</summary>
    public static readonly (Type Type, Metric[] Metrics)[] Feeds =
    [
        (typeof(Dispute), [Metric.DisputesRegistered, Metric.DisputesResolved, Metric.DisputesOpenByDue]),
        (typeof(Danger), [Metric.DangersFound, Metric.DangersRemoved, Metric.DangersOpenByDue]),
        (typeof(SupervisionNotice), [Metric.SupervisionNotices, Metric.SupervisionUnacknowledged]),
        (typeof(Visit), [Metric.Visits, Metric.VisitsAntiFraud]),
        (typeof(Household), [Metric.Households]),
        (typeof(Resident), [Metric.Residents]),
        (typeof(Demand), [Metric.DemandsRaised, Metric.DemandsAnswered]),
        (typeof(Referral), [Metric.ReferralsAnswered, Metric.ReferralsAnsweredInTime, Metric.ReferralsOpenByDue]),
        (typeof(ServiceRecord), [Metric.ServicesHandled, Metric.ServicesInTime, Metric.ServicesOpenByDue]),
        (typeof(Ticket), [Metric.TicketsCalled, Metric.TicketWaitMinutes]),
        (typeof(Review), [Metric.Reviews, Metric.ReviewsGood, Metric.ReviewsBad]),
        (typeof(PatrolLog), [Metric.Patrols, Metric.PatrolParticipants]),
        (typeof(TeamMember), [Metric.Volunteers]),
        (typeof(Team), [Metric.CommunityPoliceTeams, Metric.VolunteerTeams]),
        (typeof(Post), [Metric.PoliceStation, Metric.PoliceCommunity, Metric.PoliceCounty, Metric.PoliceOrgan]),
        (typeof(Secondment), [Metric.Secondments]),
        (typeof(Unit), [Metric.Stations]),
        (typeof(Outlet), [Metric.ComprehensiveWindows]),
        (typeof(ResidentRequest), [Metric.ResidentRequests]),
    ];

    /// <summary>Every record of a counted type, past every filter, the widest tables without the text a contribution never reads.</summary>
    public static IAsyncEnumerable<object> Read(AppDb db, Type type)
    {
        // The widest tables are read without their text columns: a contribution never looks at them.
        IAsyncEnumerable<object> Of<T>(IQueryable<T> q) where T : class => q.IgnoreQueryFilters().AsNoTracking().AsAsyncEnumerable();
        return type.Name switch
        {
            nameof(Dispute) => Of(db.Disputes.Select(d => new Dispute
            {
                Code = "", Title = "", Summary = "", Category = "", AreaPath = d.AreaPath, SearchText = "",
                MergedIntoId = d.MergedIntoId, RegisteredOn = d.RegisteredOn, ResolvedOn = d.ResolvedOn, Status = d.Status, DueDate = d.DueDate,
            })),
            nameof(Visit) => Of(db.Visits.Select(v => new Visit { AreaPath = v.AreaPath, Notes = "", VisitedAt = v.VisitedAt, AntiFraudGiven = v.AntiFraudGiven })),
            nameof(Household) => Of(db.Households.Select(h => new Household { Code = "", Address = "", AreaPath = h.AreaPath, CreatedAt = h.CreatedAt })),
            nameof(Resident) => Of(db.Residents.Select(r => new Resident { AreaPath = r.AreaPath, Name = "", IdCipher = "", IdHash = "", IdMasked = "" })),
            nameof(ServiceRecord) => Of(db.ServiceRecords.Select(s => new ServiceRecord
            {
                Code = "", AreaPath = s.AreaPath, ServiceCode = "", ResidentName = "", MaterialsChecked = "",
                Status = s.Status, FinishedOn = s.FinishedOn, DueDate = s.DueDate,
            })),
            nameof(Danger) => Of(db.Dangers),
            nameof(SupervisionNotice) => Of(db.SupervisionNotices),
            nameof(Demand) => Of(db.Demands),
            nameof(Referral) => Of(db.DemandReferrals),
            nameof(Ticket) => Of(db.Tickets),
            nameof(Review) => Of(db.Reviews),
            nameof(PatrolLog) => Of(db.PatrolLogs),
            nameof(TeamMember) => Of(db.TeamMembers),
            nameof(Team) => Of(db.Teams),
            nameof(Post) => Of(db.Posts),
            nameof(Secondment) => Of(db.Secondments),
            nameof(Unit) => Of(db.Units),
            nameof(Outlet) => Of(db.Outlets),
            nameof(ResidentRequest) => Of(db.ResidentRequests),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "Not a counted record type."),
        };
    }
}
