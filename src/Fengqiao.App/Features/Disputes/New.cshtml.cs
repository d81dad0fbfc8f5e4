using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Disputes;

/// <summary>Register a case. Before saving, possible repeats are shown and the officer chooses: a new case, linked, or merged.</summary>
public sealed class NewModel(AppDb db, DisputeRegistration registration, ChecksFactory checks, DisputeCategories categories, LocalClock clock) : PageModel
{
    public sealed class PartyForm
    {
        public PartyRole? Role { get; set; }
        public string? Name { get; set; }
    }

    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public DisputeSource? Source { get; set; }
        public string? Category { get; set; }
        public RiskColour? Risk { get; set; }
        public int? PeopleInvolved { get; set; } = 2;
        public string? Address { get; set; }
        public string? AreaCode { get; set; }
        public double? Lat { get; set; }
        public double? Lng { get; set; }
        public int? ResponsibleOfficerId { get; set; }
        public int? CoHandlerId { get; set; }
        public HandlerRole? CoHandlerRole { get; set; }
        public List<PartyForm> Parties { get; set; } = [new() { Role = PartyRole.Applicant }, new() { Role = PartyRole.Respondent }, new() { Role = PartyRole.ThirdParty }];
        /// <summary>"new", "link:ID" or "merge:ID" once repeats were shown.</summary>
        public string? RepeatChoice { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>Made on the device (js/drafts.js): the case is registered once however often the form is sent.</summary>
    [BindProperty] public Guid? ClientId { get; set; }
    [BindProperty(SupportsGet = true)] public DisputeSource? Source { get; set; }

    public IReadOnlyList<RepeatCandidate> Repeats { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name, AreaLevel Level)> Places { get; private set; } = [];
    public IReadOnlyList<PersonDto> Officers { get; private set; } = [];
    public IReadOnlyList<PersonDto> Community { get; private set; } = [];
    public DisputeCategories Categories => categories;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Source = Source;
        Input.ResponsibleOfficerId = db.Jurisdiction.PersonId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A draft sent again after a lost answer: the case it registered, before its own name is taken for a repeat.
        if (await registration.SentAsync(ClientId, ct) is { } sent)
        {
            return Redirect($"/disputes/{sent.Id}");
        }
        var parties = Input.Parties.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Select(p => new PartyInput(p.Role, p.Name, null, null)).ToList();
        if (Input.RepeatChoice is null)
        {
            Repeats = await registration.FindRepeatsAsync(parties.Select(p => p.Name!), Input.Address, ct);
            if (Repeats.Count > 0)
            {
                await LoadAsync(ct);
                return Page();
            }
        }
        var link = Input.RepeatChoice?.StartsWith("link:", StringComparison.Ordinal) == true ? int.Parse(Input.RepeatChoice[5..], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var merge = Input.RepeatChoice?.StartsWith("merge:", StringComparison.Ordinal) == true ? int.Parse(Input.RepeatChoice[6..], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var handlers = Input.CoHandlerId is null ? null : new List<HandlerInput> { new(Input.CoHandlerId, Input.CoHandlerRole ?? HandlerRole.CommunityCadre) };
        var input = new RegisterInput(Input.Title, Input.Summary, Input.Source, Input.Category, Input.Risk, Input.PeopleInvolved,
            Input.Address, Input.Lat, Input.Lng, Input.AreaCode, parties, Input.ResponsibleOfficerId, handlers, link, merge, ClientId);
        var c = checks.Create();
        var (d, _) = await registration.RegisterAsync(c, input, ct);
        if (d is not null)
        {
            return Redirect($"/disputes/{d.Id}");
        }
        foreach (var (field, messages) in c.Errors)
        {
            messages.ForEach(m => ModelState.AddModelError($"Input.{field}", m));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Places = (await db.Areas.AsNoTracking().Where(a => a.Level >= AreaLevel.Community).OrderBy(a => a.Path).Take(800)
            .Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level, Parent = a.Parent!.NameZh, ParentEn = a.Parent.NameEn }).ToListAsync(ct))
            .Select(a => (a.Code, a.Level == AreaLevel.Grid ? $"{Infrastructure.Localization.LocalizationSetup.Pick(a.Parent, a.ParentEn)} · {Infrastructure.Localization.LocalizationSetup.Pick(a.NameZh, a.NameEn)}" : Infrastructure.Localization.LocalizationSetup.Pick(a.NameZh, a.NameEn), a.Level)).ToList();
        var today = clock.Today;
        PostRole[] police = [PostRole.CommunityPolice, PostRole.StationDirector, PostRole.PoliceOfficer, PostRole.AuxiliaryPolice, PostRole.SecondedOfficer];
        PostRole[] community = [PostRole.GridOfficer, PostRole.CommunitySecretary, PostRole.CommitteeMember, PostRole.CommitteeDeputyDirector];
        Officers = await PeopleWith(police, today).ToListAsync(ct);
        Community = await PeopleWith(community, today).ToListAsync(ct);
    }

    private IQueryable<PersonDto> PeopleWith(PostRole[] roles, DateOnly today) =>
        db.People.AsNoTracking()
            .Where(p => p.Posts.Any(x => roles.Contains(x.Role) && (x.EndDate == null || x.EndDate >= today) && x.Unit!.Kind != UnitKind.ProvincialDepartment))
            .OrderBy(p => p.NameEn).Take(500).ToDto();
}
