using Fengqiao.Features.Areas;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.Households.Import;
using Fengqiao.Features.Open311;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Units;
using Fengqiao.Features.Visits;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Tests.Security;

/// <summary>The kinds of record a route parameter can name.</summary>
public enum Kind
{
    Area, Unit, Person, Post, Secondment, Dispute, Danger, Notice, Outlet, Counter, Appointment, ServiceRecord, Review, Rectification,
    Request, Household, Resident, Import, Demand, Project, Campaign, Visit, Team, Patrol, Tip, Outreach, Meeting,
}

/// <summary>
/// A record the account must not see: its id, the code routes call it by (areas, Open311 requests), text only it carries
/// (for spotting it in any answer), a child (a team's member, a meeting's task) and contact details no answer may show.
/// </summary>
public sealed record Foreign(Kind Kind, long Id, string? Code, string? Text, long? Child, string? Secret);

/// <summary>What an account may see, worked out here from its active posts, independently of the app's own middleware.</summary>
public sealed record AccountScope(string Account, bool All, IReadOnlyList<string> Paths, string? UserId)
{
    public bool Covers(string? path) => path is not null && (All || Paths.Any(p => path.StartsWith(p, StringComparison.Ordinal)));
}

/// <summary>A candidate record with the area paths that decide who sees it.</summary>
public sealed class Row
{
    public long Id { get; init; }
    public string Path { get; init; } = "";
    public string? Path2 { get; init; }
    public string? Code { get; init; }
    public string? Text { get; init; }
    public string? Owner { get; init; }
    public string? Secret { get; init; }
}

/// <summary>
/// Picks, per account and per kind, a record of another jurisdiction straight from the database (past every filter):
/// first in the account's rival street (Chongqing Road against Xi'an Avenue, and the grid officer's own street outside her
/// community), else anywhere outside the account's scope. A kind with no such record gets none (the sweep then uses a bogus id).
/// </summary>
public static class SweepTargets
{
    public const string Chongqing = "220104001";
    public const string Xian = "220106001";

    /// <summary>Where each account's foreign records are looked for first.</summary>
    public static string RivalOf(string? account) => account switch
    {
        "demo.officer2" or "demo.grid" or "demo.clerk" => Chongqing,
        "demo.province" => "22", // the whole province is in scope: nothing is foreign, so every id is a bogus one
        _ => Xian,
    };

    private static IQueryable<T> All<T>(AppDb db) where T : class => db.Set<T>().IgnoreQueryFilters().AsNoTracking();

