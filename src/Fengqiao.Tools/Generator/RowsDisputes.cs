using Fengqiao.Features.Disputes;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// Disputes (1,500,000 in five years at scale 1), registered in date order over the households' grids. About 96% are
/// resolved after a mediation session and an agreement; older resolved cases were followed up and closed, the newest
/// still wait for their follow-up; unresolved older cases were found not resolvable; the last weeks' cases are open with
/// the app's deadlines. Each case's life is drawn from its own stream, so every table of it draws the same case.
/// </summary>
internal sealed partial class RowsDisputes
{
    private readonly World _w;
    private readonly string[] _codes;

    internal sealed class Plan
    {
        public int Id { get; init; }
        public int Grid { get; init; }
        public required DisputeTexts.Text Text { get; init; }
        public RiskColour Risk { get; init; }
        public DisputeSource Source { get; init; }
        public DateOnly Registered { get; init; }
        public DateTimeOffset RegisteredAt { get; init; }
        public DateOnly? Session { get; set; }
        public DateOnly? Resolved { get; set; }
        public DateOnly? FollowedUp { get; set; }
        public DateOnly? Closed { get; set; }
        public DateOnly? NotResolvable { get; set; }
        public DisputeStatus Status { get; set; }
        public required string Applicant { get; init; }
        public required string Respondent { get; init; }
        public required string Address { get; init; }
        public int People { get; init; }
        public int Satisfaction { get; init; }
        public bool Kept { get; init; }
        public double Lat { get; init; }
        public double Lng { get; init; }
        public string Code { get; set; } = "";
    }

    private static readonly double[] RiskWeights = World.Cumulative(1, 6, 38, 55);
    private static readonly double[] SourceWeights = World.Cumulative(30, 12, 22, 15, 6, 5, 10);

