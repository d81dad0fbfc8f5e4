using Fengqiao.Features.Calendar;
using Fengqiao.Features.Disputes;

namespace Fengqiao.Tests.Features.Disputes;

/// <summary>Every deadline rule, on the shipped calendar (National Day 2026: 1–7 October off, Saturday 10 October worked).</summary>
public sealed class DeadlineRulesTests
{
    private static readonly WorkingCalendar Calendar = HolidayData.ShippedCalendar();
    private static readonly DeadlineOptions Defaults = new();

    private static Dispute Case(RiskColour risk, DisputeStatus status, DateOnly registered, int sessions = 0) => new()
    {
        Code = "x", Title = "x", Summary = "x", Category = "neighbour", AreaPath = "/22/", SearchText = "x",
        Risk = risk, Status = status, RegisteredOn = registered, SessionCount = sessions,
    };

    [Theory]
    [InlineData(RiskColour.Red, "2026-09-30", "2026-09-30")]      // the same day
    [InlineData(RiskColour.Orange, "2026-09-30", "2026-09-30")]
    [InlineData(RiskColour.Yellow, "2026-09-29", "2026-10-09")]   // Wed 30 Sep, Thu 8 Oct, Fri 9 Oct
    [InlineData(RiskColour.Blue, "2026-09-29", "2026-10-12")]     // … Sat 10 Oct (a make-up working day), Mon 12 Oct
    [InlineData(RiskColour.Yellow, "2026-11-27", "2026-12-02")]   // Friday + 3 working days
    public void TheFirstSessionIsDueByRisk(RiskColour risk, string registered, string expected)
    {
        var d = Case(risk, DisputeStatus.Registered, DateOnly.Parse(registered, System.Globalization.CultureInfo.InvariantCulture));
        var due = DeadlineRules.Next(d, Calendar, Defaults)!.Value;
        Assert.Equal((DueKind.FirstSession, DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), due);
    }

    [Fact]
    public void AYellowCaseNeedsASecondSessionWithinSevenWorkingDays()
    {
        var d = Case(RiskColour.Yellow, DisputeStatus.Mediating, new DateOnly(2026, 11, 2), sessions: 1);
        Assert.Equal((DueKind.SecondSession, new DateOnly(2026, 11, 11)), DeadlineRules.Next(d, Calendar, Defaults));
    }

    [Fact]
    public void AfterTwoSessionsMediationConcludesWithinThirtyDays()
    {
        var d = Case(RiskColour.Yellow, DisputeStatus.Mediating, new DateOnly(2026, 11, 2), sessions: 2);
        Assert.Equal((DueKind.MediationConclusion, new DateOnly(2026, 12, 2)), DeadlineRules.Next(d, Calendar, Defaults));
    }

    [Fact]
    public void PeoplesMediationConcludesWithinThirtyDaysOfReferral()
    {
        var d = Case(RiskColour.Blue, DisputeStatus.Referred, new DateOnly(2026, 11, 2));
        d.ReferredOn = new DateOnly(2026, 11, 5);
        Assert.Equal((DueKind.ReferralConclusion, new DateOnly(2026, 12, 5)), DeadlineRules.Next(d, Calendar, Defaults));
    }

    [Fact]
    public void TheFollowUpIsDueFifteenWorkingDaysAfterResolutionSkippingHolidays()
    {
        var d = Case(RiskColour.Yellow, DisputeStatus.Resolved, new DateOnly(2026, 9, 1));
        d.ResolvedOn = new DateOnly(2026, 9, 24);
        // Mid-Autumn 25–27 Sep and National Day 1–7 Oct are off; Saturday 10 Oct is worked:
        // 28, 29, 30 Sep; 8, 9, 10, 12, 13, 14, 15, 16, 19, 20, 21, 22 Oct.
        Assert.Equal((DueKind.FollowUp, new DateOnly(2026, 10, 22)), DeadlineRules.Next(d, Calendar, Defaults));
    }

    [Theory]
    [InlineData(DisputeStatus.Suspended)]
    [InlineData(DisputeStatus.FollowedUp)]
    [InlineData(DisputeStatus.Closed)]
    [InlineData(DisputeStatus.NotResolvable)]
    public void NoClockRunsWhenSuspendedOrDone(DisputeStatus status) =>
        Assert.Null(DeadlineRules.Next(Case(RiskColour.Red, status, new DateOnly(2026, 11, 2)), Calendar, Defaults));

    [Fact]
    public void ASuspensionMovesWorkingDayDeadlinesByTheDaysItLasted()
    {
        var d = Case(RiskColour.Yellow, DisputeStatus.Assigned, new DateOnly(2026, 11, 2));
        d.PausedWorkingDays = 5;
        Assert.Equal(new DateOnly(2026, 11, 12), DeadlineRules.Next(d, Calendar, Defaults)!.Value.Date);
    }

    [Theory]
    [InlineData("2026-11-10", 0)]   // on the day: not overdue
    [InlineData("2026-11-11", 1)]   // first working day late: the station
    [InlineData("2026-11-13", 1)]
    [InlineData("2026-11-16", 2)]   // 4 working days late: the county
    [InlineData("2026-11-19", 3)]   // 7: the city
    [InlineData("2026-12-31", 4)]   // long overdue: the province, and no further
    public void AnOverdueCaseClimbsOneLevelEveryThreeWorkingDays(string today, int levels)
    {
        var got = DeadlineRules.EscalationLevels(new DateOnly(2026, 11, 10), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Calendar, Defaults);
        Assert.Equal(levels, Math.Min(got, 4));
    }
}
