namespace Fengqiao.Infrastructure.Web;

/// <summary>
/// A record's history as every detail page shows it (a case's timeline, a danger's history, a diversion's steps):
/// what happened, when, who did it, anything particular to the step, and the note. Drawn by <c>_Timeline.cshtml</c>.
/// </summary>
public sealed record TimelineView(string Id, IReadOnlyList<TimelineLine> Lines, bool Numbered = true);

/// <param name="Type">The step's kind, for the <c>data-type</c> attribute that scripts and tests select by.</param>
/// <param name="Label">The step's kind in the reader's language.</param>
/// <param name="Details">What is particular to the step (a risk colour, a deadline, a department), each with its CSS class.</param>
public sealed record TimelineLine(string Type, string Label, DateTimeOffset At, string? Actor, string? Note, IReadOnlyList<TimelineDetail> Details);

public sealed record TimelineDetail(string Text, string? Css = null);

/// <summary>
/// What every step of a record's history has, whatever else it records: its kind, when, who, and a note. The
/// append-only event entities (a case's, a danger's, a diversion's) and the rows read from them share it.
/// </summary>
public interface ITimelineEvent<TType> where TType : struct, Enum
{
    TType Type { get; }
    DateTimeOffset At { get; }
    string? ActorName { get; }
    string? Note { get; }
}

public static class Timeline
{
    /// <summary>A step as the shared timeline shows it, in the reader's language.</summary>
    public static TimelineLine Line<TType>(this ITimelineEvent<TType> e, IStringLocalizer l, params IReadOnlyList<TimelineDetail> details)
        where TType : struct, Enum =>
        new(e.Type.ToString(), l.Enum(e.Type), e.At, e.ActorName, e.Note, details);
}
