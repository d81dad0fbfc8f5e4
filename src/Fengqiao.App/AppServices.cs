using Fengqiao.Features.Areas;
using Fengqiao.Features.Bridges;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Demo;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Diversions;
using Fengqiao.Features.Households;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Outbox;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Statistics;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Users;
using Fengqiao.Infrastructure.Audit;
using Fengqiao.Infrastructure.Cluster;
using Fengqiao.Infrastructure.Data.Replica;
using Fengqiao.Infrastructure.Telemetry;

namespace Fengqiao;

/// <summary>
/// Every service of Fengqiao, in one list that the web app (Program.cs) and the operator tools (src/Fengqiao.Tools) both
/// build from, so that a command sees the same configuration, database provider and privacy keys as the app.
/// </summary>
public static class AppServices
{
    public static WebApplicationBuilder AddFengqiao(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.AddDatabase();
        builder.AddCluster();
        builder.AddReadReplica();
        builder.AddStaffAuth();
        builder.AddLimits();
        builder.AddLocalizationSupport();
        builder.AddProblems();
        builder.AddPrivacy();
        builder.AddAudit();
        builder.AddWebUi();
        builder.AddApiDocs();
        builder.AddAreas();
        builder.AddPeople();
        builder.AddCalendar();
        builder.AddDisputes();
        builder.AddSupervision();
        builder.AddPublicServices();
        builder.AddOpen311();
        builder.AddOutbox();
        builder.AddBridges();
        builder.AddDiversions();
        builder.AddHouseholds();
        builder.AddDemands();
        builder.AddUsers();
        builder.AddStatistics();
        builder.AddDemo();
        return builder;
    }
}
