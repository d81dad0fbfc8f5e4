using Fengqiao.Features.Outbox;
namespace Fengqiao.Features.Diversions;

public static class DiversionSetup
{
    /// <summary>
    /// The 110 bridge for calls that are not police matters: the intake's secret (<c>Bridges:Police110</c>), the
    /// departments' signed links, and the commands that write each change with its outbox rows in one save.
    /// </summary>
    public static WebApplicationBuilder AddDiversions(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Police110Options>(builder.Configuration.GetSection(Police110Options.Section));
        builder.Services.AddSingleton<DiversionLinks>();
        builder.Services.AddSingleton<DiversionNotices>();
        builder.Services.AddScoped<DiversionCommands>();
        builder.Services.AddScoped<DepartmentDesk>();
        builder.Services.AddScoped<StationDesk>();
        builder.Services.AddWebhookEvent(DiversionNotices.Accepted, "A department signed for a 110 call diverted to it (签收).", typeof(DiversionWebhook));
        builder.Services.AddWebhookEvent(DiversionNotices.Answered, "The department answered the diverted call (办结).", typeof(DiversionWebhook));
        builder.Services.AddWebhookEvent(DiversionNotices.Returned, "The department returned the call to the police with a reason (退回).", typeof(DiversionWebhook));
        return builder;
    }
}
