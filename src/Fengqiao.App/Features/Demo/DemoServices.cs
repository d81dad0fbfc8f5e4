using Fengqiao.Features.Areas;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo;

/// <summary>
/// Fills the demo province with one-window services: the outlets (a comprehensive window at every
/// station, the hospital police office, a self-service point, the expressway station) and about
/// six months of service records up to yesterday, with queue tickets, reviews, rectifications and
/// the code counters that continue their numbering. Runs after <see cref="DemoCaseSeeder"/>, as
/// the system, on the shipped catalogue; deterministic for a given day; one transaction.
/// </summary>
public sealed class DemoServiceSeeder(AppDb db, CalendarService calendar, LocalClock clock)
{
    private const int UpdateBatch = 500;

    /// <summary>What the last <see cref="SeedAsync"/> created besides the records.</summary>
    public int OutletCount { get; private set; }

    public int TicketCount { get; private set; }

    public int ReviewCount { get; private set; }

    public int RectificationCount { get; private set; }

    /// <summary>Creates the outlets and their history; returns the number of service records.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var input = await LoadAsync(ct);
        var set = new DemoServiceBuilder(input, calendar.Current, clock, new Random(DemoSeeder.RandomSeed + 2)).Build();
        await SaveAsync(set, ct);
        OutletCount = set.Outlets.Count;
        TicketCount = set.Tickets.Count;
        ReviewCount = set.Reviews.Count;
        RectificationCount = set.Rectifications.Count;
        return set.Records.Count;
    }

    private async Task<DemoServiceInput> LoadAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation || u.Kind == UnitKind.HospitalPoliceOffice
                || u.Code == DemoServiceBuilder.SelfServiceBranchCode)
            .OrderBy(u => u.Code)
            .Select(u => new ServiceUnit(u.Id, u.Kind, u.Code, u.NameZh, u.NameEn, u.AreaPath, u.Address))
            .ToListAsync(ct);
        var clerks = await db.Posts.AsNoTracking()
            .Where(p => p.Role == PostRole.ServiceClerk)
            .OrderBy(p => p.Id)
            .Select(p => new ClerkPost(p.PersonId, p.UnitId, p.StartDate, p.EndDate))
            .ToListAsync(ct);
        var townships = await db.Areas.AsNoTracking()
            .Where(a => a.Level == AreaLevel.Township)
            .Select(a => new { a.Path, a.NameZh })
            .ToListAsync(ct);
        var services = await db.PublicServices.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Code).ToListAsync(ct);
        return new DemoServiceInput(
            units,
            clerks.ToLookup(c => c.UnitId),
            townships.ToDictionary(t => t.Path, t => t.NameZh, StringComparer.Ordinal),
            services.ToDictionary(s => s.Code, StringComparer.Ordinal));
    }

    /// <summary>
    /// Three saves in one transaction — the outlets and counters, the tickets (which need their
    /// ids), then the records (which need the tickets' ids) with their reviews, rectifications and
    /// code counters — then each row's version set to what its history says.
    /// </summary>
    private async Task SaveAsync(DemoServiceSet set, CancellationToken ct)
    {
        await DemoBatch.WriteAsync(db, async (save, _) =>
        {
            db.Outlets.AddRange(set.Outlets);
            await save();

            foreach (var draft in set.Tickets)
            {
                draft.Ticket.OutletId = draft.Outlet.Id;
                draft.Ticket.CounterId = draft.Counter.Id;
            }
            db.Tickets.AddRange(set.Tickets.Select(t => t.Ticket));
            await save();

            foreach (var draft in set.Records)
            {
                draft.Record.OutletId = draft.Plan.Outlet.Id;
                draft.Record.TicketId = draft.Ticket?.Ticket.Id;
                draft.Record.TransferredToOutletId = draft.TransferTo?.Id;
            }
            foreach (var review in set.Reviews)
            {
                review.OutletId = review.ServiceRecord!.OutletId;
            }
            foreach (var task in set.Rectifications)
            {
                task.OutletId = task.Review!.OutletId;
            }
            db.ServiceRecords.AddRange(set.Records.Select(r => r.Record));
            db.Reviews.AddRange(set.Reviews);
            db.Rectifications.AddRange(set.Rectifications);
            db.Set<CodeCounter>().AddRange(set.Counters);
            await save();
        }, token => SetVersionsAsync(set, token), ct);
        // Tens of thousands of tracked rows would only slow the next user of this context down.
        db.ChangeTracker.Clear();
    }

    /// <summary>Saving stamps every new row version 1: a record was received (1), started (2) and finished (3); a rectification opened, rectified, closed.</summary>
    private async Task SetVersionsAsync(DemoServiceSet set, CancellationToken ct)
    {
        var records = set.Records.Select(d => d.Record).Where(r => r.Status != RecordStatus.Received)
            .GroupBy(r => r.Status == RecordStatus.InProgress ? 2L : 3L);
        foreach (var group in records)
        {
            var version = group.Key;
            foreach (var chunk in group.Select(r => r.Id).Chunk(UpdateBatch))
            {
                var ids = chunk.ToList();
                await db.ServiceRecords.IgnoreQueryFilters().Where(r => ids.Contains(r.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, version), ct);
            }
        }
        foreach (var group in set.Rectifications.Where(t => t.Status != RectificationStatus.Open).GroupBy(t => (long)t.Status))
        {
            var version = group.Key;
            foreach (var chunk in group.Select(t => t.Id).Chunk(UpdateBatch))
            {
                var ids = chunk.ToList();
                await db.Rectifications.IgnoreQueryFilters().Where(t => ids.Contains(t.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, version), ct);
            }
        }
    }
}

