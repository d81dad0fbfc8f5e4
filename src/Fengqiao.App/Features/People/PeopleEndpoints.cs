using Fengqiao.Features.Areas;
using Fengqiao.Features.Secondments;

namespace Fengqiao.Features.People;

public static class PeopleEndpoints
{
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStaffDirectory, StaffDirectory>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("People").RequireAuthorization(Policies.Staff);
        people.MapGet("/", List).WithName("ListPeople").WithSummary("Staff and volunteers in your jurisdiction: anyone homed or posted there.");
        people.MapGet("/{id:int}", Get).WithName("GetPerson").WithSummary("A person with all their posts.");
        people.MapPost("/", Create).RequireAuthorization(Policies.ManageStaff).WithName("CreatePerson");
        people.MapPut("/{id:int}", Update).RequireAuthorization(Policies.ManageStaff).WithName("UpdatePerson");
        people.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.ManageStaff).WithName("DeletePerson");
        people.MapPost("/{id:int}/posts", PostEndpoints.Add).RequireAuthorization(Policies.ManageStaff).WithName("AddPost");

        var posts = app.MapGroup("/api/posts").WithTags("People").RequireAuthorization(Policies.Staff);
        posts.MapGet("/{id:int}", PostEndpoints.Get).WithName("GetPost");
        posts.MapPut("/{id:int}", PostEndpoints.Update).RequireAuthorization(Policies.ManageStaff).WithName("UpdatePost");
        posts.MapPost("/{id:int}/end", PostEndpoints.End).RequireAuthorization(Policies.ManageStaff).WithName("EndPost");
        posts.MapDelete("/{id:int}", PostEndpoints.Delete).RequireAuthorization(Policies.ManageStaff).WithName("DeletePost");
        return app;
    }

    internal static IQueryable<Person> Filter(AppDb db, int? unit, string? area, PersonKind? kind, string? q, string? sort)
    {
        var query = db.People.AsNoTracking();
        if (unit is not null)
        {
            query = query.Where(p => p.HomeUnitId == unit || p.Posts.Any(x => x.UnitId == unit));
        }
        if (!string.IsNullOrWhiteSpace(area))
        {
            var prefix = db.SubtreePrefix(area);
            query = query.Where(p => p.HomeAreaPath.StartsWith(prefix) || p.Posts.Any(x => x.AreaPath.StartsWith(prefix)));
        }
        if (kind is not null)
        {
            query = query.Where(p => p.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.LikeContains(q);
            query = query.Where(p => EF.Functions.Like(p.NameZh, like, "\\") || EF.Functions.Like(p.NameEn, like, "\\") || p.BadgeNumber == q.Trim());
        }
        return sort switch
        {
            "-name" => query.OrderByDescending(p => p.NameEn),
            "kind" => query.OrderBy(p => p.Kind).ThenBy(p => p.NameEn),
            "since" => query.OrderBy(p => p.ServiceSinceYear).ThenBy(p => p.NameEn),
            _ => query.OrderBy(p => p.NameEn).ThenBy(p => p.Id),
        };
    }

    private static async Task<Ok<Page<PersonDto>>> List(
        AppDb db, int? unit, string? area, PersonKind? kind, string? q, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Filter(db, unit, area, kind, q, sort).ToDto().ToPageAsync(page, pageSize, ct));

    internal static async Task<PersonDetailDto?> DetailAsync(AppDb db, int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == id).ToDto().FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }
        // Only the posts inside the caller's jurisdiction are listed; the filter sees to that.
        var posts = await db.Posts.AsNoTracking().Where(p => p.PersonId == id)
            .OrderBy(p => p.EndDate != null).ThenByDescending(p => p.StartDate).ToDto().ToListAsync(ct);
        return new PersonDetailDto(person, posts);
    }

    private static async Task<Results<Ok<PersonDetailDto>, NotFound>> Get(AppDb db, int id, CancellationToken ct) =>
        await DetailAsync(db, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<PersonDto>, ValidationProblem>> Create(
        AppDb db, ChecksFactory checks, TimeProvider clock, PersonInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var person = new Person { NameZh = "", NameEn = "", HomeAreaPath = "" };
        if (!await PersonRules.ApplyAsync(db, c, person, input, clock, ct))
        {
            return c.Problem();
        }
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/people/{person.Id}", await db.People.Where(p => p.Id == person.Id).ToDto().FirstAsync(ct));
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Update(
        AppDb db, ChecksFactory checks, TimeProvider clock, IStringLocalizer<SharedResource> l, int id, PersonInput input, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().When(input.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok || !await PersonRules.ApplyAsync(db, c, person, input, clock, ct))
        {
            return c.Problem();
        }
        if (!await db.SaveVersionedAsync(person, input.Version!.Value, ct))
        {
            return Problems.Conflict(l, await db.People.AsNoTracking().Where(p => p.Id == id).ToDto().FirstAsync(ct));
        }
        return TypedResults.Ok(await db.People.AsNoTracking().Where(p => p.Id == id).ToDto().FirstAsync(ct));
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> Delete(
        AppDb db, IStringLocalizer<SharedResource> l, int id, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.Posts.IgnoreQueryFilters().AnyAsync(p => p.PersonId == id, ct)
            || await db.Secondments.IgnoreQueryFilters().AnyAsync(s => s.PersonId == id || s.MentorId == id, ct)
            || await db.Users.AnyAsync(u => u.PersonId == id, ct))
        {
            return Problems.Duplicate(l, "This person has posts, secondments or a sign-in; end their posts instead of deleting the record.");
        }
        db.People.Remove(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
