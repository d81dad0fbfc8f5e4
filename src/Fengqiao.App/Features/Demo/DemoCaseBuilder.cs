using Fengqiao.Features.Calendar;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.People;

namespace Fengqiao.Features.Demo;

/// <summary>
/// Builds the demo cases in memory: about ten per station, registered over the last 540 days
/// (recent days more often), each played through the workflow — registration, assignment,
/// sessions, agreement, return visit and closing, or referral, suspension, no resolution — up to
/// yesterday, so old cases are finished and recent ones still open. A few stall and run past
/// their deadline. Every date is counted back from <see cref="LocalClock.Today"/>, and every draw
/// comes from one seeded <see cref="Random"/> in a fixed order, so one day always gives the same cases.
/// </summary>
internal sealed partial class DemoCaseBuilder
{
    private const int WindowDays = 540;
    /// <summary>Cases registered between 12 and 60 days ago may stall and so run overdue.</summary>
    private const double StallChance = 0.03;
    private const double CaseDangerChance = 0.35;

    private static readonly int[] PartyCounts = [10, 72, 18];
    private static readonly int[] MediatedSessions = [55, 33, 12];
    private static readonly int[] ReferredSessions = [40, 45, 15];
    private static readonly int[] FailedOutcomes = [45, 35, 20];
    private static readonly SessionOutcome[] Failed = [SessionOutcome.NoAgreement, SessionOutcome.PartialAgreement, SessionOutcome.Adjourned];
    private static readonly int[] SatisfactionWeights = [2, 8, 30, 60];

    private readonly List<CaseStation> _stations;
    private readonly WorkingCalendar _calendar;
    private readonly DeadlineOptions _o;
    private readonly List<DisputeCategory> _categories;
    private readonly LocalClock _clock;
    private readonly Random _rng;
    private readonly DemoNames _names;
    private readonly DateOnly _today;
    private readonly DateOnly _yesterday;
    private readonly int[] _townWeights;
    private readonly int[] _villageWeights;
    private int _order;

    public DemoCaseBuilder(
        List<CaseStation> stations, WorkingCalendar calendar, DeadlineOptions deadlines, List<DisputeCategory> categories, LocalClock clock, Random rng)
    {
        _stations = stations;
        _calendar = calendar;
        _o = deadlines;
        _categories = categories;
        _clock = clock;
        _rng = rng;
        _names = new DemoNames(rng);
        _today = clock.Today;
        _yesterday = _today.AddDays(-1);
        _townWeights = [.. categories.Select(c => DemoCaseTexts.Weight(c.Code, village: false))];
        _villageWeights = [.. categories.Select(c => DemoCaseTexts.Weight(c.Code, village: true))];
    }

    public DemoCaseSet Set { get; } = new();

    public DemoCaseSet Build()
    {
        foreach (var station in _stations)
        {
            if (station.Grids.Count == 0 || station.Police.Count == 0)
            {
                continue;
            }
            var count = _rng.Next(8, 13);
            for (var i = 0; i < count; i++)
            {
                var grid = station.Grids[_rng.Next(station.Grids.Count)];
                var age = 1 + (int)((WindowDays - 1) * (1 - Math.Sqrt(_rng.NextDouble())));
                Accept(NewCase(station, grid, _today.AddDays(-age), null, null));
            }
            var key = Array.Find(DemoPlaces.NamedStreets, s => s.Station.Zh == station.NameZh)?.Key;
            foreach (var script in Array.FindAll(CaseScript.Demo, s => s.StreetKey == key))
            {
                Accept(Scripted(station, script));
            }
        }
        AddDangers();
        Number();
        return Set;
    }

    /// <summary>A demo sign-in's case: moved back (or forward) until it is in the state it was written for.</summary>
    private CaseDraft Scripted(CaseStation station, CaseScript script)
    {
        // Should the named officer be missing from the data, the station's first community officer stands in.
        var officer = script.Officer is null ? null : station.Police.Find(p => p.NameZh == script.Officer) ?? station.Police[0];
        var grids = officer is { } own ? station.Grids.FindAll(g => own.Title.Contains(g.CommunityNameZh, StringComparison.Ordinal)) : [];
        if (grids.Count == 0)
        {
            grids = station.Grids;
        }
        var grid = grids[_rng.Next(grids.Count)];
        var registered = _today.AddDays(-script.DaysAgo);
        for (var attempt = 0; ; attempt++)
        {
            var draft = NewCase(station, grid, registered, script, officer);
            var d = draft.Dispute;
            var overdue = d.DueDate < _today;
            if (attempt >= 15 || (d.Status == script.Expect && overdue == script.Overdue))
            {
                return draft;
            }
            registered = d.Status != script.Expect || script.Overdue ? registered.AddDays(-2) : Earlier(registered.AddDays(1), _yesterday);
        }
    }

