using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Board;

public sealed record BoardArea(
    int Id, string Code, string NameZh, string NameEn, string Path, string? BoundaryGeoJson, double? CentreLat, double? CentreLng)
{
    /// <summary>The city's code: the second segment of the path ("/22/2201/…" → "2201"), the board's "force".</summary>
    public string CityCode => BoardQueries.Segments(Path) is { Length: > 1 } s ? s[1] : "";
}

/// <summary>A unit as the public sees it: its name and address (no telephone is stored; no one's own number is shown).</summary>
public sealed record BoardUnit(int Id, string Code, string NameZh, string NameEn, string? Address, double? Lat, double? Lng);

/// <summary>A person on the board: name, role in this community, and the unit to contact.</summary>
public sealed record BoardPerson(
    int PersonId, string NameZh, string NameEn, PostRole Role, string? Title, IReadOnlyList<PostRole> OtherRoles, BoardUnit Unit);

public sealed record BoardPriority(
    string IssueZh, string IssueEn, DateOnly IssueDate, string? ActionZh, string? ActionEn, DateOnly? ActionDate);

public sealed record BoardEvent(
    string TitleZh, string TitleEn, string? DescriptionZh, string? DescriptionEn, string Address,
    DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Kind);

public sealed record CommunityBoard(
    BoardArea Community, BoardUnit? Station, BoardUnit? Committee, IReadOnlyList<BoardPerson> People,
    IReadOnlyList<BoardPriority> Priorities, IReadOnlyList<BoardEvent> Events);

/// <summary>
/// Reads for the public community police board. Anyone may read it, so every query ignores the
/// jurisdiction filters and projects only public fields: names, roles, units and their addresses.
/// </summary>
public static class BoardQueries
{
    private static readonly PostRole[] CommitteeRoles =
        [PostRole.CommunitySecretary, PostRole.CommitteeDeputyDirector, PostRole.CommitteeMember, PostRole.GridOfficer];

    private static readonly PostRole[] PoliceRoles = [PostRole.CommunityPolice];

    public static string[] Segments(string path) => path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every path from the root down to and including <paramref name="path"/>.</summary>
    public static string[] PathsDownTo(string path)
    {
        var segments = Segments(path);
        var paths = new string[segments.Length];
        var current = "/";
        for (var i = 0; i < segments.Length; i++)
        {
            current += segments[i] + "/";
            paths[i] = current;
        }
        return paths;
    }