/// <summary>A unit that runs an outlet, as the service seed needs it.</summary>
internal sealed record ServiceUnit(int Id, UnitKind Kind, string Code, string NameZh, string NameEn, string AreaPath, string? Address);

/// <summary>A service clerk's post.</summary>
internal sealed record ClerkPost(int PersonId, int UnitId, DateOnly Start, DateOnly? End)
{
    public bool ActiveOn(DateOnly day) => Start <= day && (End is null || End >= day);
}

/// <summary>What the service seed reads: the units, their clerks, the townships' names (path → name) and the catalogue.</summary>
internal sealed record DemoServiceInput(
    List<ServiceUnit> Units, ILookup<int, ClerkPost> Clerks, Dictionary<string, string> Townships, Dictionary<string, PublicService> Services);

/// <summary>An outlet with how busy it is, what it offers and when.</summary>
internal sealed class OutletPlan
{
    public required Outlet Outlet { get; init; }
    public required ServiceUnit Unit { get; init; }
    /// <summary>The area code its record codes are numbered under (as <see cref="ServiceRecords"/> does).</summary>
    public required string Township { get; init; }
    /// <summary>Path of its county: transfers go to another window there.</summary>
    public required string County { get; init; }
    public required string[] Codes { get; init; }
    public required int[] Weights { get; init; }
    public required int MinPerDay { get; init; }
    /// <summary>Exclusive.</summary>
    public required int MaxPerDay { get; init; }
    /// <summary>Open on rest days and holidays too (the expressway station).</summary>
    public required bool EveryDay { get; init; }
    public required bool Tickets { get; init; }
    public required List<(int From, int Length)> Windows { get; init; }
    public required int WindowMinutes { get; init; }
}

/// <summary>A queue ticket with the outlet and counter whose ids it takes once they are saved.</summary>
internal sealed record TicketDraft(Ticket Ticket, Outlet Outlet, Counter Counter);

/// <summary>A service record with what it refers to before the ids exist.</summary>
internal sealed class ServiceDraft(ServiceRecord record, OutletPlan plan)
{
    public ServiceRecord Record { get; } = record;
    public OutletPlan Plan { get; } = plan;
    public TicketDraft? Ticket { get; set; }
    public Outlet? TransferTo { get; set; }
}

internal sealed class DemoServiceSet
{
    public List<Outlet> Outlets { get; } = [];
    public List<ServiceDraft> Records { get; } = [];
    public List<TicketDraft> Tickets { get; } = [];
    public List<Review> Reviews { get; } = [];
    public List<Rectification> Rectifications { get; } = [];
    public List<CodeCounter> Counters { get; } = [];
}