    private CaseDraft NewCase(CaseStation station, CaseGrid grid, DateOnly registered, CaseScript? script, CaseStaff? scriptedOfficer)
    {
        var drawn = _categories[Weighted(grid.IsVillage ? _villageWeights : _townWeights)].Code;
        var wanted = script?.Category;
        var category = wanted is not null && _categories.Exists(c => c.Code == wanted) ? wanted : drawn;
        var templates = DemoCaseTexts.TemplatesFor(category);
        var template = Array.Find(templates, t => t.Title == script?.Title) ?? templates[_rng.Next(templates.Length)];
        var risk = script?.Risk ?? (RiskColour)(Weighted(DemoCaseTexts.RiskWeights) + 1);
        var source = (DisputeSource)(Weighted(DemoCaseTexts.SourceWeights) + 1);
        var people = category == "labour" && _rng.Next(2) == 0 ? _rng.Next(10, 41) : _rng.Next(2, 9);
        var partyCount = Weighted(PartyCounts) + 1;
        var applicant = _names.Next().Zh;
        var respondent = _names.Next().Zh;
        var third = _names.Next().Zh;
        var estate = DemoCaseTexts.Estates[_rng.Next(DemoCaseTexts.Estates.Length)];
        var address = Address(grid, estate);
        var amount = _rng.Next(3, category is "labour" or "debt" ? 600 : 80) * 100;
        var money = FormattableString.Invariant($"{amount}");
        var officer = script is null ? OfficerFor(station, grid, registered) : scriptedOfficer;
        var helpers = CoHandlers(station, grid, officer, registered);

        var names = new List<string> { applicant };
        if (partyCount > 1)
        {
            names.Add(respondent);
        }
        if (partyCount > 2)
        {
            names.Add(third);
        }
        var mediators = new List<string>();
        if (officer is not null)
        {
            mediators.Add(officer.NameZh);
        }
        mediators.AddRange(helpers.Select(h => h.Staff.NameZh));

        var facts = new CaseFacts
        {
            Station = station, Grid = grid, Template = template, Officer = officer, Applicant = applicant, Respondent = respondent,
            Estate = estate, Address = address, Money = money, People = FormattableString.Invariant($"{people}"),
            Mediators = string.Join('、', mediators), PartyNames = string.Join('、', names),
        };
        var d = new Dispute
        {
            Code = "", Title = template.Title, Summary = Fill(template.Summary, facts, ""), Source = source, Category = category, Risk = risk,
            PeopleInvolved = people, Address = address, Lat = Jitter(grid.Lat, 0.004), Lng = Jitter(grid.Lng, 0.001),
            AreaId = grid.Id, AreaPath = grid.Path, StationUnitId = station.Id, Status = DisputeStatus.Registered, SearchText = "",
        };
        for (var i = 0; i < names.Count; i++)
        {
            var role = i switch { 0 => PartyRole.Applicant, 1 => PartyRole.Respondent, _ => PartyRole.ThirdParty };
            d.Parties.Add(new DisputeParty { Role = role, Name = names[i], Address = i == 0 ? address : null });
        }
        foreach (var (staff, role) in helpers)
        {
            d.Handlers.Add(new DisputeHandler { PersonId = staff.PersonId, Role = role });
        }

        var draft = new CaseDraft(d, facts, script);
        Live(draft, registered);
        DeadlineRules.Apply(d, _calendar, _o);
        return draft;
    }

    private void Accept(CaseDraft c)
    {
        var order = _order++;
        var township = c.Facts.Grid.Township;
        Set.Cases.Add(new DemoCase(c.Dispute, township, c.Version, order));
        Set.Events.AddRange(c.Events);
        Set.Sessions.AddRange(c.Sessions);
        if (c.Agreement is not null)
        {
            Set.Agreements.Add(c.Agreement);
        }
        if (c.Visit is not null)
        {
            Set.Visits.Add(c.Visit);
        }
        if (c.Danger is not null)
        {
            Set.Dangers.Add(new DemoDanger(c.Danger, township, order));
        }
    }

    /// <summary>A community officer of the station who covers the grid's community (their post's title names it).</summary>
    private CaseStaff? OfficerFor(CaseStation station, CaseGrid grid, DateOnly day)
    {
        var active = station.Police.FindAll(p => p.ActiveOn(day));
        var covering = active.FindAll(p => p.Title.Contains(grid.CommunityNameZh, StringComparison.Ordinal));
        var pool = covering.Count > 0 ? covering : active.Count > 0 ? active : station.Police;
        return pool.Count == 0 ? null : pool[_rng.Next(pool.Count)];
    }

