using System.Text.Json;
using Fengqiao.Features.Outbox;

namespace Fengqiao.Features.Diversions;

/// <summary>
/// The outbox rows a diversion causes, added by the command to the same save as the change: the department's e-mail with
/// its signed link when a diversion reaches it, and the signed webhook to 110 (and any other subscriber) when the
/// department signs for it, answers it or returns it. Departments write in Chinese, so their e-mail is in Chinese.
/// </summary>
public sealed class DiversionNotices(
    IOptions<OutboxOptions> options, FieldProtector protector, IStringLocalizer<SharedResource> l, DiversionLinks links, TimeProvider time, LocalClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Diverted = "diversion.diverted";
    public const string Accepted = "diversion.accepted";
    public const string Answered = "diversion.answered";
    public const string Returned = "diversion.returned";

    /// <summary>
    /// The e-mail to the department's contact, or null when the unit has no contact address (the diversion still stands
    /// and shows on the station's list; staff phone the department). No daily limit applies: that protects residents.
    /// </summary>
    public OutboxMessage? ToDepartment(Diversion d, DiversionKind kind, string? contactEmail)
    {
        if (contactEmail is null)
        {
            return null;
        }
        var address = protector.Unprotect(contactEmail).Trim().ToLowerInvariant();
        string subject, body;
        using (LocalizationSetup.InCulture(LocalizationSetup.Chinese))
        {
            subject = l["110 diversion {0}: {1}", d.IncidentNumber, kind.NameZh];
            var inv = CultureInfo.InvariantCulture;
            body = string.Join("\n", [
                l["The 110 command centre has diverted a call that is not a police matter to {0}.", d.UnitNameZh].Value,
                "",
                l["Incident number: {0}", d.IncidentNumber].Value,
                l["Received: {0}", clock.ToLocal(d.ReceivedAt).ToString("yyyy-MM-dd HH:mm", inv)].Value,
                l["Kind: {0}", kind.NameZh].Value,
                l["Legal basis: {0}", kind.LegalBasis].Value,
                l["Place: {0}", d.Address ?? "—"].Value,
                l["What the caller said: {0}", d.Summary].Value,
                l["Caller's phone: {0}", d.CallerPhoneMasked ?? "—"].Value,
                l["Answer due by: {0}", d.DueOn.ToString("yyyy-MM-dd", inv)].Value,
                "",
                l["Sign for it, answer it, or return it to the police with a reason, here (no account needed; the link expires on {0}):", clock.DayOf(links.Expiry).ToString("yyyy-MM-dd", inv)].Value,
                links.Url(new DiversionTicket(d.Id, d.Round)),
            ]);
        }
        return New(OutboxChannel.Email, Diverted, d, LocalizationSetup.Chinese, contactEmail, Mask.Email(address), subject, protector.Protect(body));
    }

    /// <summary>The signed webhooks for one event: the incident number and the public facts, no caller's data.</summary>
    public IEnumerable<OutboxMessage> Webhooks(Diversion d, string evt)
    {
        foreach (var hook in options.Value.Webhooks.Where(h => h.Events.Count == 0 || h.Events.Contains(evt)))
        {
            var message = New(OutboxChannel.Webhook, evt, d, LocalizationSetup.Chinese, null, hook.Name, null, null);
            var payload = new DiversionWebhook(message.Key, evt, time.GetUtcNow(), d.IncidentNumber, d.Status.ToString(), d.Answer, d.ReturnReason,
                d.UnitNameZh, d.UnitNameEn, d.DivertedAt, d.DueOn, d.AcceptedAt, d.AnsweredAt, d.ReturnedAt);
            message.Body = protector.Protect(JsonSerializer.Serialize(payload, Json));
            yield return message;
        }
    }

    private OutboxMessage New(OutboxChannel channel, string evt, Diversion d, string language, string? recipient, string masked, string? subject, string? body)
    {
        var now = time.GetUtcNow();
        return new OutboxMessage
        {
            Key = Guid.CreateVersion7(now), Channel = channel, Event = evt, Reference = d.IncidentNumber, AreaPath = d.AreaPath, Language = language,
            Recipient = recipient, RecipientHash = null, RecipientMasked = masked, Subject = subject, Body = body,
            State = OutboxState.Pending, CreatedAt = now, DueAt = now,
        };
    }
}

/// <summary>What 110 receives on <c>diversion.accepted</c>, <c>diversion.answered</c> and <c>diversion.returned</c>: no personal data.</summary>
public sealed record DiversionWebhook(
    Guid Id, string Event, DateTimeOffset OccurredAt, string IncidentNumber, string Status, string? Answer, string? ReturnReason,
    string Department, string DepartmentEn, DateTimeOffset DivertedAt, DateOnly DueOn, DateTimeOffset? AcceptedAt, DateTimeOffset? AnsweredAt,
    DateTimeOffset? ReturnedAt);
