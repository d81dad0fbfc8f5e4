namespace Fengqiao.Features.Visits;

/// <summary>Display helpers for the campaign and notepad pages.</summary>
public static class VisitView
{
    /// <summary>A stored UTC instant as local time in the configured zone, "2026-05-20 14:30".</summary>
    public static string Local(LocalClock clock, DateTime utc) =>
        clock.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static CampaignPhase PhaseOf(DateOnly startsOn, DateOnly endsOn, DateOnly today) =>
        today < startsOn ? CampaignPhase.Upcoming : today > endsOn ? CampaignPhase.Finished : CampaignPhase.Current;

    public static string PhaseBadge(CampaignPhase phase) => phase switch
    {
        CampaignPhase.Current => "text-bg-success",
        CampaignPhase.Upcoming => "text-bg-info",
        _ => "text-bg-secondary",
    };

    /// <summary>The area's name in the reader's language, or its code when the reader cannot see it.</summary>
    public static string AreaName(string code, string? zh, string? en) => zh is null || en is null ? code : LocalizationSetup.Pick(zh, en);

    /// <summary>The first <paramref name="max"/> characters of a note, for lists.</summary>
    public static string Excerpt(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    /// <summary>Bar width in whole percent.</summary>
    public static int Percent(double rate) => (int)Math.Round(rate * 100);
}
