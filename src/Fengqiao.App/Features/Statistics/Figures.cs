namespace Fengqiao.Features.Statistics;

public enum FigureUnit
{
    Count,
    Percent,
    Minutes,
    PerHundred,
}

/// <summary>When a figure's value belongs: to the period, to its last day, or to today only.</summary>
public enum FigureTime
{
    /// <summary>What happened in the period (a flow).</summary>
    Period,
    /// <summary>How things stood on the period's last day (a stock).</summary>
    AsOf,
    /// <summary>Open items now: open cases cannot be reconstructed for past days, so there is no trend or previous period.</summary>
    Now,
}

/// <summary>
/// One figure of the dashboard: a metric, or a ratio of two, with its definition (English text, translated
/// through the resources), the article's value where it gives one, and the groups it is shown in.
/// </summary>
public sealed record Figure(
    string Key, string Group, string Name, string Definition, FigureUnit Unit, Metric Numerator, Metric? Denominator = null,
    string? Article = null, bool Overdue = false)
{
    public FigureTime Time => Metrics.KindOf(Numerator) switch
    {
        MetricKind.OpenByDue => FigureTime.Now,
        MetricKind.Stock when Denominator is null || Metrics.KindOf(Denominator.Value) == MetricKind.Stock => FigureTime.AsOf,
        _ => FigureTime.Period,
    };

    /// <summary>The figure from its parts; null when the denominator is zero.</summary>
    public double? Compute(long numerator, long denominator) => Denominator is null
        ? numerator
        : denominator == 0 ? null : Unit switch
        {
            FigureUnit.Percent => Math.Round(100.0 * numerator / denominator, 1),
            FigureUnit.PerHundred => Math.Round(100.0 * numerator / denominator, 1),
            _ => Math.Round((double)numerator / denominator, 1),
        };
}

/// <summary>Every figure of the seed article, then the operational ones.</summary>
public static class FigureCatalogue
{
    public const string Article = "Article";

