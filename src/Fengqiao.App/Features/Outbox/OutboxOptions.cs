namespace Fengqiao.Features.Outbox;

/// <summary>The <c>Outbox</c> section: where messages go, how often they are tried, and the residents' protections.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>The address residents' links start with (the public site), e.g. <c>https://fengqiao.example.gov.cn</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
    public SmtpOptions Smtp { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    public List<WebhookSubscription> Webhooks { get; set; } = [];

    /// <summary>Attempts before a message goes to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The first retry's wait; each next one doubles it (with jitter), up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long a worker holds a claimed message; one that dies mid-delivery leaves it to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often the worker looks for due messages when nothing has woken it.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 400;
    /// <summary>Messages of a batch sent at once (each mostly waits on its receiver); also the SMTP connections kept open.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Days after delivery (or dropping) that the recipient and the body are kept, then purged.</summary>
    public int RetentionDays { get; set; } = 30;
    /// <summary>No SMS between these local times (<c>22:00</c>–<c>07:00</c>); e-mail is not held.</summary>
    public TimeOnly QuietFrom { get; set; } = new(22, 0);
    public TimeOnly QuietUntil { get; set; } = new(7, 0);
    /// <summary>At most this many messages to one person in 24 hours; more wait for the next day.</summary>
    public int MaxPerRecipientPerDay { get; set; } = 10;
    /// <summary>Days after the resolution in which the resident may say "not resolved" and reopen the case.</summary>
    public int FeedbackDays { get; set; } = 15;
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no e-mail is sent (messages wait, and go to the dead-letter list after their attempts).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@fengqiao.local";
    public string FromName { get; set; } = "枫桥 Fengqiao";
}

/// <summary>
/// An HTTP SMS gateway in the shape Chinese providers use: a signed POST of JSON naming a pre-approved template, the
/// sign name (【某某派出所】) and the template's parameters. <see cref="Body"/> is the JSON with placeholders.
/// </summary>
public sealed class SmsOptions
{
    public string? Url { get; set; }
    public string AppKey { get; set; } = "";
    public string Secret { get; set; } = "";
    public string SignName { get; set; } = "枫桥警务";
    /// <summary>
    /// The request body; <c>{phone}</c>, <c>{sign}</c>, <c>{template}</c>, <c>{params}</c> (a JSON object),
    /// <c>{text}</c> and <c>{key}</c> are replaced, each as a JSON string value except <c>{params}</c>.
    /// </summary>
    public string Body { get; set; } = """{"PhoneNumbers":{phone},"SignName":{sign},"TemplateCode":{template},"TemplateParam":{params},"OutId":{key}}""";
    /// <summary>Template codes approved by the provider, per event (<c>request.received</c> → <c>SMS_0001</c>).</summary>
    public Dictionary<string, string> Templates { get; set; } = [];
}

/// <summary>A system that is told of events (110 or 12345, a city's platform): POSTed JSON, signed with its own secret.</summary>
public sealed class WebhookSubscription
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string Secret { get; set; } = "";
    /// <summary>Events it wants (<c>request.received</c>, <c>request.updated</c>, <c>request.resolved</c>, <c>request.reopened</c>); empty: all.</summary>
    public List<string> Events { get; set; } = [];
    /// <summary>Only reports that came in through this bridge (<c>12345</c>), each with its order number; empty: every report.</summary>
    public string? Bridge { get; set; }
}
