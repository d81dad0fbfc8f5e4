using Fengqiao.Features.Outbox.Channels;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Features.Outbox;

public static class OutboxSetup
{
    /// <summary>
    /// The loop outside: the notices hook on every save, the channels (SMTP, the SMS gateway, webhooks) and the worker that
    /// delivers. <c>Outbox:Enabled=false</c> stops delivery on this node (the messages wait in the table).
    /// </summary>
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<FeedbackLinks>();
        builder.Services.AddSingleton<Notices>();
        builder.Services.AddSingleton<Templates.EffectiveTemplates>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<NoticeInterceptor>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<NoticeInterceptor>());
        builder.Services.AddSingleton<IInterceptor, CommitSignal>();
        builder.Services.AddSingleton<Alerts.AlertLinks>();
        builder.Services.AddSingleton<Alerts.AlertMessages>();
        builder.Services.AddSingleton<IInterceptor, Alerts.AlertInterceptor>();
        builder.Services.AddScoped<Alerts.AreaAlerts>();
        builder.Services.AddHttpClient(nameof(SmsChannel), c => c.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddHttpClient(nameof(WebhookChannel), c => c.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton<IChannel, EmailChannel>();
        builder.Services.AddSingleton<IChannel, SmsChannel>();
        builder.Services.AddSingleton<IChannel, WebhookChannel>();
        builder.Services.AddSingleton<OutboxWorker>();
        builder.Services.AddOutboxGauges();
        if (builder.Configuration.GetValue($"{OutboxOptions.Section}:Enabled", true))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        }
        builder.Services.AddScoped<ResidentFeedback>();
        builder.Services.AddScoped<OutboxAdmin>();
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddWebhooks());
        foreach (var e in WebhookDocs.ReportEvents)
        {
            builder.Services.AddWebhookEvent(e.Name, e.Summary, e.Payload);
        }
        builder.Services.AddScoped<Templates.TemplateEditor>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(OutboxEndpoints.AdminPolicy, p => p.RequireRole(Roles.Administrator));
        return builder;
    }
}