    public static IReadOnlyList<Figure> All { get; } =
    [
        new("community-police-share", Article, "Community police share of station police",
            "Officers in community police posts at police stations, as a share of all sworn officers (directors, community police, officers) in station posts, on the period's last day.",
            FigureUnit.Percent, Metric.PoliceCommunity, Metric.PoliceStation, "49.4%"),
        new("station-police-share", Article, "Station police share of county-level police",
            "Sworn officers in station posts as a share of sworn officers and leaders in county-level units (county branches, stations, hospital police offices), on the period's last day.",
            FigureUnit.Percent, Metric.PoliceStation, Metric.PoliceCounty, "49.5%"),
        new("seconded-officers", Article, "Officers sent down from provincial and city organs",
            "Officers of the provincial department and city bureaus serving a secondment at a station (each paired with a front-line mentor), on the period's last day.",
            FigureUnit.Count, Metric.Secondments, null, "1,771"),
        new("seconded-share", Article, "Sent-down officers as a share of organ police",
            "Officers on secondment as a share of sworn officers and leaders in the provincial department and city bureaus of the area, on the period's last day (target 20%).",
            FigureUnit.Percent, Metric.Secondments, Metric.PoliceOrgan, "20%"),
        new("comprehensive-windows", Article, "Stations with a comprehensive service window",
            "Station windows that handle services of at least three categories (household registration, ID cards, exit–entry, traffic, certificates).",
            FigureUnit.Count, Metric.ComprehensiveWindows, null, "964"),
        new("services-handled", Article, "Services handled",
            "One-window services completed in the period, at station windows, hospital police offices and self-service points.",
            FigureUnit.Count, Metric.ServicesHandled, null, "704,000"),
        new("disputes-registered", Article, "Disputes investigated",
            "Disputes registered in the period (duplicates merged into another case are not counted).",
            FigureUnit.Count, Metric.DisputesRegistered, null, "61,700"),
        new("disputes-resolved", Article, "Disputes resolved",
            "Disputes whose resolution date falls in the period and that are resolved, followed up or closed.",
            FigureUnit.Count, Metric.DisputesResolved, null, "59,400"),
        new("resolution-rate", Article, "Resolution rate",
            "Disputes resolved in the period as a share of disputes registered in the period.",
            FigureUnit.Percent, Metric.DisputesResolved, Metric.DisputesRegistered, "96.3%"),
        new("community-police-teams", Article, "Community police teams",
            "Community police teams (the community officer with auxiliaries, cadres and grid officers).",
            FigureUnit.Count, Metric.CommunityPoliceTeams, null, "9,833"),

        new("disputes-overdue", "Cases", "Overdue disputes",
            "Open disputes past their deadline today.", FigureUnit.Count, Metric.DisputesOpenByDue, Overdue: true),
        new("supervision-notices", "Cases", "Supervision notices",
            "Supervision notices raised in the period about overdue cases of the area.", FigureUnit.Count, Metric.SupervisionNotices),
        new("supervision-open", "Cases", "Notices not yet acknowledged",
            "Supervision notices about cases of the area that nobody has acknowledged.", FigureUnit.Count, Metric.SupervisionUnacknowledged),
        new("dangers-found", "Cases", "Hidden dangers found", "Hidden dangers found in the period.", FigureUnit.Count, Metric.DangersFound),
        new("dangers-removed", "Cases", "Hidden dangers removed",
            "Hidden dangers whose removal was verified in the period.", FigureUnit.Count, Metric.DangersRemoved),
        new("dangers-open", "Cases", "Hidden dangers open", "Hidden dangers not yet verified as removed, today.", FigureUnit.Count, Metric.DangersOpenByDue),
        new("dangers-overdue", "Cases", "Hidden dangers past their deadline",
            "Open hidden dangers whose rectification deadline has passed, today.", FigureUnit.Count, Metric.DangersOpenByDue, Overdue: true),

        new("visits", "Visits", "Household visits", "Home visits recorded in the period.", FigureUnit.Count, Metric.Visits),
        new("visit-coverage", "Visits", "Visits per 100 households",
            "Home visits in the period for every 100 registered households of the area.", FigureUnit.PerHundred, Metric.Visits, Metric.Households),
        new("anti-fraud", "Visits", "Visits with anti-fraud advice",
            "Home visits in the period at which anti-fraud publicity was given.", FigureUnit.Count, Metric.VisitsAntiFraud),
        new("households", "Visits", "Households", "Registered households, on the period's last day.", FigureUnit.Count, Metric.Households),
        new("residents", "Visits", "Residents", "Registered residents.", FigureUnit.Count, Metric.Residents),

        new("demands-raised", "Demands", "Demands raised", "Residents' demands raised in the period.", FigureUnit.Count, Metric.DemandsRaised),
        new("demands-answered", "Demands", "Demands answered", "Demands answered in the period.", FigureUnit.Count, Metric.DemandsAnswered),
        new("referrals-in-time", "Demands", "Referrals answered in time",
            "Referrals answered in the period by their due date, as a share of referrals answered in the period.",
            FigureUnit.Percent, Metric.ReferralsAnsweredInTime, Metric.ReferralsAnswered),
        new("referrals-overdue", "Demands", "Referrals overdue",
            "Referrals to departments without an answer past their due date, today.", FigureUnit.Count, Metric.ReferralsOpenByDue, Overdue: true),

        new("services-in-time", "Services", "Services within the time limit",
            "Services completed in the period no later than their legal deadline, as a share of services completed.",
            FigureUnit.Percent, Metric.ServicesInTime, Metric.ServicesHandled),
        new("average-wait", "Services", "Average wait at the window",
            "Minutes from taking a queue ticket to being called, averaged over tickets called in the period.",
            FigureUnit.Minutes, Metric.TicketWaitMinutes, Metric.TicketsCalled),
        new("good-reviews", "Services", "Good reviews",
            "Reviews of 4 or 5 stars as a share of reviews given in the period (reviews found mistaken on appeal do not count).",
            FigureUnit.Percent, Metric.ReviewsGood, Metric.Reviews),
        new("bad-reviews", "Services", "Bad reviews",
            "Reviews of 1 or 2 stars as a share of reviews given in the period (reviews found mistaken on appeal do not count).",
            FigureUnit.Percent, Metric.ReviewsBad, Metric.Reviews),

        new("patrols", "Patrols", "Volunteer patrols", "Patrols logged in the period.", FigureUnit.Count, Metric.Patrols),
        new("patrol-participants", "Patrols", "Patrol participants",
            "People taking part in the period's patrols, counted once per patrol.", FigureUnit.Count, Metric.PatrolParticipants),
        new("volunteers", "Patrols", "Active volunteers",
            "Active volunteer members of teams (building leaders, couriers, property staff, residents), on the period's last day.", FigureUnit.Count, Metric.Volunteers),
        new("resident-requests", "Patrols", "Residents' reports",
            "Reports from residents (Open311 and the portal) received in the period.", FigureUnit.Count, Metric.ResidentRequests),
    ];

    public static Figure? Find(string? key) => All.FirstOrDefault(f => f.Key == key);

    public static IEnumerable<string> Groups => All.Select(f => f.Group).Distinct();
}
