using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Demands;

/// <summary>Starting a community project, and adding its members and orders. Shared by the API and the pages.</summary>
public static class ProjectCommands
{
    public static async Task<CommunityProject?> CreateAsync(AppDb db, Checks c, LocalClock clock, CommunityProjectInput i, CancellationToken ct)
    {
        c.Required("name", i.Name, 100).Required("sponsor", i.Sponsor, 200).Optional("description", i.Description, 2000);
        var area = string.IsNullOrWhiteSpace(i.AreaCode) ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == i.AreaCode, ct);
        c.When(area is null || area.Level < AreaLevel.Township || area.Level > AreaLevel.Community, "areaCode", "Give the street or community the project serves.");
        if (!c.Ok || area is null)
        {
            return null;
        }
        var project = new CommunityProject
        {
            Name = i.Name!.Trim(), Description = i.Description?.Trim() ?? "", AreaId = area.Id, AreaPath = area.Path,
            Sponsor = i.Sponsor!.Trim(), StartedOn = i.StartedOn ?? clock.Today,
        };
        db.CommunityProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }

    public static async Task<ChangeOutcome> AddMemberAsync(AppDb db, Checks c, LocalClock clock, int projectId, ProjectMemberInput i, CancellationToken ct)
    {
        if (!await db.CommunityProjects.AnyAsync(p => p.Id == projectId, ct))
        {
            return ChangeOutcome.NotFound;
        }
        c.Required("name", i.Name, 50).Required("role", i.Role, 50)
            .When(i.JoinedOn > clock.Today, "joinedOn", "A member cannot join on a day still to come.");
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        db.ProjectMembers.Add(new ProjectMember { ProjectId = projectId, Name = i.Name!.Trim(), Role = i.Role!.Trim(), JoinedOn = i.JoinedOn ?? clock.Today });
        await db.SaveChangesAsync(ct);
        return ChangeOutcome.Ok;
    }

    public static async Task<ChangeOutcome> AddOrderAsync(AppDb db, Checks c, LocalClock clock, int projectId, ProjectOrderInput i, CancellationToken ct)
    {
        if (!await db.CommunityProjects.AnyAsync(p => p.Id == projectId, ct))
        {
            return ChangeOutcome.NotFound;
        }
        c.Required("customer", i.Customer, 200).Required("item", i.Item, 200)
            .When(i.OrderedOn > clock.Today, "orderedOn", "An order cannot be recorded for a day still to come.")
            .When(i.Quantity is null or < 1 or > 1_000_000, "quantity", "Give a quantity of at least 1.")
            .When(i.AmountYuan is null or < 0m or > 100_000_000m, "amountYuan", "Give the amount in yuan (0 or more).");
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        db.ProjectOrders.Add(new ProjectOrder
        {
            ProjectId = projectId, OrderedOn = i.OrderedOn ?? clock.Today, Customer = i.Customer!.Trim(), Item = i.Item!.Trim(),
            Quantity = i.Quantity!.Value, AmountYuan = Math.Round(i.AmountYuan!.Value, 2),
        });
        await db.SaveChangesAsync(ct);
        return ChangeOutcome.Ok;
    }
}

/// <summary>Reading community projects: the list and the project page with its members, orders and the demands it answered.</summary>
public static class ProjectQueries
{
    public static IQueryable<CommunityProject> Filter(AppDb db, string? area, string? q)
    {
        var query = db.CommunityProjects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area);
            query = query.UnderPath(p => p.AreaPath, prefix);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(p => EF.Functions.Like(p.Name, like, "\\") || EF.Functions.Like(p.Sponsor, like, "\\") || EF.Functions.Like(p.Description, like, "\\"));
        }
        return query.OrderByDescending(p => p.StartedOn).ThenBy(p => p.Id);
    }

    public static IQueryable<CommunityProjectDto> ToDto(IQueryable<CommunityProject> q) =>
        q.Select(p => new CommunityProjectDto(p.Id, p.Name, p.Description, p.Area!.Code, p.Area.NameZh, p.Area.NameEn, p.Sponsor, p.StartedOn,
            p.Members.Count, p.Orders.Count, p.Demands.Count, p.Version));

    public static async Task<CommunityProjectDetail?> DetailAsync(AppDb db, int id, CancellationToken ct)
    {
        var project = await ToDto(db.CommunityProjects.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        if (project is null)
        {
            return null;
        }
        var members = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == id).OrderBy(m => m.JoinedOn).ThenBy(m => m.Id)
            .Select(m => new ProjectMemberDto(m.Id, m.Name, m.Role, m.JoinedOn)).ToListAsync(ct);
        var orders = await db.ProjectOrders.AsNoTracking().Where(o => o.ProjectId == id).OrderByDescending(o => o.OrderedOn).ThenByDescending(o => o.Id)
            .Select(o => new ProjectOrderDto(o.Id, o.OrderedOn, o.Customer, o.Item, o.Quantity, o.AmountYuan)).ToListAsync(ct);
        var demands = await DemandQueries.ToDto(db.Demands.AsNoTracking().Where(d => d.ProjectId == id).OrderByDescending(d => d.AnsweredOn).ThenByDescending(d => d.Id))
            .ToListAsync(ct);
        // Summed here: SQLite cannot add up decimals in SQL.
        return new CommunityProjectDetail(project, members, orders, orders.Sum(o => o.Quantity), orders.Sum(o => o.AmountYuan), demands);
    }
}