    private static readonly Dictionary<Kind, Func<AppDb, IQueryable<Row>>> Rows = new()
    {
        [Kind.Area] = db => All<Area>(db).Where(a => a.Level == AreaLevel.Community).OrderBy(a => a.Id).Select(a => new Row { Id = a.Id, Path = a.Path, Code = a.Code }),
        [Kind.Unit] = db => All<Unit>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath }),
        [Kind.Person] = db => All<Person>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.HomeAreaPath }),
        [Kind.Post] = db => All<Post>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath }),
        [Kind.Secondment] = db => All<Secondment>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.ToAreaPath, Path2 = x.FromAreaPath }),
        [Kind.Dispute] = db => All<Dispute>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Code }),
        [Kind.Danger] = db => All<Danger>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Code }),
        [Kind.Notice] = db => All<SupervisionNotice>(db).OrderBy(x => x.Id)
            .Select(x => new Row { Id = x.Id, Path = x.AreaPath, Path2 = x.SubjectAreaPath, Text = x.SubjectCode }),
        [Kind.Outlet] = db => All<Outlet>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath }),
        [Kind.Counter] = db => All<Counter>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.Outlet!.AreaPath }),
        [Kind.Appointment] = db => All<Appointment>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Owner = x.UserId }),
        [Kind.ServiceRecord] = db => All<ServiceRecord>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Code, Owner = x.UserId }),
        [Kind.Review] = db => All<Review>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath }),
        [Kind.Rectification] = db => All<Rectification>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath }),
        [Kind.Request] = db => All<ResidentRequest>(db).OrderBy(x => x.Id)
            .Select(x => new Row { Id = x.Id, Path = x.AreaPath, Code = x.Code, Text = x.Code, Owner = x.UserId, Secret = x.Email ?? x.Phone }),
        [Kind.Household] = db => All<Household>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Code }),
        [Kind.Resident] = db => All<Resident>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath }),
        [Kind.Import] = db => All<ImportJob>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath }),
        [Kind.Demand] = db => All<Demand>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Code }),
        [Kind.Project] = db => All<CommunityProject>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Name }),
        [Kind.Campaign] = db => All<Campaign>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Name }),
        [Kind.Visit] = db => All<Visit>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Notes }),
        [Kind.Team] = db => All<Team>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Name }),
        [Kind.Patrol] = db => All<PatrolLog>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Route }),
        [Kind.Tip] = db => All<Tip>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Code }),
        [Kind.Outreach] = db => All<OutreachActivity>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Title }),
        [Kind.Meeting] = db => All<Meeting>(db).OrderBy(x => x.Id).Select(x => new Row { Id = x.Id, Path = x.AreaPath, Text = x.Minutes }),
    };

    /// <summary>Kinds whose text is free prose (not a unique code): used only when no other record contains it.</summary>
    private static readonly HashSet<Kind> Prose = [Kind.Project, Kind.Campaign, Kind.Visit, Kind.Team, Kind.Patrol, Kind.Outreach, Kind.Meeting];

    public static async Task<AccountScope> ScopeAsync(AppDb db, DateOnly today, string? account, CancellationToken ct)
    {
        if (account is null)
        {
            return new("anonymous", false, [], null);
        }
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == account, ct);
        var admin = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == user.Id && r.Name == Roles.Administrator
                           select ur.UserId).AnyAsync(ct);
        List<string> paths = user.PersonId is { } person
            ? await All<Post>(db).Where(p => p.PersonId == person && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
                .Select(p => p.AreaPath).ToListAsync(ct)
            : [];
        return new(account, admin, paths, user.Id);
    }

    /// <summary>One foreign record per kind (or none), for one account.</summary>
    public static async Task<Dictionary<Kind, Foreign?>> FindAsync(AppDb db, AccountScope scope, string rivalCode, Dictionary<string, bool> proseChecked, CancellationToken ct)
    {
        var rival = await All<Area>(db).Where(a => a.Code == rivalCode).Select(a => a.Path).FirstAsync(ct);
        var found = new Dictionary<Kind, Foreign?>();
        foreach (var kind in Enum.GetValues<Kind>())
        {
            found[kind] = await PickAsync(db, kind, scope, rival, proseChecked, ct) ?? await PickAsync(db, kind, scope, "/", proseChecked, ct);
        }
        return found;
    }

    private static async Task<Foreign?> PickAsync(AppDb db, Kind kind, AccountScope scope, string prefix, Dictionary<string, bool> proseChecked, CancellationToken ct)
    {
        if (scope.All)
        {
            return null;
        }
        // Only Path is filtered in SQL (a member the projection does not set cannot be translated); HiddenAsync checks the rest.
        var query = Rows[kind](db).Where(r => r.Path.StartsWith(prefix));
        foreach (var path in scope.Paths)
        {
            query = query.Where(r => !r.Path.StartsWith(path));
        }
        var rows = await query.Take(40).ToListAsync(ct);
        Foreign? plain = null;
        var proseTries = 0;
        foreach (var row in rows)
        {
            if (!await HiddenAsync(db, kind, row, scope, ct))
            {
                continue;
            }
            if (plain is not null && ++proseTries > 5)
            {
                break; // five records whose prose others share too: keep the first for the status checks, without text
            }
            var text = Prose.Contains(kind) ? await MarkerAsync(db, row.Text, proseChecked, ct) : row.Text;
            // Contact details count only when no other report carries the same ones (the demo may reuse a number).
            var secret = row.Secret is { Length: >= 5 } s && await All<ResidentRequest>(db).CountAsync(x => x.Email == s || x.Phone == s, ct) == 1 ? s : null;
            var foreign = new Foreign(kind, row.Id, row.Code, text, await ChildAsync(db, kind, row.Id, ct), secret);
            if (text is not null || row.Text is null)
            {
                return foreign;
            }
            plain ??= foreign; // a record whose prose is not unique still serves for the status checks
        }
        return plain;
    }

    /// <summary>The app's own rule, restated: outside every scope path (and, for campaigns, not covering one either), not the account's own.</summary>
    private static async Task<bool> HiddenAsync(AppDb db, Kind kind, Row r, AccountScope s, CancellationToken ct)
    {
        if (s.Covers(r.Path) || s.Covers(r.Path2) || (r.Owner is not null && r.Owner == s.UserId))
        {
            return false;
        }
        var id = (int)r.Id;
        return kind switch
        {
            // Units serving an area above the account (its station, bureau, department) are visible by name, by design.
            Kind.Unit => !s.Paths.Any(p => p.StartsWith(r.Path, StringComparison.Ordinal)),
            Kind.Person => !(await All<Post>(db).Where(p => p.PersonId == id).Select(p => p.AreaPath).ToListAsync(ct)).Any(s.Covers)
                && !(await All<Secondment>(db).Where(x => x.PersonId == id).Select(x => x.ToAreaPath).ToListAsync(ct)).Any(s.Covers),
            Kind.Campaign => !(await All<CampaignArea>(db).Where(a => a.CampaignId == id).Select(a => a.AreaPath).ToListAsync(ct))
                .Any(a => s.Covers(a) || s.Paths.Any(p => p.StartsWith(a, StringComparison.Ordinal))),
            _ => true,
        };
    }

    private static async Task<long?> ChildAsync(AppDb db, Kind kind, long parent, CancellationToken ct)
    {
        var id = (int)parent;
        return kind switch
        {
            Kind.Team => await All<TeamMember>(db).Where(m => m.TeamId == id).OrderBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct),
            Kind.Meeting => await All<MeetingTask>(db).Where(t => t.MeetingId == id).OrderBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }

    /// <summary>
    /// The first line of a record's prose (at most 40 characters), if no other record of any prose column contains it:
    /// so finding it in an answer can only mean this record was shown.
    /// </summary>
    private static async Task<string?> MarkerAsync(AppDb db, string? text, Dictionary<string, bool> proseChecked, CancellationToken ct)
    {
        var marker = (text ?? "").Split('\n')[0].Trim();
        marker = marker.Length > 40 ? marker[..40].Trim() : marker;
        if (marker.Length < 6 || marker.IndexOfAny(['"', '\\', '<', '>', '&', '\'']) >= 0)
        {
            return null;
        }
        if (!proseChecked.TryGetValue(marker, out var unique))
        {
            var like = Paging.LikeContains(marker);
            var count = 0;
            foreach (var column in ProseColumns)
            {
                count += await column(db, like, ct);
            }
            proseChecked[marker] = unique = count == 1;
        }
        return unique ? marker : null;
    }

    private static readonly Func<AppDb, string, CancellationToken, Task<int>>[] ProseColumns =
    [
        (db, l, ct) => All<Visit>(db).CountAsync(x => EF.Functions.Like(x.Notes, l, "\\"), ct),
        (db, l, ct) => All<Demand>(db).CountAsync(x => EF.Functions.Like(x.Description, l, "\\"), ct),
        (db, l, ct) => All<Meeting>(db).CountAsync(x => EF.Functions.Like(x.Minutes, l, "\\"), ct),
        (db, l, ct) => All<MeetingTask>(db).CountAsync(x => EF.Functions.Like(x.Description, l, "\\"), ct),
        (db, l, ct) => All<OutreachActivity>(db).CountAsync(x => EF.Functions.Like(x.Title, l, "\\") || EF.Functions.Like(x.Place, l, "\\"), ct),
        (db, l, ct) => All<Team>(db).CountAsync(x => EF.Functions.Like(x.Name, l, "\\") || EF.Functions.Like(x.Description!, l, "\\"), ct),
        (db, l, ct) => All<PatrolLog>(db).CountAsync(x => EF.Functions.Like(x.Route, l, "\\") || EF.Functions.Like(x.Observations!, l, "\\"), ct),
        (db, l, ct) => All<CommunityProject>(db).CountAsync(x => EF.Functions.Like(x.Name, l, "\\") || EF.Functions.Like(x.Description, l, "\\"), ct),
        (db, l, ct) => All<Campaign>(db).CountAsync(x => EF.Functions.Like(x.Name, l, "\\") || EF.Functions.Like(x.Description!, l, "\\"), ct),
        (db, l, ct) => All<Dispute>(db).CountAsync(x => EF.Functions.Like(x.Title, l, "\\") || EF.Functions.Like(x.Summary, l, "\\"), ct),
        (db, l, ct) => All<Tip>(db).CountAsync(x => EF.Functions.Like(x.Text, l, "\\"), ct),
        (db, l, ct) => All<Danger>(db).CountAsync(x => EF.Functions.Like(x.Description, l, "\\"), ct),
    ];
}
