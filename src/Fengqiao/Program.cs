using Fengqiao;
using Fengqiao.Features.Account;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Board;
using Fengqiao.Features.Bridges;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Diversions;
using Fengqiao.Features.Households;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Outbox;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Statistics;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Units;
using Fengqiao.Features.Users;
using Fengqiao.Features.Visits;
using Fengqiao.Infrastructure.Audit;
using Fengqiao.Infrastructure.Cluster;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Data.Replica;
using Fengqiao.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

// The services, shared with the operator tools (src/Fengqiao.Tools): AppServices.cs.
builder.AddFengqiao();

var app = builder.Build();
app.UseRollupZone();

// A web node's start: SQLite, the embedded default, migrates and seeds itself (holidays, catalogue, roles, demo, counts);
// PostgreSQL only checks that `migrate` has run, which does both.
await app.Services.PrepareDatabaseAsync();
await app.Services.SeedIfEmbeddedAsync();
await app.Services.PrepareCalendarAsync();

app.UseWebPipeline();
app.MapHealth();
app.MapReadiness();
app.MapReplicaLag();
app.MapApiDocs();
app.MapAccount();
app.MapAudit();
app.MapUsers();
app.MapAreas();
app.MapUnits();
app.MapPeople();
app.MapSecondments();
app.MapCalendar();
app.MapDisputes();
app.MapDangers();
app.MapSupervision();
app.MapPublicServices();
app.MapOpen311();
app.MapOutbox();
app.MapBridges();
app.MapHouseholds();
app.MapDemands();
app.MapDiversions();
app.MapVisits();
app.MapTeams();
app.MapNeighbourhoods();
app.MapBoardEditing();
app.MapStatistics();
app.MapRazorPages();

app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
