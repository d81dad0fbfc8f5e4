using System.Text.RegularExpressions;
using Fengqiao.Features.Board;
using Fengqiao.Features.Open311;

namespace Fengqiao.Features.Outbox.Alerts;

/// <summary>The community an alert is about, by name in both languages.</summary>
public sealed record AlertArea(int Id, string Code, string NameZh, string NameEn)
{
    public string Name => LocalizationSetup.Pick(NameZh, NameEn);
}

/// <summary>
/// The e-mails of area alerts, each in the subscriber's language and each ending with its one-click unsubscribe link
/// (also the List-Unsubscribe header). A report's alert says what kind of problem, where, a trimmed public description
/// with long digit runs (phone or ID numbers) blanked, and the tracking link: nothing about who reported it.
/// </summary>
public sealed partial class AlertMessages(
    FieldProtector protector, AlertLinks links, FeedbackLinks feedback, RequestServices services, IStringLocalizer<SharedResource> l, LocalClock clock,
    TimeProvider time)
{
    public const string ConfirmEvent = "alert.confirm";
    public const string ReportEvent = "alert.report";
    public const string BoardEvent = "alert.event";
    public const int DescriptionLength = 140;

    public OutboxMessage Confirmation(AlertSubscription s, AlertArea area)
    {
        using var _ = LocalizationSetup.InCulture(s.Language);
        var body = l["You asked for e-mail about new reports and events in {0}. Open this link to confirm; until then nothing is sent:", area.Name]
            + "\n" + links.ConfirmUrl(s.Key) + "\n\n" + l["If you did not ask for this, ignore this message."];
        return New(s, ConfirmEvent, area.Code, l["Confirm your alerts for {0}", area.Name], body, unsubscribe: false);
    }

    public OutboxMessage NewReport(AlertSubscription s, AlertArea area, ResidentRequest r)
    {
        using var _ = LocalizationSetup.InCulture(s.Language);
        var category = services.Name(r.ServiceCode);
        var body = l["A new report in {0}:", area.Name] + "\n\n" + category + "\n" + Trim(r.Description) + "\n\n" + l["Follow it at {0}", feedback.TrackUrl(r.Code)];
        return New(s, ReportEvent, r.Code, l["New report in {0}: {1}", area.Name, category], body);
    }

    public OutboxMessage NewEvent(AlertSubscription s, AlertArea area, CommunityEvent e)
    {
        using var _ = LocalizationSetup.InCulture(s.Language);
        var title = LocalizationSetup.Pick(e.TitleZh, e.TitleEn);
        var when = clock.ToLocal(e.StartsAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var description = LocalizationSetup.Pick(e.DescriptionZh ?? "", e.DescriptionEn ?? e.DescriptionZh ?? "");
        var body = l["A new event in {0}:", area.Name] + "\n\n" + title + "\n" + when + " · " + e.Address
            + (string.IsNullOrWhiteSpace(description) ? "" : "\n" + Trim(description)) + "\n\n" + l["The community's board: {0}", links.BoardUrl(area.Code)];
        return New(s, BoardEvent, area.Code, l["New event in {0}: {1}", area.Name, title], body);
    }

    /// <summary>One paragraph, at most <see cref="DescriptionLength"/> characters, with long runs of digits blanked.</summary>
    public static string Trim(string text)
    {
        var flat = Digits().Replace(Whitespace().Replace(text, " ").Trim(), "***");
        return flat.Length <= DescriptionLength ? flat : flat[..DescriptionLength].TrimEnd() + "…";
    }

    private OutboxMessage New(AlertSubscription s, string evt, string reference, string subject, string body, bool unsubscribe = true)
    {
        var now = time.GetUtcNow();
        var stop = links.UnsubscribeUrl(s.Key);
        if (unsubscribe)
        {
            body += "\n\n" + l["Stop these alerts: {0}", stop];
        }
        return new OutboxMessage
        {
            Key = Guid.CreateVersion7(now), Channel = OutboxChannel.Email, Event = evt, Reference = reference.Length > 60 ? reference[..60] : reference,
            AreaPath = s.AreaPath, Language = s.Language, Recipient = s.Email, RecipientHash = s.EmailHash, RecipientMasked = s.EmailMasked,
            Subject = subject.Length > 300 ? subject[..300] : subject, Body = protector.Protect(body), Unsubscribe = unsubscribe ? stop : null,
            State = OutboxState.Pending, CreatedAt = now, DueAt = now,
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex Digits();
}
