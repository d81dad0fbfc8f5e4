using System.Text.Json;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Outbox.Templates;

namespace Fengqiao.Features.Outbox;

/// <summary>What a resident's report has come to, as the resident and the connected systems are told of it.</summary>
public enum NoticeKind
{
    /// <summary>Received, with the tracking code, the station that took it and when an answer is due.</summary>
    Received,
    /// <summary>A change of status with its public note.</summary>
    Updated,
    /// <summary>Resolved: with the rating links and the right to say "not resolved".</summary>
    Resolved,
    /// <summary>Reopened, by the resident's "not resolved" or by staff.</summary>
    Reopened,
}

/// <summary>The facts a notice is made of: nothing about the reporter beyond the encrypted address it goes to.</summary>
/// <param name="NoteKey">A note from the app's own texts, rendered in the resident's language; otherwise <paramref name="Note"/> as staff wrote it for the public.</param>
public sealed record ReportNotice(ResidentRequest Request, NoticeKind Kind, string? Note, string? NoteKey, string? StationZh, string? StationEn, string? CaseCode = null)
{
    public string? StationName => StationZh is null ? null : LocalizationSetup.Pick(StationZh, StationEn ?? StationZh);
}

/// <summary>
/// Turns a report's notice into outbox rows: to the reporter (e-mail when they gave one, otherwise SMS), in their
/// language, and to every webhook subscribed to the event. Rendering happens here, once, so that what was sent is what
/// is stored (encrypted) until the retention period ends.
/// </summary>
public sealed class Notices(
    IOptions<OutboxOptions> options, FieldProtector protector, IStringLocalizer<SharedResource> l, FeedbackLinks links, TimeProvider time, LocalClock clock,
    EffectiveTemplates templates)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string EventName(NoticeKind kind) => kind switch
    {
        NoticeKind.Received => "request.received",
        NoticeKind.Updated => "request.updated",
        NoticeKind.Resolved => "request.resolved",
        _ => "request.reopened",
    };

    public IEnumerable<OutboxMessage> For(ReportNotice n)
    {
        if (ToReporter(n) is { } message)
        {
            yield return message;
        }
        foreach (var hook in Webhooks(n))
        {
            yield return hook;
        }
    }

    /// <summary>
    /// Whether <see cref="For"/> would write anything for this report and kind: a contact to tell, or a webhook that
    /// wants the event. Lets the hook skip what it reads only for messages (the station's name) when none will be written.
    /// </summary>
    public bool HasRecipient(ResidentRequest r, NoticeKind kind)
    {
        return r.Email is not null || r.Phone is not null || HooksFor(r, EventName(kind)).Any();
    }

    /// <summary>The configured webhooks that want <paramref name="evt"/> for this report (all, or those of its bridge).</summary>
    private IEnumerable<WebhookSubscription> HooksFor(ResidentRequest r, string evt) =>
        options.Value.Webhooks.Where(h => (h.Events.Count == 0 || h.Events.Contains(evt)) && (string.IsNullOrEmpty(h.Bridge) || h.Bridge == r.Bridge));

    private OutboxMessage? ToReporter(ReportNotice n)
    {
        var r = n.Request;
        var (channel, stored) = r.Email is not null ? (OutboxChannel.Email, r.Email) : r.Phone is not null ? (OutboxChannel.Sms, r.Phone) : default;
        if (stored is null)
        {
            return null;
        }
        var plain = protector.Unprotect(stored);
        var normalised = channel == OutboxChannel.Email ? plain.Trim().ToLowerInvariant() : new string(plain.Where(char.IsDigit).ToArray());
        var language = LocalizationSetup.Nearest(r.Language);
        string subject, body;
        using (LocalizationSetup.InCulture(language))
        {
            // One signed token per notice, shared by all its links.
            var token = n.Kind == NoticeKind.Resolved ? links.Token(r.Code) : null;
            string mail;
            try
            {
                (subject, mail) = Render(n, token, templates.For(n.Kind, language));
            }
            catch (Scriban.Syntax.ScriptRuntimeException)
            {
                // An administrator's template that fails on this report's values must not stop the report: the built-in wording goes.
                (subject, mail) = Render(n, token, templates.BuiltIn(n.Kind, language));
            }
            body = channel == OutboxChannel.Email ? mail : Sms(n, subject, token);
        }
        return New(channel, EventName(n.Kind), r, language, stored, protector.Hash(normalised),
            channel == OutboxChannel.Email ? Mask.Email(normalised) : Mask.Phone(normalised), subject, protector.Protect(body));
    }

    /// <summary>
    /// The placeholders' values for <paramref name="n"/> in the current culture: what every template of the notice may use
    /// (<see cref="TemplateCatalog.Placeholders"/>), nothing about the reporter.
    /// </summary>
    public Dictionary<string, string?> Values(ReportNotice n, string? token)
    {
        var code = n.Request.Code;
        var note = n.NoteKey is not null ? l[n.NoteKey].Value : string.IsNullOrWhiteSpace(n.Note) ? null : n.Note.Trim();
        var values = new Dictionary<string, string?>
        {
            ["code"] = code,
            ["station"] = n.StationName ?? l["the provincial command centre"].Value,
            ["due_date"] = n.Request.ExpectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—",
            ["status"] = l.Enum(n.Request.Status),
            ["note"] = note,
            ["track_link"] = links.TrackUrl(code),
            ["case_code"] = n.CaseCode,
        };
        if (n.Kind == NoticeKind.Resolved && token is not null)
        {
            values["rating_links"] = string.Join("\n", Enumerable.Range(1, 5).Reverse().Select(s => $"  {new string('★', s)}{new string('☆', 5 - s)}  {links.Url(token, s)}"));
            values["not_resolved_link"] = links.NotResolvedUrl(token);
            values["feedback_deadline"] = clock.DayOf(links.Expiry).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return values;
    }

    /// <summary>The subject and e-mail body of a notice from its effective templates, in the current culture.</summary>
    public (string Subject, string Body) Render(ReportNotice n, string? token, ParsedTemplate template)
    {
        var values = Values(n, token);
        // A subject is one line: a template's line breaks would end the header.
        var subject = string.Join(' ', TemplateText.Render(template.Subject, values).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return (subject.Length > TemplateCatalog.MaxSubject ? subject[..TemplateCatalog.MaxSubject] : subject, TemplateText.Render(template.Body, values));
    }

    /// <summary>The SMS text a notice with <paramref name="subject"/> is sent as (the gateway's own template aside).</summary>
    public string SmsText(ReportNotice n, string subject, string? token) =>
        $"【{options.Value.Sms.SignName}】{subject} {(token is null ? links.TrackUrl(n.Request.Code) : links.Url(token))}";

    /// <summary>
    /// An SMS is short: the sign name, what happened and one link (the feedback page after a resolution); the provider's
    /// pre-approved template gets the same facts as parameters.
    /// </summary>
    private string Sms(ReportNotice n, string subject, string? token)
    {
        var link = token is null ? links.TrackUrl(n.Request.Code) : links.Url(token);
        var parameters = new Dictionary<string, string> { ["code"] = n.Request.Code, ["station"] = n.StationName ?? "", ["link"] = link };
        return JsonSerializer.Serialize(new SmsBody(SmsText(n, subject, token), parameters), Json);
    }

    private IEnumerable<OutboxMessage> Webhooks(ReportNotice n)
    {
        var evt = EventName(n.Kind);
        foreach (var hook in HooksFor(n.Request, evt))
        {
            var payload = new WebhookPayload(Guid.Empty, evt, time.GetUtcNow(), n.Request.Code, n.Request.ServiceCode,
                ResidentRequests.Open311Status(n.Request, n.Kind == NoticeKind.Resolved), n.Request.Status.ToString(), n.Note ?? (n.NoteKey is null ? null : l[n.NoteKey].Value), n.StationZh, n.CaseCode, n.Request.BridgeOrder);
            var message = New(OutboxChannel.Webhook, evt, n.Request, LocalizationSetup.Chinese, null, null, hook.Name, null, null);
            message.Body = protector.Protect(JsonSerializer.Serialize(payload with { Id = message.Key }, Json));
            yield return message;
        }
    }

    private OutboxMessage New(OutboxChannel channel, string evt, ResidentRequest r, string language, string? recipient, string? hash, string masked,
        string? subject, string? body)
    {
        var now = time.GetUtcNow();
        return new OutboxMessage
        {
            Key = Guid.CreateVersion7(now), Channel = channel, Event = evt, Reference = r.Code, AreaPath = r.AreaPath, Language = language,
            Recipient = recipient, RecipientHash = hash, RecipientMasked = masked, Subject = subject, Body = body,
            State = OutboxState.Pending, CreatedAt = now, DueAt = now,
        };
    }
}

public sealed record SmsBody(string Text, Dictionary<string, string> Params);

/// <summary>What a webhook receives (documented in the OpenAPI document): no personal data, only the report's public facts.</summary>
/// <param name="OrderNumber">The other system's own number for a report that came in through a bridge (the 12345 work order's 工单号).</param>
public sealed record WebhookPayload(
    Guid Id, string Event, DateTimeOffset OccurredAt, string ServiceRequestId, string ServiceCode, string Status, string Detail, string? StatusNotes,
    string? AgencyResponsible, string? CaseCode, string? OrderNumber = null);
