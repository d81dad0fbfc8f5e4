using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Teams;

/// <summary>
/// /api/teams, /api/patrols, /api/tips, /api/outreach and /api/meetings for staff (confined to their
/// jurisdiction like everything else), and /api/portal/volunteer for volunteers with a resident account.
/// </summary>
public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").WithTags("Teams and patrols").RequireAuthorization(Policies.Staff);
        teams.MapGet("/", ListTeams).WithName("ListTeams");
        teams.MapGet("/counts", Counts).WithName("CountTeams").WithSummary("Community police teams and volunteer patrol teams in an area, and their members.");
        teams.MapGet("/{id:int}", GetTeam).WithName("GetTeam");
        teams.MapPost("/", CreateTeam).WithName("CreateTeam").WithSummary("A team for a community or street; its tips go to the station of that area.");
        teams.MapPost("/{id:int}/members", AddMember).WithName("AddTeamMember")
            .WithSummary("Staff by personId; a volunteer by the user name of their resident account, so they can log patrols and send tips from the portal.");
        teams.MapPost("/{id:int}/members/{memberId:int}/leave", RemoveMember).WithName("RemoveTeamMember");

        var patrols = app.MapGroup("/api/patrols").WithTags("Teams and patrols").RequireAuthorization(Policies.Staff);
        patrols.MapGet("/", ListPatrols).WithName("ListPatrols");
        patrols.MapGet("/{id:int}", GetPatrol).WithName("GetPatrol");
        patrols.MapPost("/", LogPatrol).WithName("LogPatrol").WithSummary("Ends after it starts, not in the future, at most 24 hours.");

        var tips = app.MapGroup("/api/tips").WithTags("Teams and patrols").RequireAuthorization(Policies.Staff);
        tips.MapGet("/", ListTips).WithName("ListTips").WithSummary("Tips in your jurisdiction; the tipster only for the receiving station.");
        tips.MapGet("/{id:int}", GetTip).WithName("GetTip");
        tips.MapPost("/", RecordTip).WithName("RecordTip");
        tips.MapPost("/{id:int}/acknowledge", Acknowledge).WithName("AcknowledgeTip");
        tips.MapPost("/{id:int}/handle", Handle).WithName("HandleTip");
        tips.MapPost("/{id:int}/reveal-phone", RevealPhone).WithName("RevealTipsterPhone")
            .WithSummary("The tipster's full number for the receiving station, with a reason; the reveal is audited.");

        var outreach = app.MapGroup("/api/outreach").WithTags("Teams and patrols").RequireAuthorization(Policies.Staff);
        outreach.MapGet("/", ListOutreach).WithName("ListOutreach");
        outreach.MapGet("/summary", OutreachSummary).WithName("OutreachSummary").WithSummary("Activities and people reached, by kind.");
        outreach.MapGet("/{id:int}", GetOutreach).WithName("GetOutreach");
        outreach.MapPost("/", CreateOutreach).WithName("CreateOutreach");

        var meetings = app.MapGroup("/api/meetings").WithTags("Teams and patrols").RequireAuthorization(Policies.Staff);
        meetings.MapGet("/", ListMeetings).WithName("ListMeetings");
        meetings.MapGet("/{id:int}", GetMeeting).WithName("GetMeeting");
        meetings.MapPost("/", CreateMeeting).WithName("CreateMeeting").WithSummary("The weekly community meeting with its decisions as tasks.");
        meetings.MapPost("/{id:int}/tasks/{taskId:int}/done", MarkDone).WithName("MarkMeetingTaskDone").WithSummary("With the task's version; a stale one is 409.");

        var volunteer = app.MapGroup("/api/portal/volunteer").WithTags("Resident portal").RequireAuthorization(Policies.Resident);
        volunteer.MapGet("/teams", MyTeams).WithName("MyVolunteerTeams");
        volunteer.MapGet("/patrols", MyPatrols).WithName("MyPatrols");
        volunteer.MapPost("/patrols", VolunteerPatrol).WithName("LogMyPatrol");
        volunteer.MapGet("/tips", MyTips).WithName("MyTips");
        volunteer.MapPost("/tips", VolunteerTip).WithName("SendTip").WithSummary("A tip to the station of one of your teams; your name and phone go with it, for that station only.");
        return app;
    }

    // Teams

    private static async Task<Ok<Page<TeamDto>>> ListTeams(AppDb db, TeamKind? kind, string? area, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await TeamQueries.Project(db, TeamQueries.Teams(db, kind, area, q)).ToPageAsync(page, pageSize, ct));

    private static async Task<Ok<TeamCountsDto>> Counts(AppDb db, string? area, CancellationToken ct) =>
        TypedResults.Ok(await TeamQueries.CountsAsync(db, area, ct));

    private static async Task<Results<Ok<TeamDetailDto>, NotFound>> GetTeam(AppDb db, int id, CancellationToken ct) =>
        await TeamQueries.TeamAsync(db, id, ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();

    private static async Task<Results<Created<TeamDetailDto>, ValidationProblem>> CreateTeam(AppDb db, ChecksFactory checks, TeamInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var team = await TeamCommands.CreateAsync(db, c, i, ct);
        return team is null ? c.Problem() : TypedResults.Created($"/api/teams/{team.Id}", (await TeamQueries.TeamAsync(db, team.Id, ct))!);
    }

    private static async Task<Results<Created<MemberDto>, NotFound, ValidationProblem>> AddMember(
        AppDb db, ChecksFactory checks, UserManager<AppUser> users, LocalClock clock, int id, MemberInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var (outcome, member) = await TeamCommands.AddMemberAsync(db, c, users, clock, id, i, ct);
        return outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            _ => TypedResults.Created($"/api/teams/{id}", await TeamQueries.Members(db.TeamMembers.AsNoTracking().Where(m => m.Id == member!.Id)).FirstAsync(ct)),
        };
    }

    private static async Task<Results<NoContent, NotFound>> RemoveMember(AppDb db, int id, int memberId, CancellationToken ct) =>
        await TeamCommands.RemoveMemberAsync(db, id, memberId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    // Patrols

    private static async Task<Ok<Page<PatrolDto>>> ListPatrols(
        AppDb db, LocalClock clock, int? team, string? area, string? q, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await TeamQueries.Project(TeamQueries.Patrols(db, clock, team, area, q, from, to)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<PatrolDto>, NotFound>> GetPatrol(AppDb db, int id, CancellationToken ct) =>
        await TeamQueries.Project(db.PatrolLogs.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct) is { } log ? TypedResults.Ok(log) : TypedResults.NotFound();

    private static async Task<Results<Created<PatrolDto>, ValidationProblem>> LogPatrol(AppDb db, ChecksFactory checks, LocalClock clock, PatrolInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var (_, log) = await TeamCommands.LogPatrolAsync(db, c, clock, i, ct);
        return log is null
            ? c.Problem()
            : TypedResults.Created($"/api/patrols/{log.Id}", await TeamQueries.Project(db.PatrolLogs.AsNoTracking().Where(p => p.Id == log.Id)).FirstAsync(ct));
    }

    // Tips

    private static async Task<Ok<Page<TipDto>>> ListTips(AppDb db, TipStatus? status, int? team, string? area, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await TeamQueries.TipPageAsync(db, TeamQueries.Tips(db, status, team, area, q), page, pageSize, ct));

    private static async Task<Results<Ok<TipDto>, NotFound>> GetTip(AppDb db, int id, CancellationToken ct) =>
        await TeamQueries.TipAsync(db, id, ct) is { } tip ? TypedResults.Ok(tip) : TypedResults.NotFound();

    private static async Task<Results<Created<TipDto>, ValidationProblem>> RecordTip(
        AppDb db, ChecksFactory checks, FieldProtector protector, LocalClock clock, TipInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var tip = await TipCommands.RecordAsync(db, c, protector, clock, i, ct);
        return tip is null ? c.Problem() : TypedResults.Created($"/api/tips/{tip.Id}", (await TeamQueries.TipAsync(db, tip.Id, ct))!);
    }

    private static async Task<Results<Ok<TipDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> Acknowledge(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, TipVersionInput i, CancellationToken ct)
    {
        var c = checks.Create();
        return await TipAnswerAsync(db, c, l, id, await TipCommands.AcknowledgeAsync(db, c, clock, id, i.Version, ct), ct);
    }

    private static async Task<Results<Ok<TipDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> Handle(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, HandleTipInput i, CancellationToken ct)
    {
        var c = checks.Create();
        return await TipAnswerAsync(db, c, l, id, await TipCommands.HandleAsync(db, c, clock, id, i, ct), ct);
    }

    private static async Task<Results<Ok<TipDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> TipAnswerAsync(
        AppDb db, Checks c, IStringLocalizer<SharedResource> l, int id, ChangeOutcome outcome, CancellationToken ct) => outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.Forbidden => Forbidden(l, "Only the receiving station works on a tip."),
            ChangeOutcome.WrongState => Problems.Duplicate(l, "This tip has already moved on; reload it."),
            ChangeOutcome.Conflict => Problems.Conflict(l, (await TeamQueries.TipAsync(db, id, ct))!),
            _ => TypedResults.Ok((await TeamQueries.TipAsync(db, id, ct))!),
        };

    private static async Task<Results<Ok<RevealedPhoneDto>, NotFound, ValidationProblem, ProblemHttpResult>> RevealPhone(
        AppDb db, ChecksFactory checks, FieldProtector protector, IOptions<PrivacyOptions> privacy, IStringLocalizer<SharedResource> l,
        ClaimsPrincipal user, int id, RevealInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var mayReveal = privacy.Value.Revealers.Any(user.IsInRole);
        var (outcome, phone) = await TipCommands.RevealPhoneAsync(db, c, protector, mayReveal, id, i, ct);
        return outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.Forbidden => Forbidden(l, "Only the receiving station sees the tipster."),
            _ => TypedResults.Ok(new RevealedPhoneDto(phone)),
        };
    }

    internal static ProblemHttpResult Forbidden(IStringLocalizer l, string message) =>
        TypedResults.Problem(title: l[message], statusCode: StatusCodes.Status403Forbidden);

    // Outreach

    private static async Task<Ok<Page<OutreachDto>>> ListOutreach(
        AppDb db, OutreachKind? kind, string? area, string? q, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await TeamQueries.Project(TeamQueries.Outreach(db, kind, area, q, from, to)).ToPageAsync(page, pageSize, ct));

    private static async Task<Ok<OutreachSummaryDto>> OutreachSummary(
        AppDb db, OutreachKind? kind, string? area, string? q, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        TypedResults.Ok(await TeamQueries.OutreachSummaryAsync(TeamQueries.OutreachFilter(db, kind, area, q, from, to), ct));

    private static async Task<Results<Ok<OutreachDto>, NotFound>> GetOutreach(AppDb db, int id, CancellationToken ct) =>
        await TeamQueries.Project(db.OutreachActivities.AsNoTracking().Where(o => o.Id == id)).FirstOrDefaultAsync(ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound();

    private static async Task<Results<Created<OutreachDto>, ValidationProblem>> CreateOutreach(
        AppDb db, ChecksFactory checks, LocalClock clock, OutreachInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var activity = await OutreachCommands.CreateAsync(db, c, clock, i, ct);
        return activity is null
            ? c.Problem()
            : TypedResults.Created($"/api/outreach/{activity.Id}", await TeamQueries.Project(db.OutreachActivities.AsNoTracking().Where(o => o.Id == activity.Id)).FirstAsync(ct));
    }

    // Meetings

    private static async Task<Ok<Page<MeetingDto>>> ListMeetings(AppDb db, LocalClock clock, string? area, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await TeamQueries.Project(TeamQueries.Meetings(db, area, q), clock.Today).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<MeetingDetailDto>, NotFound>> GetMeeting(AppDb db, LocalClock clock, int id, CancellationToken ct) =>
        await TeamQueries.MeetingAsync(db, id, clock.Today, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    private static async Task<Results<Created<MeetingDetailDto>, ValidationProblem>> CreateMeeting(
        AppDb db, ChecksFactory checks, LocalClock clock, MeetingInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var meeting = await MeetingCommands.CreateAsync(db, c, clock, i, ct);
        return meeting is null ? c.Problem() : TypedResults.Created($"/api/meetings/{meeting.Id}", (await TeamQueries.MeetingAsync(db, meeting.Id, clock.Today, ct))!);
    }

    private static async Task<Results<Ok<MeetingTaskDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> MarkDone(
        AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l, int id, int taskId, TaskDoneInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var outcome = await MeetingCommands.MarkDoneAsync(db, c, clock, id, taskId, i, ct);
        var current = TeamQueries.Project(db.MeetingTasks.AsNoTracking().Where(t => t.Id == taskId));
        return outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.WrongState => Problems.Duplicate(l, "This decision has already been carried out."),
            ChangeOutcome.Conflict => Problems.Conflict(l, await current.FirstAsync(ct)),
            _ => TypedResults.Ok(await current.FirstAsync(ct)),
        };
    }

    // The volunteer's own

    private static string Me(UserManager<AppUser> users, ClaimsPrincipal user) =>
        users.GetUserId(user) ?? throw new InvalidOperationException("A signed-in resident has a user id.");

    private static async Task<Ok<List<VolunteerTeamDto>>> MyTeams(AppDb db, UserManager<AppUser> users, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await Volunteers.TeamsAsync(db, Me(users, user), ct));

    private static async Task<Ok<List<PatrolDto>>> MyPatrols(AppDb db, UserManager<AppUser> users, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await Volunteers.PatrolsAsync(db, Me(users, user), ct));

    private static async Task<Ok<List<VolunteerTipDto>>> MyTips(AppDb db, UserManager<AppUser> users, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await Volunteers.TipsAsync(db, Me(users, user), ct));

    private static async Task<Results<Created<PatrolDto>, ValidationProblem>> VolunteerPatrol(
        AppDb db, ChecksFactory checks, LocalClock clock, UserManager<AppUser> users, ClaimsPrincipal user, PatrolInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var me = Me(users, user);
        var log = await Volunteers.LogPatrolAsync(db, c, clock, me, i, ct);
        return log is null
            ? c.Problem()
            : TypedResults.Created("/api/portal/volunteer/patrols",
                await TeamQueries.Project(db.PatrolLogs.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == log.Id && p.LoggedByUserId == me)).FirstAsync(ct));
    }

    private static async Task<Results<Created<VolunteerTipDto>, ValidationProblem>> VolunteerTip(
        AppDb db, ChecksFactory checks, FieldProtector protector, LocalClock clock, UserManager<AppUser> users, ClaimsPrincipal user,
        VolunteerTipInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var account = await users.GetUserAsync(user) ?? throw new InvalidOperationException("A signed-in resident has an account.");
        var tip = await Volunteers.SendTipAsync(db, c, protector, clock, account.Id, account.PhoneNumber, i, ct);
        if (tip is null)
        {
            return c.Problem();
        }
        return TypedResults.Created("/api/portal/volunteer/tips", await Volunteers.TipAsync(db, account.Id, tip.Id, ct));
    }
}
