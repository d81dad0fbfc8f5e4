namespace Fengqiao.Features.Outbox.Templates;

/// <summary>A placeholder a template may use, e.g. <c>{{ code }}</c>, with what it stands for (a localisation key).</summary>
public sealed record Placeholder(string Name, string Meaning);

/// <summary>
/// The notices residents get, the placeholders each may use, and the built-in wording: the app's own localised texts
/// with the placeholders put in, so that a notice nobody has edited reads exactly as before templates existed.
/// </summary>
public static class TemplateCatalog
{
    public const int MaxSubject = 300;
    public const int MaxBody = 8000;
    /// <summary>One SMS of Chinese text; a longer one is sent (and charged) as several.</summary>
    public const int SmsLength = 70;

    public static readonly NoticeKind[] Kinds = [NoticeKind.Received, NoticeKind.Updated, NoticeKind.Resolved, NoticeKind.Reopened];

    private static readonly Placeholder[] Common =
    [
        new("code", "The report's tracking code"),
        new("station", "The station that took the report"),
        new("due_date", "When an answer is due"),
        new("status", "The report's status"),
        new("note", "The public note (may be empty)"),
        new("track_link", "The link to follow the report"),
        new("case_code", "The code of the case the report became (may be empty)"),
    ];

    private static readonly Placeholder[] Feedback =
    [
        new("rating_links", "The five one-tap rating links, one a line"),
        new("not_resolved_link", "The link to say it is not resolved"),
        new("feedback_deadline", "The last day to say it is not resolved"),
    ];

    public static NoticeKind? Kind(string? evt) => Kinds.Cast<NoticeKind?>().FirstOrDefault(k => Notices.EventName(k!.Value) == evt);

    public static IReadOnlyList<Placeholder> Placeholders(NoticeKind kind) => kind == NoticeKind.Resolved ? [.. Common, .. Feedback] : Common;

    /// <summary>The built-in subject and body of <paramref name="kind"/>, in the current UI culture.</summary>
    public static (string Subject, string Body) Default(NoticeKind kind, IStringLocalizer l)
    {
        const string code = "{{ code }}", station = "{{ station }}";
        const string note = "{{ if note }}\n\n{{ note }}{{ end }}";
        var follow = "\n\n" + l["Follow it at {0}", "{{ track_link }}"];
        return kind switch
        {
            NoticeKind.Received => (l["Your report {0} has been received", code],
                l["Your report {0} has been received by {1}. An answer is expected by {2}.", code, station, "{{ due_date }}"] + follow),
            NoticeKind.Resolved => (l["Your report {0} has been resolved", code],
                l["Your report {0} has been resolved by {1}.", code, station] + note + "\n\n"
                + l["How did we do? One tap rates it:"] + "\n{{ rating_links }}\n\n"
                + l["Not resolved? Tell us by {0} and the case is reopened: {1}", "{{ feedback_deadline }}", "{{ not_resolved_link }}"] + follow),
            NoticeKind.Reopened => (l["Your report {0} has been reopened", code],
                l["Your report {0} has been reopened, and {1} is handling it again.", code, station] + note + follow),
            _ => (l["Update on your report {0}", code], l["There is news on your report {0}.", code] + note + follow),
        };
    }

    /// <summary>The built-in wording in <paramref name="language"/>, whatever the current request's language.</summary>
    public static (string Subject, string Body) Default(NoticeKind kind, string language, IStringLocalizer l)
    {
        using (LocalizationSetup.InCulture(language))
        {
            return Default(kind, l);
        }
    }
}