    public RowsDisputes(World w)
    {
        _w = w;
        Count = w.Options.Count(1_500_000);
        _codes = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            var p = Draw(i, withCode: false);
            _codes[i] = w.NextCode("D", w.Shape.TownshipOfGrid(p.Grid).Code, p.Registered.Year);
        }
    }

    public int Count { get; }

    public IEnumerable<Plan> Plans()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Draw(i, withCode: true);
        }
    }

    private Plan Draw(int i, bool withCode)
    {
        var rng = new Random(unchecked((int)(((uint)_w.Options.Seed * 2654435761u) ^ ((uint)i * 40503u)) + 0x3779B9));
        var end = _w.End;
        var household = rng.Next(_w.GridHouseholds[^1]);
        var grid = _w.GridOf(household);
        var place = _w.Shape.Grids[grid];
        var day = _w.DayFor(i, Count);
        var risk = (RiskColour)(World.Weighted(rng, RiskWeights) + 1);
        var p = new Plan
        {
            Id = i + 1, Grid = grid, Text = World.Pick(rng, DisputeTexts.All), Risk = risk, Source = (DisputeSource)(World.Weighted(rng, SourceWeights) + 1),
            Registered = day, RegisteredAt = World.At(day, rng.Next(8, 20), rng.Next(60), rng.Next(60)), Applicant = World.NameOf(rng), Respondent = World.NameOf(rng),
            Address = RowsUnits.Address(rng, _w.Shape.Communities[place.Parent]), People = rng.Next(2, 6) + (rng.Next(50) == 0 ? rng.Next(5, 20) : 0),
            Satisfaction = rng.NextDouble() < 0.9 ? 5 : rng.Next(3, 5), Kept = rng.NextDouble() < 0.97,
            Lat = Math.Round(place.Lat + ((rng.NextDouble() - 0.5) * 0.004), 6), Lng = Math.Round(place.Lng + ((rng.NextDouble() - 0.5) * 0.005), 6),
            Code = withCode ? _codes[i] : "",
        };
        var delay = risk switch
        {
            RiskColour.Red or RiskColour.Orange => rng.Next(0, 4),
            RiskColour.Yellow => rng.Next(1, 11),
            _ => rng.Next(1, 16),
        };
        if (rng.NextDouble() < 0.963)
        {
            var resolved = day.AddDays(delay);
            var session = resolved.AddDays(-rng.Next(0, Math.Min(delay, 3) + 1));
            if (session > end)
            {
                p.Status = DisputeStatus.Assigned;
                return p;
            }
            p.Session = session;
            if (resolved > end)
            {
                p.Status = DisputeStatus.Mediating;
                return p;
            }
            p.Resolved = resolved;
            p.Status = DisputeStatus.Resolved;
            var follow = resolved.AddDays(rng.Next(3, 19));
            if (follow <= end)
            {
                p.FollowedUp = follow;
                p.Status = DisputeStatus.FollowedUp;
                var closed = follow.AddDays(rng.Next(0, 4));
                if (closed <= end)
                {
                    p.Closed = closed;
                    p.Status = DisputeStatus.Closed;
                }
            }
            return p;
        }
        var session2 = day.AddDays(rng.Next(1, 6));
        var gaveUp = day.AddDays(rng.Next(20, 45));
        p.Session = session2 <= end ? session2 : null;
        p.NotResolvable = gaveUp <= end && p.Session is not null ? gaveUp : null;
        p.Status = p.NotResolvable is not null ? DisputeStatus.NotResolvable : p.Session is not null ? DisputeStatus.Mediating : DisputeStatus.Assigned;
        return p;
    }

    public IEnumerable<Dispute> Disputes()
    {
        foreach (var p in Plans())
        {
            var grid = _w.Shape.Grids[p.Grid];
            var community = grid.Parent;
            var d = new Dispute
            {
                Id = p.Id, Code = p.Code, Title = p.Text.Title, Summary = p.Text.Summary, Source = p.Source, Category = p.Text.Category, Risk = p.Risk,
                PeopleInvolved = p.People, Address = p.Address, Lat = p.Lat, Lng = p.Lng, AreaId = grid.Id, AreaPath = grid.Path,
                StationUnitId = _w.Station[_w.Shape.Communities[community].Parent], ResponsibleOfficerId = _w.CommunityOfficer[community], Status = p.Status,
                SessionCount = p.Session is null ? 0 : 1, RegisteredAt = p.RegisteredAt, RegisteredOn = p.Registered, ResolvedOn = p.Resolved,
                ClosedOn = p.Closed, Outcome = p.Resolved is null ? null : p.Text.Terms, SearchText = "", Version = 1,
            };
            d.SearchText = DisputeRegistration.SearchText(d, [p.Applicant, p.Respondent]);
            DeadlineRules.Apply(d, _w.Calendar, _w.Deadlines);
            yield return d;
        }
    }

    public IEnumerable<DisputeParty> Parties()
    {
        var id = 0;
        foreach (var p in Plans())
        {
            yield return new DisputeParty { Id = ++id, DisputeId = p.Id, Role = PartyRole.Applicant, Name = p.Applicant, Address = p.Address };
            yield return new DisputeParty { Id = ++id, DisputeId = p.Id, Role = PartyRole.Respondent, Name = p.Respondent };
        }
    }

    public IEnumerable<MediationSession> Sessions()
    {
        var id = 0;
        foreach (var p in Plans().Where(p => p.Session is not null))
        {
            var township = _w.Shape.TownshipOfGrid(p.Grid);
            var community = _w.Shape.Grids[p.Grid].Parent;
            yield return new MediationSession
            {
                Id = ++id, DisputeId = p.Id, HeldAt = World.At(p.Session!.Value, 9 + (p.Id % 8), p.Id % 60), Place = RowsUnits.Stem(township).Zh + "派出所调解室",
                Mediators = _w.CommunityOfficerName[community], Attendees = $"{p.Applicant}、{p.Respondent}",
                Outcome = p.Resolved is not null ? SessionOutcome.Agreement : p.NotResolvable is not null ? SessionOutcome.NoAgreement : SessionOutcome.Adjourned,
                Minutes = p.Resolved is not null ? "经调解，双方达成一致意见。" : "双方分歧较大，未能达成一致。",
            };
        }
    }

    public IEnumerable<MediationAgreement> Agreements()
    {
        var id = 0;
        foreach (var p in Plans().Where(p => p.Resolved is not null))
        {
            var signed = p.Resolved!.Value;
            yield return new MediationAgreement
            {
                Id = ++id, DisputeId = p.Id, Terms = p.Text.Terms, SignedBy = $"{p.Applicant}、{p.Respondent}", SignedOn = signed,
                PerformBy = p.Id % 3 == 0 ? null : signed.AddDays(p.Id % 30), JudicialConfirmationBy = signed.AddDays(_w.Deadlines.JudicialConfirmationDays),
            };
        }
    }

    public IEnumerable<FollowUpVisit> FollowUps()
    {
        var id = 0;
        foreach (var p in Plans().Where(p => p.FollowedUp is not null))
        {
            yield return new FollowUpVisit
            {
                Id = ++id, DisputeId = p.Id, VisitedOn = p.FollowedUp!.Value, AgreementKept = p.Kept, Satisfaction = p.Satisfaction,
                Notes = DisputeTexts.FollowUpNotes[p.Id % DisputeTexts.FollowUpNotes.Length], VisitedById = _w.CommunityOfficer[_w.Shape.Grids[p.Grid].Parent],
            };
        }
    }
}
