using Fengqiao.Features.People;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Disputes;

public sealed record RepeatCandidate(int Id, string Code, string Title, DisputeStatus Status, DateOnly RegisteredOn, string Reason);

/// <summary>
/// Registering a case: where it is (a coordinate located in its grid, or a grid/community code),
/// which station answers for it, its parties and co-handlers, its code and first deadline — and
/// whether it repeats an open or recent case about the same party or address.
/// </summary>
public sealed class DisputeRegistration(
    AppDb db, GridLocator locator, DisputeWorkflow workflow, CalendarService calendar, IOptions<DeadlineOptions> deadlines,
    DisputeCategories categories, LocalClock clock)
{
    /// <summary>Closed cases this recent still count as possible repeats.</summary>
    public const int RecentDays = 90;

    public async Task<(Dispute? Dispute, bool Merged)> RegisterAsync(Checks c, RegisterInput i, CancellationToken ct)
    {
        // A draft sent again (the answer lost to a dropped signal) is the case already registered, not a second one.
        if (await SentAsync(i.ClientId, ct) is { } sent)
        {
            return (sent, false);
        }
        c.Required("title", i.Title, 200).Required("summary", i.Summary, 4000).Optional("address", i.Address, 200)
            .When(i.Source is null || !Enum.IsDefined(i.Source.Value), "source", "Choose where the case came from.")
            .When(i.Risk is null || !Enum.IsDefined(i.Risk.Value), "risk", "Choose a risk colour.")
            .When(i.PeopleInvolved is null or < 1 or > 100000, "peopleInvolved", "Give the number of people involved (at least 1).")
            .When(i.Parties is null || i.Parties.Count == 0, "parties", "Name at least one party.")
            .When(i.LinkToId is not null && i.MergeIntoId is not null, "mergeIntoId", "Either link the new case or merge it, not both.");
        categories.Check(c, i.Category);
        CheckParties(c, i.Parties);
        await CheckHandlersAsync(db, c, i.Handlers, ct);
        var area = await LocateAsync(c, i, ct);
        var officer = i.ResponsibleOfficerId is null ? null : await db.People.FirstOrDefaultAsync(p => p.Id == i.ResponsibleOfficerId, ct);
        c.When(i.ResponsibleOfficerId is not null && officer is null, "responsibleOfficerId", "Choose a person in your jurisdiction.");
        var target = i.MergeIntoId ?? i.LinkToId;
        var existing = target is null ? null : await db.Disputes.Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == target, ct);
        c.When(target is not null && existing is null, i.MergeIntoId is null ? "linkToId" : "mergeIntoId", "There is no such case in your jurisdiction.");
        if (!c.Ok || area is null)
        {
            return (null, false);
        }
        if (i.MergeIntoId is not null)
        {
            return (await MergeAsync(existing!, i, ct), true);
        }

        await using var tx = await db.BeginOrJoinAsync(ct);
        var township = area.Path.Trim('/').Split('/').ElementAtOrDefault(3) ?? area.Code;
        var today = clock.Today;
        var d = new Dispute
        {
            Code = await CaseCodes.NextAsync(db, "D", township, today.Year, ct),
            Title = i.Title!.Trim(), Summary = i.Summary!.Trim(), Source = i.Source!.Value, Category = i.Category!, Risk = i.Risk!.Value,
            PeopleInvolved = i.PeopleInvolved!.Value, Address = string.IsNullOrWhiteSpace(i.Address) ? null : i.Address.Trim(),
            Lat = i.Lat, Lng = i.Lng, AreaId = area.Id, AreaPath = area.Path, StationUnitId = await StationForAsync(area.Path, ct),
            ResponsibleOfficerId = officer?.Id, Status = officer is null ? DisputeStatus.Registered : DisputeStatus.Assigned,
            RegisteredAt = clock.Now, RegisteredOn = today, LinkedToId = existing?.Id, SearchText = "", ClientId = i.ClientId,
            Parties = i.Parties!.Select(p => new DisputeParty { Role = p.Role!.Value, Name = p.Name!.Trim(), Address = p.Address?.Trim(), ResidentId = p.ResidentId }).ToList(),
        };
        d.SearchText = SearchText(d, d.Parties.Select(p => p.Name));
        SetHandlers(db, d, i.Handlers);
        DeadlineRules.Apply(d, calendar.Current, deadlines.Value);
        db.Disputes.Add(d);
        db.DisputeEvents.Add(workflow.NewEvent(d, DisputeEventType.Registered, null, d.Title, 1));
        if (existing is not null)
        {
            db.DisputeEvents.Add(workflow.NewEvent(d, DisputeEventType.Linked, null, existing.Code, 1));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (i.ClientId is not null && DbErrors.IsUniqueViolation(e))
        {
            // The same draft, sent twice at once: the other request registered it first (the unique index on ClientId;
            // EF has rolled back to its savepoint, so the transaction can still read).
            db.ChangeTracker.Clear();
            return (await SentAsync(i.ClientId, ct) ?? throw new InvalidOperationException("A case failed to register.", e), false);
        }
        if (d.Risk == RiskColour.Red && Escalation.RedAlert(d, clock.Now) is { } alert)
        {
            // Red: reported to the county level at once and handled jointly.
            db.SupervisionNotices.Add(alert);
            db.DisputeEvents.Add(workflow.NewEvent(d, DisputeEventType.Supervised, d.Status, alert.AreaPath, d.Version));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (d, false);
    }

    /// <summary>The case registered from the draft with this device-made id, if it has arrived already (in the caller's jurisdiction).</summary>
    public async Task<Dispute?> SentAsync(Guid? clientId, CancellationToken ct) =>
        clientId is null ? null : await db.Disputes.AsNoTracking().FirstOrDefaultAsync(d => d.ClientId == clientId, ct);

    /// <summary>A repeat report joins the existing case: its new parties and what it says are added there.</summary>
    private async Task<Dispute> MergeAsync(Dispute existing, RegisterInput i, CancellationToken ct)
    {
        var known = existing.Parties.Select(p => p.Name).ToHashSet();
        foreach (var p in i.Parties!.Where(p => !known.Contains(p.Name!.Trim())))
        {
            existing.Parties.Add(new DisputeParty { Role = p.Role!.Value, Name = p.Name!.Trim(), Address = p.Address?.Trim(), ResidentId = p.ResidentId });
        }
        existing.PeopleInvolved = Math.Max(existing.PeopleInvolved, i.PeopleInvolved!.Value);
        existing.SearchText = SearchText(existing, existing.Parties.Select(p => p.Name));
        db.DisputeEvents.Add(workflow.NewEvent(existing, DisputeEventType.Merged, existing.Status, $"{i.Title!.Trim()}: {i.Summary!.Trim()}", existing.Version + 1));
        await db.SaveVersionedAsync(existing, existing.Version, ct);
        return existing;
    }

    /// <summary>Open cases, or cases closed in the last <see cref="RecentDays"/> days, with the same party name or address.</summary>
    public async Task<IReadOnlyList<RepeatCandidate>> FindRepeatsAsync(IEnumerable<string> partyNames, string? address, CancellationToken ct)
    {
        var names = partyNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var addr = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        var recent = clock.Today.AddDays(-RecentDays);
        var found = await db.Disputes.AsNoTracking()
            .Where(d => d.MergedIntoId == null && (d.ClosedOn == null || d.ClosedOn >= recent))
            .Where(d => (addr != null && d.Address == addr) || d.Parties.Any(p => names.Contains(p.Name)))
            .OrderByDescending(d => d.RegisteredAt).Take(10)
            .Select(d => new { d.Id, d.Code, d.Title, d.Status, d.RegisteredOn, d.Address, Names = d.Parties.Select(p => p.Name).ToList() })
            .ToListAsync(ct);
        return found.Select(d => new RepeatCandidate(d.Id, d.Code, d.Title, d.Status, d.RegisteredOn,
            addr is not null && d.Address == addr ? addr : string.Join("、", d.Names.Intersect(names)))).ToList();
    }

    private async Task<Area?> LocateAsync(Checks c, RegisterInput i, CancellationToken ct)
    {
        if (i.Lat is not null && i.Lng is not null)
        {
            c.When(!double.IsFinite(i.Lat.Value) || i.Lat is < -90 or > 90, "lat", "A latitude is between -90 and 90.")
                .When(!double.IsFinite(i.Lng.Value) || i.Lng is < -180 or > 180, "lng", "A longitude is between -180 and 180.");
            if (!c.Ok)
            {
                return null;
            }
            var located = await locator.LocateAsync(i.Lat.Value, i.Lng.Value, ct);
            var grid = located is null ? null : await db.Areas.FirstOrDefaultAsync(a => a.Id == located.Id, ct);
            c.When(grid is null, "lat", "That point is in no grid of your jurisdiction.");
            return grid;
        }
        var area = string.IsNullOrWhiteSpace(i.AreaCode) ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == i.AreaCode, ct);
        c.When(area is null, "areaCode", "Give the location: a point on the map or a grid or community in your jurisdiction.")
            .When(area is not null && area.Level < AreaLevel.Community, "areaCode", "A case belongs to a community or a grid.");
        return area;
    }

    /// <summary>The station that answers for an area: the nearest station whose area contains it.</summary>
    internal async Task<int?> StationForAsync(string areaPath, CancellationToken ct)
    {
        var segments = areaPath.Trim('/').Split('/');
        var ancestors = Enumerable.Range(1, segments.Length).Select(n => "/" + string.Join('/', segments[..n]) + "/").ToList();
        return await db.Units.IgnoreQueryFilters()
            .Where(u => (u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation) && ancestors.Contains(u.AreaPath))
            .OrderByDescending(u => u.AreaPath.Length).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
    }

    private static void CheckParties(Checks c, IReadOnlyList<PartyInput>? parties)
    {
        for (var n = 0; n < (parties?.Count ?? 0); n++)
        {
            var p = parties![n];
            c.Required($"parties[{n}].name", p.Name, 100).Optional($"parties[{n}].address", p.Address, 200)
                .When(p.Role is null || !Enum.IsDefined(p.Role.Value), $"parties[{n}].role", "Choose the party's role.");
        }
    }

    internal static async Task CheckHandlersAsync(AppDb db, Checks c, IReadOnlyList<HandlerInput>? handlers, CancellationToken ct)
    {
        var ids = handlers?.Select(h => h.PersonId).OfType<int>().ToList() ?? [];
        var visible = await db.People.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        for (var n = 0; n < (handlers?.Count ?? 0); n++)
        {
            var h = handlers![n];
            c.When(h.PersonId is null || !visible.Contains(h.PersonId.Value), $"handlers[{n}].personId", "Choose a person in your jurisdiction.")
                .When(h.Role is null || !Enum.IsDefined(h.Role.Value), $"handlers[{n}].role", "Choose the co-handler's role.");
        }
    }

    internal static void SetHandlers(AppDb db, Dispute d, IReadOnlyList<HandlerInput>? handlers)
    {
        if (handlers is null)
        {
            return;
        }
        var wanted = handlers.GroupBy(h => h.PersonId!.Value).Select(g => g.First()).ToList();
        foreach (var gone in d.Handlers.Where(h => wanted.All(w => w.PersonId != h.PersonId)).ToList())
        {
            d.Handlers.Remove(gone);
            db.Remove(gone);
        }
        foreach (var h in wanted)
        {
            var current = d.Handlers.FirstOrDefault(x => x.PersonId == h.PersonId);
            if (current is null)
            {
                d.Handlers.Add(new DisputeHandler { PersonId = h.PersonId!.Value, Role = h.Role!.Value });
            }
            else
            {
                current.Role = h.Role!.Value;
            }
        }
    }

    internal static string SearchText(Dispute d, IEnumerable<string> partyNames)
    {
        var text = string.Join(' ', new[] { d.Code, d.Title, d.Summary, d.Address ?? "" }.Concat(partyNames)).ToLowerInvariant();
        return text.Length > 6000 ? text[..6000] : text;
    }
}
