using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Teams;

/// <summary>The lists and projections of the teams feature, shared by the API and the pages. Every query goes through the jurisdiction filter.</summary>
public static class TeamQueries
{
    public static IQueryable<TeamDto> Project(AppDb db, IQueryable<Team> q) =>
        q.Select(t => new TeamDto(t.Id, t.Name, t.Kind, t.Description, t.Area!.Code, t.Area.NameZh, t.Area.NameEn, t.StationUnitId,
            // A subquery, not a join: a reader below the station still sees the team, without the station's name.
            db.Set<Unit>().Where(u => u.Id == t.StationUnitId).Select(u => u.NameZh).FirstOrDefault(),
            db.Set<Unit>().Where(u => u.Id == t.StationUnitId).Select(u => u.NameEn).FirstOrDefault(),
            t.Members.Count(m => m.Active), t.Version));

    public static IQueryable<Team> Teams(AppDb db, TeamKind? kind, string? area, string? q) =>
        TeamFilter(db, kind, area, q).OrderBy(t => t.Kind).ThenBy(t => t.AreaPath).ThenBy(t => t.Id);

    private static IQueryable<Team> TeamFilter(AppDb db, TeamKind? kind, string? area, string? q)
    {
        var query = db.Teams.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(t => t.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area.Trim());
            query = query.UnderPath(t => t.AreaPath, prefix);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(t => EF.Functions.Like(t.Name, like, "\\") || EF.Functions.Like(t.Area!.NameZh, like, "\\") || EF.Functions.Like(t.Area!.NameEn, like, "\\"));
        }
        return query;
    }

    /// <summary>Teams of each kind in an area (the whole jurisdiction without one), and the people in them.</summary>
    public static async Task<TeamCountsDto> CountsAsync(AppDb db, string? area, CancellationToken ct)
    {
        var teams = TeamFilter(db, null, area, null);
        var byKind = await teams.GroupBy(t => t.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = teams.Select(t => t.Id);
        var members = db.TeamMembers.AsNoTracking().Where(m => m.Active && ids.Contains(m.TeamId));
        var active = await members.CountAsync(ct);
        var volunteers = await members.CountAsync(m => m.Team!.Kind == TeamKind.VolunteerPatrol, ct);
        return new TeamCountsDto(
            byKind.Where(k => k.Kind == TeamKind.CommunityPolice).Sum(k => k.Count),
            byKind.Where(k => k.Kind == TeamKind.VolunteerPatrol).Sum(k => k.Count),
            active, volunteers);
    }

    public static IQueryable<MemberDto> Members(IQueryable<TeamMember> q) =>
        q.OrderByDescending(m => m.Active).ThenBy(m => m.Role).ThenBy(m => m.JoinedOn).ThenBy(m => m.Id)
            .Select(m => new MemberDto(m.Id, m.TeamId, m.Name, m.Role, m.PersonId, m.UserId != null, m.JoinedOn, m.Active));

    public static async Task<TeamDetailDto?> TeamAsync(AppDb db, int id, CancellationToken ct)
    {
        var team = await Project(db, db.Teams.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            return null;
        }
        var members = await Members(db.TeamMembers.AsNoTracking().Where(m => m.TeamId == id)).ToListAsync(ct);
        return new TeamDetailDto(team, members);
    }

    public static IQueryable<PatrolDto> Project(IQueryable<PatrolLog> q) =>
        q.Select(p => new PatrolDto(p.Id, p.TeamId, p.Team!.Name, p.StartedAt, p.EndedAt, p.Route, p.Observations, p.Participants, p.LoggedByName));

    public static IQueryable<PatrolLog> Patrols(AppDb db, LocalClock clock, int? team, string? area, string? q, DateOnly? from, DateOnly? to)
    {
        var query = db.PatrolLogs.AsNoTracking();
        if (team is not null)
        {
            query = query.Where(p => p.TeamId == team);
        }
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area.Trim());
            query = query.UnderPath(p => p.AreaPath, prefix);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(p => EF.Functions.Like(p.Route, like, "\\") || EF.Functions.Like(p.Observations!, like, "\\")
                || EF.Functions.Like(p.Team!.Name, like, "\\") || EF.Functions.Like(p.LoggedByName, like, "\\"));
        }
        if (from is not null)
        {
            var start = clock.FromLocal(from.Value.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
            query = query.Where(p => p.StartedAt >= start);
        }
        if (to is not null)
        {
            var end = clock.FromLocal(to.Value.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
            query = query.Where(p => p.StartedAt < end);
        }
        return query.OrderByDescending(p => p.StartedAt).ThenByDescending(p => p.Id);
    }

    /// <summary>The tip as stored; callers pass each one through <see cref="TipPrivacy.For"/> before anyone sees it.</summary>
    public static IQueryable<TipDto> Project(IQueryable<Tip> q) =>
        q.Select(t => new TipDto(t.Id, t.Code, t.StationUnitId, t.Station!.NameZh, t.Station.NameEn, t.AreaPath, t.TeamId, t.Team != null ? t.Team.Name : null,
            t.Text, t.ReceivedAt, t.Status, t.AcknowledgedAt, t.HandledAt, t.HandledNote, false, t.TipsterName, t.TipsterPhoneMasked, t.Version));

    /// <summary>Tips by status, area, team and text. The tipster is never searched: a search must not tell who gave a tip.</summary>
    public static IQueryable<Tip> Tips(AppDb db, TipStatus? status, int? team, string? area, string? q)
    {
        var query = db.Tips.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(t => t.Status == status);
        }
        if (team is not null)
        {
            query = query.Where(t => t.TeamId == team);
        }
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area.Trim());
            query = query.UnderPath(t => t.AreaPath, prefix);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            var code = q.Trim();
            query = query.Where(t => EF.Functions.Like(t.Text, like, "\\") || t.Code == code);
        }
        return query.OrderBy(t => t.Status).ThenByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id);
    }

    public static async Task<Page<TipDto>> TipPageAsync(AppDb db, IQueryable<Tip> tips, int? page, int? pageSize, CancellationToken ct)
    {
        var found = await Project(tips).ToPageAsync(page, pageSize, ct);
        return found with { Items = [.. found.Items.Select(t => t.For(db.Jurisdiction))] };
    }

    public static async Task<TipDto?> TipAsync(AppDb db, int id, CancellationToken ct) =>
        (await Project(db.Tips.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(ct))?.For(db.Jurisdiction);

    public static IQueryable<OutreachDto> Project(IQueryable<OutreachActivity> q) =>
        q.Select(o => new OutreachDto(o.Id, o.Kind, o.Title, o.Place, o.HeldOn, o.Audience, o.Area!.Code, o.Area.NameZh, o.Area.NameEn,
            o.OfficerId, o.Officer != null ? o.Officer.NameZh : null, o.Officer != null ? o.Officer.NameEn : null));

    public static IQueryable<OutreachActivity> Outreach(AppDb db, OutreachKind? kind, string? area, string? q, DateOnly? from, DateOnly? to) =>
        OutreachFilter(db, kind, area, q, from, to).OrderByDescending(o => o.HeldOn).ThenByDescending(o => o.Id);

    /// <summary>The same filters without an order, for the numbers.</summary>
    public static IQueryable<OutreachActivity> OutreachFilter(AppDb db, OutreachKind? kind, string? area, string? q, DateOnly? from, DateOnly? to)
    {
        var query = db.OutreachActivities.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(o => o.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area.Trim());
            query = query.UnderPath(o => o.AreaPath, prefix);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(o => EF.Functions.Like(o.Title, like, "\\") || EF.Functions.Like(o.Place, like, "\\"));
        }
        if (from is not null)
        {
            query = query.Where(o => o.HeldOn >= from);
        }
        if (to is not null)
        {
            query = query.Where(o => o.HeldOn <= to);
        }
        return query;
    }

    /// <summary>Activities and people reached, in all and by kind, for the same filters as the list.</summary>
    public static async Task<OutreachSummaryDto> OutreachSummaryAsync(IQueryable<OutreachActivity> activities, CancellationToken ct)
    {
        var byKind = await activities.GroupBy(o => o.Kind)
            .Select(g => new { Kind = g.Key, Activities = g.Count(), Audience = g.Sum(o => o.Audience) })
            .ToListAsync(ct);
        var rows = byKind.OrderBy(k => k.Kind).Select(k => new OutreachKindCount(k.Kind, k.Activities, k.Audience)).ToList();
        return new OutreachSummaryDto(rows.Sum(r => r.Activities), rows.Sum(r => r.Audience), rows);
    }

    public static IQueryable<MeetingDto> Project(IQueryable<Meeting> q, DateOnly today) =>
        q.Select(m => new MeetingDto(m.Id, m.Area!.Code, m.Area.NameZh, m.Area.NameEn, m.HeldOn, m.PoliceAttendees, m.CommunityAttendees, m.Minutes,
            m.Tasks.Count, m.Tasks.Count(t => t.DoneOn == null), m.Tasks.Count(t => t.DoneOn == null && t.DueOn < today), m.Version));

    public static IQueryable<Meeting> Meetings(AppDb db, string? area, string? q)
    {
        var query = db.Meetings.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area.Trim());
            query = query.UnderPath(m => m.AreaPath, prefix);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(m => EF.Functions.Like(m.Minutes, like, "\\") || m.Tasks.Any(t => EF.Functions.Like(t.Description, like, "\\")));
        }
        return query.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id);
    }

    public static IQueryable<MeetingTaskDto> Project(IQueryable<MeetingTask> q) =>
        q.Select(t => new MeetingTaskDto(t.Id, t.MeetingId, t.Description, t.OwnerName, t.DueOn, t.DoneOn, t.Version));

    public static async Task<MeetingDetailDto?> MeetingAsync(AppDb db, int id, DateOnly today, CancellationToken ct)
    {
        var meeting = await Project(db.Meetings.AsNoTracking().Where(m => m.Id == id), today).FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }
        var tasks = await Project(db.MeetingTasks.AsNoTracking().Where(t => t.MeetingId == id).OrderBy(t => t.DueOn).ThenBy(t => t.Id)).ToListAsync(ct);
        return new MeetingDetailDto(meeting, tasks);
    }
}
