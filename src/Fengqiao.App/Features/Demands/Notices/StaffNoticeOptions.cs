namespace Fengqiao.Features.Demands.Notices;

/// <summary>The <c>StaffNotices</c> section: departments' links, the daily checks and the leaders' digest.</summary>
public sealed class StaffNoticeOptions
{
    public const string Section = "StaffNotices";

    /// <summary>Runs the daily checks (overdue referrals, digests) on this node.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often the node looks whether a daily check is due; each check does its day's work once.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Days a department's signed link stays valid after its message was written.</summary>
    public int LinkDays { get; set; } = 30;
    /// <summary>The local hour from which the day's digest goes to those who chose one.</summary>
    public int DigestHour { get; set; } = 8;
}
