using Fengqiao.Features.Secondments;

namespace Fengqiao.Features.People;

/// <summary>A person with every post they hold (in your jurisdiction), their secondments, and ending a post.</summary>
public sealed class DetailModel(AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l) : PageModel
{
    public PersonDetailDto Detail { get; private set; } = null!;
    public IReadOnlyList<SecondmentDto> Secondments { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEndAsync(int id, int postId, DateOnly? endDate, long version, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Administrator) && !User.IsInRole(Roles.Leader))
        {
            return Forbid();
        }
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.PersonId == id, ct);
        if (post is null)
        {
            return NotFound();
        }
        var c = checks.Create()
            .When(endDate is null, "endDate", "This field is required.")
            .When(endDate < post.StartDate, "endDate", "The end date cannot be before the start date.")
            .When(post.SecondmentId is not null, "endDate", "This post belongs to a secondment; end the secondment instead.");
        if (c.Ok)
        {
            post.EndDate = endDate;
            Message = await db.SaveVersionedAsync(post, version, ct)
                ? l["The post has ended."]
                : l["Someone else changed this record while you were editing it. Review the current version and try again."];
        }
        foreach (var (field, messages) in c.Errors)
        {
            messages.ForEach(m => ModelState.AddModelError($"end-{postId}", m));
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var detail = await PeopleEndpoints.DetailAsync(db, id, ct);
        if (detail is null)
        {
            return false;
        }
        Detail = detail;
        Secondments = await SecondmentEndpoints.Project(db.Secondments.AsNoTracking().Where(s => s.PersonId == id || s.MentorId == id)
            .OrderByDescending(s => s.StartDate)).ToListAsync(ct);
        return true;
    }
}
