using System.Text;
using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Demands.Notices;

/// <summary>The facts of a referral that its messages are made of.</summary>
public sealed record ReferralFacts(
    string DemandCode, int DemandId, DemandCategory Category, string Description, string UnitNameZh, string UnitNameEn, DateOnly DueOn, string? Note);

/// <summary>What each staff and department notice says; every text goes through the localizer, in the reader's language.</summary>
public static class NoticeTexts
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Render Referred(ReferralFacts f, string link, DateOnly linkValidUntil) => l =>
    (
        l["Demand {0} referred to your unit: answer by {1}", f.DemandCode, Day(f.DueOn)],
        l["{0}: a resident's demand has been referred to your unit.", LocalizationSetup.Pick(f.UnitNameZh, f.UnitNameEn)] + "\n\n"
            + Demand(l, f) + "\n\n" + Link(l, link, linkValidUntil)
    );

    public static Render OverdueToUnit(ReferralFacts f, string link, DateOnly linkValidUntil) => l =>
    (
        l["Overdue: the answer to demand {0} was due on {1}", f.DemandCode, Day(f.DueOn)],
        l["{0}: the answer to demand {1} was due on {2} and has not come yet.", LocalizationSetup.Pick(f.UnitNameZh, f.UnitNameEn), f.DemandCode, Day(f.DueOn)]
            + "\n\n" + Demand(l, f) + "\n\n" + Link(l, link, linkValidUntil)
    );

    public static Render OverdueToOfficer(ReferralFacts f, string url) => l =>
    (
        l["Overdue: the answer to demand {0} was due on {1}", f.DemandCode, Day(f.DueOn)],
        l["{0} has not answered demand {1}, which you referred; it was due on {2}.", LocalizationSetup.Pick(f.UnitNameZh, f.UnitNameEn), f.DemandCode, Day(f.DueOn)]
            + "\n\n" + f.Description + "\n\n" + l["Open it at {0}", url]
    );

    public static Render Supervision(string code, string title, AreaLevel level, DateOnly due, int late, string url) => l =>
    (
        l["Supervision notice: {0} is overdue", code],
        l["A supervision notice has been raised at the {0} level: {1} ({2}) was due on {3} and is {4} working days overdue.", l.Enum(level), code, title, Day(due), late]
            + "\n\n" + l["Open it at {0}", url]
    );

    public static Render NotResolved(string reportCode, string caseCode, string reason, string url) => l =>
    (
        l["Reopened: the resident says {0} is not resolved", caseCode],
        l["The resident who made report {0} says {1} is not resolved, and it has been reopened: {2}", reportCode, caseCode, reason]
            + "\n\n" + l["Open it at {0}", url]
    );

    public static Render Digest(IReadOnlyList<(string Subject, string Body)> notices) => l =>
    {
        var body = new StringBuilder(l["The notices held for you since your last digest:"]).Append("\n\n");
        for (var i = 0; i < notices.Count; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"{i + 1}. {notices[i].Subject}\n{notices[i].Body}\n\n");
        }
        return (l["Your daily digest: {0} notices", notices.Count], body.ToString().TrimEnd());
    };

    private static string Demand(Microsoft.Extensions.Localization.IStringLocalizer l, ReferralFacts f) =>
        $"{f.DemandCode} · {l.Enum(f.Category)}\n{f.Description}"
        + (string.IsNullOrWhiteSpace(f.Note) ? "" : "\n\n" + l["Note from the station: {0}", f.Note]);

    private static string Link(Microsoft.Extensions.Localization.IStringLocalizer l, string link, DateOnly until) =>
        l["Sign for it, answer it or send it back with a reason here (no account needed): {0}", link] + "\n" + l["The link is valid until {0}.", Day(until)];
}
