using Fengqiao.Features.Units;

namespace Fengqiao.Features.People;

/// <summary>Add a post to a person, or change one. The rules are <see cref="PostRules"/>, shared with the API.</summary>
public sealed class PostFormModel(AppDb db, ChecksFactory checks, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public int? UnitId { get; set; }
        public PostRole? Role { get; set; }
        public string? Title { get; set; }
        public bool PartTime { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? PersonId { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }
        if (Id is not null)
        {
            var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id && p.SecondmentId == null, ct);
            if (post is null)
            {
                return NotFound();
            }
            PersonId = post.PersonId;
            Input = new InputModel
            {
                UnitId = post.UnitId, Role = post.Role, Title = post.Title, PartTime = post.PartTime,
                StartDate = post.StartDate, EndDate = post.EndDate, Version = post.Version,
            };
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }
        var post = Id is null ? new Post { AreaPath = "" } : await db.Posts.FirstOrDefaultAsync(p => p.Id == Id && p.SecondmentId == null, ct);
        if (post is null)
        {
            return NotFound();
        }
        PersonId ??= post.PersonId;
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == PersonId, ct);
        if (person is null)
        {
            return NotFound();
        }
        var c = checks.Create();
        var input = new PostInput(Input.UnitId, Input.Role, Input.Title, Input.PartTime, Input.StartDate, Input.EndDate, Input.Version);
        if (await PostRules.ApplyAsync(db, c, person, post, input, ct) is not null)
        {
            if (Id is null)
            {
                db.Posts.Add(post);
                await db.SaveChangesAsync(ct);
                return Redirect($"/people/{person.Id}");
            }
            if (await db.SaveVersionedAsync(post, Input.Version, ct))
            {
                return Redirect($"/people/{person.Id}");
            }
            ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
        }
        foreach (var (field, messages) in c.Errors)
        {
            messages.ForEach(m => ModelState.AddModelError($"Input.{field}", m));
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private bool CanManage => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Leader);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == PersonId).ToDto().FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return false;
        }
        Person = person;
        Units = await UnitEndpoints.Project(db, UnitEndpoints.Governed(db).OrderBy(u => u.AreaPath).ThenBy(u => u.Id)).Take(1000).ToListAsync(ct);
        return true;
    }
}
