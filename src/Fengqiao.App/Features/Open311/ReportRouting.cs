using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fengqiao.Features.Open311;

/// <summary>
/// Where a resident's report goes: the area of an address id (a grid or community code), and the police station that
/// answers for an area (the nearest one at or above it). Intake asks both for every report, so every area code and
/// every station is held in memory (about 110,000 areas for a province), like <see cref="GridLocator"/> holds the
/// grid boundaries. Any save through <see cref="AppDb"/> that touches an area or a unit has it read again
/// (<see cref="Changed"/>); changes made by another node are seen within <see cref="MaxAge"/>, and a code it does not
/// know yet is looked up in the database.
/// </summary>
public sealed class ReportRouting(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportRouting> log) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private static long _version;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Directory? _directory;

    private sealed record Directory(DateTimeOffset BuiltAt, long Version, Dictionary<string, LocatedArea> Areas, Dictionary<string, int> Stations);

    /// <summary>True when the pending changes touch what routing depends on (call before the save).</summary>
    public static bool Touches(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.Entity is Area or Unit && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    /// <summary>Areas or units have changed: the directory is read again before its next use.</summary>
    public static void Changed() => Interlocked.Increment(ref _version);

    public void Dispose() => _gate.Dispose();

    /// <summary>The area with this code, or null.</summary>
    public async Task<LocatedArea?> AreaAsync(AppDb db, string code, CancellationToken ct)
    {
        if ((await CurrentAsync(ct)).Areas.TryGetValue(code, out var known))
        {
            return known;
        }
        return await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.Code == code)
            .Select(a => new LocatedArea(a.Id, a.Code, a.Path)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The station whose area is this one or the nearest above it ("/22/2201/220104/" → "/22/2201/" → "/22/"), or null.</summary>
    public async Task<int?> StationAsync(string areaPath, CancellationToken ct)
    {
        var stations = (await CurrentAsync(ct)).Stations;
        for (var path = areaPath; path.Length > 1; path = path[..(path[..^1].LastIndexOf('/') + 1)])
        {
            if (stations.TryGetValue(path, out var station))
            {
                return station;
            }
        }
        return null;
    }

    private async Task<Directory> CurrentAsync(CancellationToken ct)
    {
        var directory = _directory;
        if (Fresh(directory))
        {
            return directory!;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (!Fresh(_directory))
            {
                _directory = await BuildAsync(ct);
            }
            return _directory!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool Fresh(Directory? d) => d is not null && d.Version == Interlocked.Read(ref _version) && clock.GetUtcNow() - d.BuiltAt < MaxAge;

    private async Task<Directory> BuildAsync(CancellationToken ct)
    {
        var (builtAt, version) = (clock.GetUtcNow(), Interlocked.Read(ref _version));
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var areas = new Dictionary<string, LocatedArea>(StringComparer.Ordinal);
        await foreach (var a in db.Areas.AsNoTracking().Select(a => new LocatedArea(a.Id, a.Code, a.Path)).AsAsyncEnumerable().WithCancellation(ct))
        {
            areas.TryAdd(a.Code, a);
        }
        var stations = new Dictionary<string, int>(StringComparer.Ordinal);
        // Where two stations share an area, the older one answers.
        foreach (var s in await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.AreaPath }).ToListAsync(ct))
        {
            stations.TryAdd(s.AreaPath, s.Id);
        }
        log.LogInformation("Report routing read {Areas} areas and {Stations} station areas", areas.Count, stations.Count);
        return new Directory(builtAt, version, areas, stations);
    }
}