    /// <summary>A community by its code, or null when there is none.</summary>
    public static Task<BoardArea?> CommunityAsync(AppDb db, string code, CancellationToken ct) =>
        db.Areas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Code == code && a.Level == AreaLevel.Community)
            .Select(a => new BoardArea(a.Id, a.Code, a.NameZh, a.NameEn, a.Path, a.BoundaryGeoJson, a.CentreLat, a.CentreLng))
            .FirstOrDefaultAsync(ct);

    public static async Task<CommunityBoard?> LoadAsync(AppDb db, LocalClock clock, string code, CancellationToken ct)
    {
        var community = await CommunityAsync(db, code, ct);
        if (community is null)
        {
            return null;
        }
        var station = await StationAsync(db, community, ct);
        var committee = await CommitteeAsync(db, community, ct);
        var people = await PeopleAsync(db, clock.Today, station, committee, community, ct);
        var priorities = await PrioritiesAsync(db, community, ct);
        var events = await EventsAsync(db, clock.Now, community, ct);
        return new CommunityBoard(community, station, committee, people, priorities, events);
    }

    /// <summary>The police station serving the community: the station of the nearest enclosing area.</summary>
    public static Task<BoardUnit?> StationAsync(AppDb db, BoardArea community, CancellationToken ct)
    {
        var paths = PathsDownTo(community.Path);
        return db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => (u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation) && paths.Contains(u.AreaPath))
            .OrderByDescending(u => u.AreaPath.Length).ThenBy(u => u.Code)
            .Select(u => new BoardUnit(u.Id, u.Code, u.NameZh, u.NameEn, u.Address, u.Lat, u.Lng))
            .FirstOrDefaultAsync(ct);
    }

    public static Task<BoardUnit?> CommitteeAsync(AppDb db, BoardArea community, CancellationToken ct) =>
        db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Kind == UnitKind.CommunityCommittee && u.AreaId == community.Id)
            .OrderBy(u => u.Code)
            .Select(u => new BoardUnit(u.Id, u.Code, u.NameZh, u.NameEn, u.Address, u.Lat, u.Lng))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The community police officer(s) first — the station's community police who also hold a post
    /// on this community's committee; failing that, those whose post names this community; failing
    /// that, all the station's community police — then the committee's cadres and grid officers.
    /// </summary>
    public static async Task<IReadOnlyList<BoardPerson>> PeopleAsync(
        AppDb db, DateOnly today, BoardUnit? station, BoardUnit? committee, BoardArea community, CancellationToken ct)
    {
        List<PostRow> committeePosts = committee is null ? [] : await ActivePosts(db, today, committee.Id, CommitteeRoles).ToListAsync(ct);
        List<PostRow> stationPolice = station is null ? [] : await ActivePosts(db, today, station.Id, PoliceRoles).ToListAsync(ct);

        var onCommittee = committeePosts.Select(p => p.PersonId).ToHashSet();
        var police = stationPolice.Where(p => onCommittee.Contains(p.PersonId)).ToList();
        if (police.Count == 0)
        {
            police = stationPolice.Where(p => p.Title is not null && p.Title.Contains(community.NameZh, StringComparison.Ordinal)).ToList();
        }
        if (police.Count == 0)
        {
            police = stationPolice;
        }

        var people = new List<BoardPerson>();
        foreach (var officer in police.DistinctBy(x => x.PersonId).OrderBy(x => x.NameZh, StringComparer.Ordinal))
        {
            var also = committeePosts.Where(c => c.PersonId == officer.PersonId).Select(c => c.Role).Distinct().OrderBy(Rank).ToList();
            people.Add(new BoardPerson(officer.PersonId, officer.NameZh, officer.NameEn, PostRole.CommunityPolice, officer.Title, also, station!));
        }
        var shown = police.Select(p => p.PersonId).ToHashSet();
        var cadres = committeePosts.Where(p => !shown.Contains(p.PersonId))
            .GroupBy(p => p.PersonId)
            .Select(g =>
            {
                var ordered = g.OrderBy(p => Rank(p.Role)).ToList();
                var main = ordered[0];
                var others = ordered.Skip(1).Select(p => p.Role).Where(r => r != main.Role).Distinct().ToList();
                return new BoardPerson(main.PersonId, main.NameZh, main.NameEn, main.Role, main.Title, others, committee!);
            })
            .OrderBy(p => Rank(p.Role)).ThenBy(p => p.Title?.Length ?? 0).ThenBy(p => p.Title, StringComparer.Ordinal)
            .ThenBy(p => p.NameZh, StringComparer.Ordinal);
        people.AddRange(cadres);
        return people;
    }

    public static async Task<IReadOnlyList<BoardPriority>> PrioritiesAsync(AppDb db, BoardArea community, CancellationToken ct) =>
        await db.Set<CommunityPriority>().AsNoTracking()
            .Where(p => p.AreaId == community.Id)
            .OrderByDescending(p => p.IssueDate).ThenBy(p => p.Id)
            .Select(p => new BoardPriority(p.IssueZh, p.IssueEn, p.IssueDate, p.ActionZh, p.ActionEn, p.ActionDate))
            .ToListAsync(ct);

    /// <summary>Events that have not started yet, soonest first.</summary>
    public static async Task<IReadOnlyList<BoardEvent>> EventsAsync(AppDb db, DateTimeOffset now, BoardArea community, CancellationToken ct) =>
        await db.Set<CommunityEvent>().AsNoTracking()
            .Where(e => e.AreaId == community.Id && e.StartsAt >= now)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Take(50)
            .Select(e => new BoardEvent(e.TitleZh, e.TitleEn, e.DescriptionZh, e.DescriptionEn, e.Address, e.StartsAt, e.EndsAt, e.Kind))
            .ToListAsync(ct);

    private static int Rank(PostRole role) => role switch
    {
        PostRole.CommunityPolice => 0,
        PostRole.CommunitySecretary => 1,
        PostRole.CommitteeDeputyDirector => 2,
        PostRole.CommitteeMember => 3,
        PostRole.GridOfficer => 4,
        _ => 5,
    };

    private sealed record PostRow(int PersonId, string NameZh, string NameEn, PostRole Role, string? Title);

    private static IQueryable<PostRow> ActivePosts(AppDb db, DateOnly today, int unitId, PostRole[] roles) =>
        db.Posts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.UnitId == unitId && roles.Contains(p.Role) && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
            .Select(p => new PostRow(p.PersonId, p.Person!.NameZh, p.Person.NameEn, p.Role, p.Title));
}
