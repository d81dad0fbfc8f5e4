using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Secondments;

/// <summary>Record, change or end a secondment. The rules are <see cref="SecondmentRules"/>, shared with the API.</summary>
public sealed class FormModel(AppDb db, ChecksFactory checks, LocalClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public int? PersonId { get; set; }
        public int? FromUnitId { get; set; }
        public int? ToUnitId { get; set; }
        public int? MentorId { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public string? Notes { get; set; }
        public long Version { get; set; }
    }

    private static readonly PostRole[] FrontLine = [PostRole.CommunityPolice, PostRole.PoliceOfficer, PostRole.StationDirector];

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public DateOnly? EndedOn { get; set; }

    public SecondmentDto? Current { get; private set; }
    public IReadOnlyList<UnitDto> Organs { get; private set; } = [];
    public IReadOnlyList<UnitDto> Stations { get; private set; } = [];
    /// <summary>A name to look for in the directory of the organs' staff: the officer picker lists what it finds.</summary>
    [BindProperty(SupportsGet = true)] public string? Find { get; set; }
    public IReadOnlyList<CandidateDto> Officers { get; private set; } = [];
    /// <summary>The caller holds the sending organ (its leaders, the province): they confirm what a station proposed.</summary>
    public bool CanConfirm => Current is { ConfirmedOn: null } && CanManage && db.Jurisdiction.Covers(FromAreaPath ?? "//");
    private string? FromAreaPath { get; set; }
    public IReadOnlyList<PersonDto> Mentors { get; private set; } = [];
    public bool CanManage => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Leader);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var s = await db.Secondments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (s is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                PersonId = s.PersonId, FromUnitId = s.FromUnitId, ToUnitId = s.ToUnitId, MentorId = s.MentorId,
                StartDate = s.StartDate, EndDate = s.EndDate, Notes = s.Notes, Version = s.Version,
            };
        }
        else if (!CanManage)
        {
            return Forbid();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }
        var s = Id is null ? new Secondment { FromAreaPath = "", ToAreaPath = "" } : await db.Secondments.FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (s is null)
        {
            return NotFound();
        }
        var c = checks.Create();
        var input = new SecondmentInput(Input.PersonId, Input.FromUnitId, Input.ToUnitId, Input.MentorId, Input.StartDate, Input.EndDate, Input.Notes, Input.Version);
        if (await SecondmentRules.ApplyAsync(db, c, s, input, ct))
        {
            SecondmentRules.Sign(db, s, clock.Today);
            if (await SaveAsync(s, ct))
            {
                return Redirect($"/secondments/edit/{s.Id}");
            }
        }
        return await ShowErrorsAsync(c, ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var s = await db.Secondments.FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (s is null)
        {
            return NotFound();
        }
        if (!CanManage || !db.Jurisdiction.Covers(s.FromAreaPath))
        {
            return Forbid();
        }
        if (!s.Confirmed)
        {
            SecondmentRules.Sign(db, s, clock.Today);
            if (!await SaveAsync(s, ct))
            {
                return await ShowErrorsAsync(checks.Create(), ct);
            }
        }
        return Redirect($"/secondments/edit/{s.Id}");
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }
        var s = await db.Secondments.FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (s is null)
        {
            return NotFound();
        }
        var c = checks.Create();
        SecondmentRules.End(c, s, EndedOn);
        if (c.Ok && await SaveAsync(s, ct))
        {
            return Redirect($"/secondments/edit/{s.Id}");
        }
        return await ShowErrorsAsync(c, ct);
    }

    private async Task<bool> SaveAsync(Secondment s, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var isNew = s.Id == 0;
        if (isNew)
        {
            db.Secondments.Add(s);
            await db.SaveChangesAsync(ct);
        }
        await SecondmentRules.SyncPostAsync(db, s, ct);
        if (!await db.SaveVersionedAsync(s, isNew ? s.Version : Input.Version, ct))
        {
            ModelState.AddModelError("", l["Someone else changed this record while you were editing it. Review the current version and try again."]);
            return false;
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<IActionResult> ShowErrorsAsync(Checks c, CancellationToken ct)
    {
        foreach (var (field, messages) in c.Errors)
        {
            messages.ForEach(m => ModelState.AddModelError(field == "endedOn" ? "EndedOn" : $"Input.{field}", m));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            Current = await SecondmentEndpoints.Project(db.Secondments.AsNoTracking().Where(x => x.Id == Id)).FirstOrDefaultAsync(ct);
            FromAreaPath = await db.Secondments.Where(x => x.Id == Id).Select(x => x.FromAreaPath).FirstOrDefaultAsync(ct);
        }
        Organs = await UnitEndpoints.Project(db, UnitEndpoints.Filter(db, null, null, null, "name")
            .Where(u => u.Kind == UnitKind.ProvincialDepartment || u.Kind == UnitKind.CityBureau)).ToListAsync(ct);
        Stations = await UnitEndpoints.Project(db, UnitEndpoints.Governed(db)
            .Where(u => u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation).OrderBy(u => u.NameEn)).Take(1000).ToListAsync(ct);
        var found = string.IsNullOrWhiteSpace(Find) ? [] : await SecondmentEndpoints.CandidatesAsync(db, Find.Trim(), ct);
        var chosen = Input.PersonId is { } chosenId && found.All(o => o.Id != chosenId)
            ? await SecondmentRules.Directory(db).Where(p => p.Id == chosenId)
                .Join(db.Units, p => p.HomeUnitId, u => u.Id, (p, u) => new CandidateDto(p.Id, p.NameZh, p.NameEn, u.Id, u.NameZh, u.NameEn)).ToListAsync(ct)
            : [];
        Officers = [.. chosen, .. found];
        var stationIds = Stations.Select(s => s.Id).ToList();
        Mentors = await db.People.AsNoTracking()
            .Where(p => p.Posts.Any(x => stationIds.Contains(x.UnitId) && FrontLine.Contains(x.Role) && x.EndDate == null))
            .OrderBy(p => p.NameEn).Take(1000).ToDto().ToListAsync(ct);
    }
}