    /// <summary>The grid's own grid officer or a community cadre, and sometimes an officer sent down or an auxiliary.</summary>
    private List<(CaseStaff Staff, HandlerRole Role)> CoHandlers(CaseStation station, CaseGrid grid, CaseStaff? officer, DateOnly day)
    {
        var chosen = new List<(CaseStaff Staff, HandlerRole Role)>();
        var gridOfficer = grid.Community.Find(p => p.Role == PostRole.GridOfficer && p.Title.StartsWith(grid.NameZh, StringComparison.Ordinal));
        var cadres = grid.Community.FindAll(p => p.Role is PostRole.CommunitySecretary or PostRole.CommitteeMember or PostRole.CommitteeDeputyDirector);
        if (gridOfficer is not null && (cadres.Count == 0 || _rng.NextDouble() < 0.65))
        {
            AddHandler(chosen, gridOfficer, HandlerRole.GridOfficer, officer);
        }
        else if (cadres.Count > 0)
        {
            AddHandler(chosen, cadres[_rng.Next(cadres.Count)], HandlerRole.CommunityCadre, officer);
        }
        var seconded = station.CoHandlers.FindAll(p => p.Role == PostRole.SecondedOfficer && p.ActiveOn(day));
        var auxiliaries = station.CoHandlers.FindAll(p => p.Role == PostRole.AuxiliaryPolice && p.ActiveOn(day));
        if (seconded.Count > 0 && _rng.NextDouble() < 0.5)
        {
            AddHandler(chosen, seconded[_rng.Next(seconded.Count)], HandlerRole.PoliceCoHandler, officer);
        }
        else if (auxiliaries.Count > 0 && _rng.NextDouble() < 0.25)
        {
            AddHandler(chosen, auxiliaries[_rng.Next(auxiliaries.Count)], HandlerRole.PoliceCoHandler, officer);
        }
        return chosen;
    }

    private static void AddHandler(List<(CaseStaff Staff, HandlerRole Role)> chosen, CaseStaff staff, HandlerRole role, CaseStaff? officer)
    {
        if (staff.PersonId != officer?.PersonId && !chosen.Exists(h => h.Staff.PersonId == staff.PersonId))
        {
            chosen.Add((staff, role));
        }
    }

    /// <summary>Case and danger codes, per street and year in the order they were registered, and the counters that continue them.</summary>
    private void Number()
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in Set.Cases.OrderBy(y => y.Dispute.RegisteredAt).ThenBy(y => y.Order))
        {
            var d = c.Dispute;
            var year = d.RegisteredOn.Year;
            var n = Increment(last, FormattableString.Invariant($"D-{c.Township}-{year}"));
            d.Code = FormattableString.Invariant($"{c.Township}-{year}-{n:00000}");
            d.SearchText = DisputeRegistration.SearchText(d, d.Parties.Select(p => p.Name));
        }
        foreach (var x in Set.Dangers.OrderBy(y => y.Danger.FoundOn).ThenBy(y => y.Order))
        {
            var year = x.Danger.FoundOn.Year;
            var n = Increment(last, FormattableString.Invariant($"H-{x.Township}-{year}"));
            x.Danger.Code = FormattableString.Invariant($"H{x.Township}-{year}-{n:00000}");
        }
        Set.Counters.AddRange(last.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new CodeCounter { Series = s.Key, Last = s.Value }));
    }

    private static int Increment(Dictionary<string, int> last, string series)
    {
        var n = last.GetValueOrDefault(series) + 1;
        last[series] = n;
        return n;
    }

    private string Address(CaseGrid grid, string estate) =>
        grid.IsVillage
            ? FormattableString.Invariant($"{grid.CommunityNameZh}{_rng.Next(1, 9)}组{_rng.Next(1, 60)}号")
            : FormattableString.Invariant($"{estate}{_rng.Next(1, 25)}栋{_rng.Next(1, 7)}单元");

    private double? Jitter(double? centre, double spread) =>
        centre is { } c ? Math.Round(c + ((_rng.NextDouble() * 2) - 1) * spread, 6) : null;

    private static string Fill(string text, CaseFacts f, string due) =>
        text.Replace("{A}", f.Applicant, StringComparison.Ordinal).Replace("{B}", f.Respondent, StringComparison.Ordinal)
            .Replace("{N}", f.People, StringComparison.Ordinal).Replace("{M}", f.Money, StringComparison.Ordinal)
            .Replace("{P}", f.Address, StringComparison.Ordinal).Replace("{D}", due, StringComparison.Ordinal);

    /// <summary>An index drawn with the given weights.</summary>
    private int Weighted(int[] weights)
    {
        var r = _rng.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (r < weights[i])
            {
                return i;
            }
            r -= weights[i];
        }
        return weights.Length - 1;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
