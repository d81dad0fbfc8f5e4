using Fengqiao.Features.Calendar;

namespace Fengqiao.Features.Disputes;

/// <summary>
/// Deadline rules, configurable under "Disputes:Deadlines". Working days follow the shared
/// <see cref="WorkingCalendar"/> (public holidays and make-up working days).
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "Disputes:Deadlines";

    /// <summary>First mediation session, in working days after registration (0 = the same day).</summary>
    public int RedFirstSession { get; set; }
    public int OrangeFirstSession { get; set; }
    public int YellowFirstSession { get; set; } = 3;
    public int BlueFirstSession { get; set; } = 5;

    /// <summary>Second session, in working days after registration, when the first did not settle it.</summary>
    public int RedSecondSession { get; set; } = 3;
    public int OrangeSecondSession { get; set; } = 3;
    public int YellowSecondSession { get; set; } = 7;
    public int BlueSecondSession { get; set; } = 10;

    /// <summary>Mediation concluded within this many days of registration (as people's mediation is).</summary>
    public int MediationConclusionDays { get; set; } = 30;
    /// <summary>An answer from the body a case was referred to, in days.</summary>
    public int ReferralConclusionDays { get; set; } = 30;
    /// <summary>Return visit after resolution, in working days.</summary>
    public int FollowUpWorkingDays { get; set; } = 15;
    /// <summary>The parties may ask a court to confirm the agreement within this many days.</summary>
    public int JudicialConfirmationDays { get; set; } = 30;
    /// <summary>An overdue case goes one level further up the area tree every this many working days.</summary>
    public int EscalateEveryWorkingDays { get; set; } = 3;

    public int FirstSession(RiskColour risk) => risk switch
    {
        RiskColour.Red => RedFirstSession,
        RiskColour.Orange => OrangeFirstSession,
        RiskColour.Yellow => YellowFirstSession,
        _ => BlueFirstSession,
    };

    public int SecondSession(RiskColour risk) => risk switch
    {
        RiskColour.Red => RedSecondSession,
        RiskColour.Orange => OrangeSecondSession,
        RiskColour.Yellow => YellowSecondSession,
        _ => BlueSecondSession,
    };
}

public static class DeadlineRules
{
    /// <summary>The deadline the case runs against in its current state, or null when no clock runs.</summary>
    public static (DueKind Kind, DateOnly Date)? Next(Dispute d, WorkingCalendar calendar, DeadlineOptions o) => d.Status switch
    {
        DisputeStatus.Registered or DisputeStatus.Assigned =>
            (DueKind.FirstSession, calendar.AddWorkingDays(d.RegisteredOn, o.FirstSession(d.Risk) + d.PausedWorkingDays)),
        DisputeStatus.Mediating when d.SessionCount <= 1 =>
            (DueKind.SecondSession, calendar.AddWorkingDays(d.RegisteredOn, o.SecondSession(d.Risk) + d.PausedWorkingDays)),
        DisputeStatus.Mediating =>
            (DueKind.MediationConclusion, d.RegisteredOn.AddDays(o.MediationConclusionDays + d.PausedDays)),
        DisputeStatus.Referred when d.ReferredOn is { } referred =>
            (DueKind.ReferralConclusion, referred.AddDays(o.ReferralConclusionDays + d.PausedDays)),
        DisputeStatus.Resolved when d.ResolvedOn is { } resolved =>
            (DueKind.FollowUp, calendar.AddWorkingDays(resolved, o.FollowUpWorkingDays)),
        _ => null,
    };

    /// <summary>Sets the case's current deadline from its state.</summary>
    public static void Apply(Dispute d, WorkingCalendar calendar, DeadlineOptions o)
    {
        var next = Next(d, calendar, o);
        d.DueKind = next?.Kind;
        d.DueDate = next?.Date;
    }

    /// <summary>
    /// How many levels above the case should be supervising it on <paramref name="today"/>:
    /// 0 while on time, 1 (the station) from the first working day overdue, then one more level
    /// every <see cref="DeadlineOptions.EscalateEveryWorkingDays"/> working days.
    /// </summary>
    public static int EscalationLevels(DateOnly due, DateOnly today, WorkingCalendar calendar, DeadlineOptions o)
    {
        if (today <= due)
        {
            return 0;
        }
        var overdue = Math.Max(1, calendar.WorkingDaysBetween(due, today));
        return 1 + ((overdue - 1) / Math.Max(1, o.EscalateEveryWorkingDays));
    }
}
