namespace Fengqiao.Features.Statistics;

/// <summary>
/// What the rollups count, per area and day. A flow counts what happened on the day; a stock
/// adds +1 on the day something starts and −1 on the day after it ends, so its value on a day is
/// the sum of every row up to that day. An "open by due date" count puts each open item on its
/// due date (or <see cref="RollupDays.NoDue"/>), so "overdue on day D" is the sum before D.
/// The numbers are stored: never renumber, only add.
/// </summary>
public enum Metric : short
{
    DisputesRegistered = 1,
    DisputesResolved = 2,
    DisputesOpenByDue = 3,
    DangersFound = 10,
    DangersRemoved = 11,
    DangersOpenByDue = 12,
    SupervisionNotices = 20,
    SupervisionUnacknowledged = 21,
    Visits = 30,
    VisitsAntiFraud = 31,
    Households = 32,
    Residents = 33,
    DemandsRaised = 40,
    DemandsAnswered = 41,
    ReferralsAnswered = 42,
    ReferralsAnsweredInTime = 43,
    ReferralsOpenByDue = 44,
    ServicesHandled = 50,
    ServicesInTime = 51,
    ServicesOpenByDue = 52,
    TicketsCalled = 53,
    TicketWaitMinutes = 54,
    Reviews = 55,
    ReviewsGood = 56,
    ReviewsBad = 57,
    Patrols = 60,
    PatrolParticipants = 61,
    Volunteers = 62,
    CommunityPoliceTeams = 63,
    VolunteerTeams = 64,
    PoliceStation = 70,
    PoliceCommunity = 71,
    PoliceCounty = 72,
    PoliceOrgan = 73,
    Secondments = 74,
    Stations = 75,
    ComprehensiveWindows = 76,
    ResidentRequests = 80,
}

public enum MetricKind
{
    Flow,
    Stock,
    OpenByDue,
}

public static class Metrics
{
    public static MetricKind KindOf(Metric m) => m switch
    {
        Metric.DisputesOpenByDue or Metric.DangersOpenByDue or Metric.ReferralsOpenByDue or Metric.ServicesOpenByDue => MetricKind.OpenByDue,
        Metric.SupervisionUnacknowledged or Metric.Households or Metric.Residents or Metric.Volunteers or Metric.CommunityPoliceTeams
            or Metric.VolunteerTeams or Metric.PoliceStation or Metric.PoliceCommunity or Metric.PoliceCounty or Metric.PoliceOrgan
            or Metric.Secondments or Metric.Stations or Metric.ComprehensiveWindows => MetricKind.Stock,
        _ => MetricKind.Flow,
    };

    public static IReadOnlyList<Metric> All { get; } = Enum.GetValues<Metric>();

    private const short MonthlyOffset = 1000;

    /// <summary>
    /// A flow or a stock is also kept by month: the same amounts under the metric's monthly number (1000 + its number),
    /// filed on the first day of the month, so a year is 12 rows per area instead of 365.
    /// </summary>
    public static bool HasMonths(Metric m) => !IsMonthly(m) && KindOf(m) != MetricKind.OpenByDue;

    public static Metric Monthly(Metric m) => (Metric)(MonthlyOffset + (short)m);

    public static bool IsMonthly(Metric m) => (short)m >= MonthlyOffset;

    /// <summary>The daily metric of a monthly one.</summary>
    public static Metric Daily(Metric m) => IsMonthly(m) ? (Metric)((short)m - MonthlyOffset) : m;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The rows a contribution on this day adds to: its day and, for flows and stocks, its month.</summary>
    public static IEnumerable<(Metric Metric, DateOnly Day)> Rows(Metric m, DateOnly day)
    {
        yield return (m, day);
        if (HasMonths(m))
        {
            yield return (Monthly(m), MonthOf(day));
        }
    }

    /// <summary>A metric as stored: its daily number and, when kept by month, its monthly one too.</summary>
    public static IEnumerable<Metric> Stored(Metric m) => HasMonths(m) ? [m, Monthly(m)] : [m];
}
