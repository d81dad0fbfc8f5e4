namespace Fengqiao.Features.People;

/// <summary>Adding, changing and ending a person's posts. Routes are mapped in <see cref="PeopleEndpoints"/>.</summary>
public static class PostEndpoints
{
    private static Task<PostDto> ReadAsync(AppDb db, int id, CancellationToken ct) =>
        db.Posts.AsNoTracking().Where(p => p.Id == id).ToDto().FirstAsync(ct);

    internal static async Task<Results<Ok<PostDto>, NotFound>> Get(AppDb db, int id, CancellationToken ct) =>
        await db.Posts.AsNoTracking().Where(p => p.Id == id).ToDto().FirstOrDefaultAsync(ct) is { } dto
            ? TypedResults.Ok(dto)
            : TypedResults.NotFound();

    internal static async Task<Results<Created<PostDto>, NotFound, ValidationProblem>> Add(
        AppDb db, ChecksFactory checks, int id, PostInput input, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create();
        var post = new Post { AreaPath = "" };
        if (await PostRules.ApplyAsync(db, c, person, post, input, ct) is null)
        {
            return c.Problem();
        }
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/posts/{post.Id}", await ReadAsync(db, post.Id, ct));
    }

    internal static async Task<Results<Ok<PostDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Update(
        AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, PostInput input, CancellationToken ct)
    {
        var post = await db.Posts.Include(p => p.Person).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post?.Person is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create().When(input.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok || await PostRules.ApplyAsync(db, c, post.Person, post, input, ct) is null)
        {
            return c.Problem();
        }
        return await db.SaveVersionedAsync(post, input.Version!.Value, ct)
            ? TypedResults.Ok(await ReadAsync(db, id, ct))
            : Problems.Conflict(l, await ReadAsync(db, id, ct));
    }

    internal static async Task<Results<Ok<PostDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> End(
        AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, EndInput input, CancellationToken ct)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return TypedResults.NotFound();
        }
        var c = checks.Create()
            .When(input.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.")
            .When(input.EndDate is null, "endDate", "This field is required.")
            .When(input.EndDate < post.StartDate, "endDate", "The end date cannot be before the start date.")
            .When(post.SecondmentId is not null, "endDate", "This post belongs to a secondment; end the secondment instead.");
        if (!c.Ok)
        {
            return c.Problem();
        }
        post.EndDate = input.EndDate;
        return await db.SaveVersionedAsync(post, input.Version!.Value, ct)
            ? TypedResults.Ok(await ReadAsync(db, id, ct))
            : Problems.Conflict(l, await ReadAsync(db, id, ct));
    }

    internal static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> Delete(
        AppDb db, IStringLocalizer<SharedResource> l, int id, CancellationToken ct)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return TypedResults.NotFound();
        }
        if (post.SecondmentId is not null)
        {
            return Problems.Duplicate(l, "This post belongs to a secondment; end the secondment instead.");
        }
        db.Posts.Remove(post);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
