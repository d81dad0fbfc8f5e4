using Fengqiao.Features.Units;

namespace Fengqiao.Features.Teams;

/// <summary>
/// What a volunteer does from the resident portal: log a patrol of their team, send a tip to its
/// station, see their own logs and tips. Residents hold no post, so the area filters would hide
/// everything: every read here sets them aside on purpose, and is anchored on the signed-in
/// resident's own user id (their memberships, their logs, their tips) — nothing else.
/// </summary>
public static class Volunteers
{
    /// <summary>How many of the volunteer's latest logs and tips are shown.</summary>
    public const int Shown = 20;

    /// <summary>The resident's active memberships. The root of every other read here.</summary>
    public static IQueryable<TeamMember> Memberships(AppDb db, string userId) =>
        db.TeamMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == userId && m.Active);

    public static Task<List<VolunteerTeamDto>> TeamsAsync(AppDb db, string userId, CancellationToken ct) =>
        Memberships(db, userId).OrderBy(m => m.Team!.Name).ThenBy(m => m.TeamId)
            .Select(m => new VolunteerTeamDto(m.TeamId, m.Team!.Name, m.Team.Kind, m.Role, m.Name, m.Team.Area!.NameZh, m.Team.Area.NameEn,
                db.Set<Unit>().Where(u => u.Id == m.Team.StationUnitId).Select(u => u.NameZh).FirstOrDefault(),
                db.Set<Unit>().Where(u => u.Id == m.Team.StationUnitId).Select(u => u.NameEn).FirstOrDefault()))
            .ToListAsync(ct);

    public static Task<List<PatrolDto>> PatrolsAsync(AppDb db, string userId, CancellationToken ct) =>
        TeamQueries.Project(db.PatrolLogs.IgnoreQueryFilters().AsNoTracking().Where(p => p.LoggedByUserId == userId)
                .OrderByDescending(p => p.StartedAt).ThenByDescending(p => p.Id).Take(Shown))
            .ToListAsync(ct);

    public static Task<List<VolunteerTipDto>> TipsAsync(AppDb db, string userId, CancellationToken ct) =>
        ToDto(OwnTips(db, userId).OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id).Take(Shown)).ToListAsync(ct);

    /// <summary>One of the resident's own tips (however old: a draft replayed late answers with the tip it made).</summary>
    public static Task<VolunteerTipDto> TipAsync(AppDb db, string userId, int id, CancellationToken ct) =>
        ToDto(OwnTips(db, userId).Where(t => t.Id == id)).FirstAsync(ct);

    private static IQueryable<Tip> OwnTips(AppDb db, string userId) =>
        db.Tips.IgnoreQueryFilters().AsNoTracking().Where(t => t.SubmittedByUserId == userId);

    private static IQueryable<VolunteerTipDto> ToDto(IQueryable<Tip> q) =>
        q.Select(t => new VolunteerTipDto(t.Id, t.Code, t.Team != null ? t.Team.Name : null, t.Text, t.ReceivedAt, t.Status));

    private sealed record Target(string Name, int TeamId, int StationUnitId, string? StationAreaPath);

    /// <summary>One of the resident's teams, with the area of the station that receives its tips.</summary>
    private static IQueryable<Target> Targets(AppDb db, string userId, int teamId) =>
        Memberships(db, userId).Where(m => m.TeamId == teamId)
            .Select(m => new Target(m.Name, m.TeamId, m.Team!.StationUnitId,
                db.Set<Unit>().Where(u => u.Id == m.Team.StationUnitId).Select(u => u.AreaPath).FirstOrDefault()));

    /// <summary>The volunteer logs a patrol of one of their own teams; they are the one who logged it.</summary>
    public static async Task<PatrolLog?> LogPatrolAsync(AppDb db, Checks c, LocalClock clock, string userId, PatrolInput i, CancellationToken ct)
    {
        // A draft sent again (the answer lost to a dropped signal) is the patrol already logged, not a second one.
        if (await SentPatrolAsync(db, userId, i.ClientId, ct) is { } sent)
        {
            return sent;
        }
        var member = i.TeamId is null ? null : await Memberships(db, userId).Where(m => m.TeamId == i.TeamId)
            .Select(m => new { m.Name, m.TeamId, m.Team!.AreaPath }).FirstOrDefaultAsync(ct);
        c.When(member is null, "teamId", "Choose one of your teams.");
        TeamCommands.CheckPatrol(c, clock, i);
        if (!c.Ok)
        {
            return null;
        }
        var log = TeamCommands.NewPatrol(member!.TeamId, member.AreaPath, i, userId, member.Name);
        log.ClientId = i.ClientId;
        db.PatrolLogs.Add(log);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (i.ClientId is not null && DbErrors.IsUniqueViolation(e))
        {
            // The same draft, sent twice at once: the other request saved it first (the unique index on ClientId).
            db.ChangeTracker.Clear();
            return await SentPatrolAsync(db, userId, i.ClientId, ct) ?? throw new InvalidOperationException("A patrol log failed to save.", e);
        }
        return log;
    }

    /// <summary>The volunteer's own patrol log made from the draft with this device-made id, if it has arrived already.</summary>
    private static async Task<PatrolLog?> SentPatrolAsync(AppDb db, string userId, Guid? clientId, CancellationToken ct) =>
        clientId is null ? null
            : await db.PatrolLogs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.ClientId == clientId && p.LoggedByUserId == userId, ct);

    /// <summary>The volunteer's own tip made from the draft with this device-made id, if it has arrived already.</summary>
    private static async Task<Tip?> SentTipAsync(AppDb db, string userId, Guid? clientId, CancellationToken ct) =>
        clientId is null ? null
            : await db.Tips.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.ClientId == clientId && t.SubmittedByUserId == userId, ct);

    /// <summary>
    /// The volunteer sends a tip to the station of one of their teams. Their name (as the team knows
    /// them) and their phone (given, or their account's) are recorded as the tipster's.
    /// </summary>
    public static async Task<Tip?> SendTipAsync(
        AppDb db, Checks c, FieldProtector protector, LocalClock clock, string userId, string? accountPhone, VolunteerTipInput i, CancellationToken ct)
    {
        // A draft sent again is the tip already received: the station gets it once.
        if (await SentTipAsync(db, userId, i.ClientId, ct) is { } sent)
        {
            return sent;
        }
        var target = i.TeamId is null ? null : await Targets(db, userId, i.TeamId.Value).FirstOrDefaultAsync(ct);
        c.When(target is null || target.StationAreaPath is null, "teamId", "Choose one of your teams.");
        TipCommands.CheckText(c, i.Text);
        var phone = string.IsNullOrWhiteSpace(i.Phone) ? accountPhone : i.Phone;
        TipCommands.CheckPhone(c, "phone", phone);
        if (!c.Ok)
        {
            return null;
        }
        try
        {
            return await TipCommands.ReceiveAsync(db, protector, clock,
                new TipCommands.TipTarget(target!.StationUnitId, target.StationAreaPath!, target.TeamId, target.Name, phone, userId), i.Text!, ct, i.ClientId);
        }
        catch (DbUpdateException e) when (i.ClientId is not null && DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await SentTipAsync(db, userId, i.ClientId, ct) ?? throw new InvalidOperationException("A tip failed to save.", e);
        }
    }
}
