using Fengqiao.Features.Demands.Department;
using Fengqiao.Features.Demands.Notices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Features.Demands;

public static class DemandsSetup
{
    /// <summary>
    /// Departments and staff hear of their work: the referral's message with the department's signed link, the daily
    /// overdue check, supervision notices to the people responsible, and the leaders' daily digest.
    /// <c>StaffNotices:Enabled=false</c> stops the daily checks on this node.
    /// </summary>
    public static WebApplicationBuilder AddDemands(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StaffNoticeOptions>(builder.Configuration.GetSection(StaffNoticeOptions.Section));
        builder.Services.AddSingleton<DepartmentLinks>();
        builder.Services.AddSingleton<StaffMail>();
        builder.Services.AddSingleton<IInterceptor, StaffNoticeInterceptor>();
        builder.Services.AddSingleton<OverdueReferrals>();
        builder.Services.AddSingleton<DailyDigest>();
        builder.Services.AddScoped<DepartmentDesk>();
        if (builder.Configuration.GetValue($"{StaffNoticeOptions.Section}:Enabled", true))
        {
            builder.Services.AddHostedService<StaffNoticeWorker>();
        }
        return builder;
    }
}
