using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Fengqiao.Features.Areas;

public sealed record LocatedArea(int Id, string Code, string Path);

/// <summary>
/// Finds the grid that contains a coordinate. Grid boundaries sit in an STR-tree in memory, so
/// a lookup is a few envelope tests and one or two exact point-in-polygon tests even with
/// 100,000 grids. The tree is rebuilt after this node changes areas, and at least every few
/// minutes so that other nodes' changes are seen.
/// </summary>
public sealed class GridLocator(IServiceScopeFactory scopes, TimeProvider clock, ILogger<GridLocator> log) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private STRtree<(LocatedArea Area, Geometry Shape)>? _tree;
    private DateTimeOffset _builtAt;

    public void Invalidate() => _tree = null;

    public void Dispose() => _gate.Dispose();

    public async Task<LocatedArea?> LocateAsync(double lat, double lng, CancellationToken ct = default)
    {
        var tree = await TreeAsync(ct);
        var point = new Point(lng, lat);
        foreach (var (area, shape) in tree.Query(point.EnvelopeInternal))
        {
            if (shape.Covers(point))
            {
                return area;
            }
        }
        return null;
    }

    private async Task<STRtree<(LocatedArea, Geometry)>> TreeAsync(CancellationToken ct)
    {
        var tree = _tree;
        if (tree is not null && clock.GetUtcNow() - _builtAt < MaxAge)
        {
            return tree;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_tree is not null && clock.GetUtcNow() - _builtAt < MaxAge)
            {
                return _tree;
            }
            _tree = await BuildAsync(ct);
            _builtAt = clock.GetUtcNow();
            return _tree;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<STRtree<(LocatedArea, Geometry)>> BuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var tree = new STRtree<(LocatedArea, Geometry)>();
        var count = 0;
        var grids = db.Areas.AsNoTracking()
            .Where(a => a.Level == AreaLevel.Grid && a.BoundaryGeoJson != null)
            .Select(a => new { a.Id, a.Code, a.Path, a.BoundaryGeoJson })
            .AsAsyncEnumerable();
        await foreach (var g in grids.WithCancellation(ct))
        {
            try
            {
                var shape = Boundaries.Parse(g.BoundaryGeoJson!);
                tree.Insert(shape.EnvelopeInternal, (new LocatedArea(g.Id, g.Code, g.Path), shape));
                count++;
            }
            catch (JsonException e)
            {
                log.LogWarning(e, "Grid {Code} has an unreadable boundary; it cannot be located", g.Code);
            }
        }
        tree.Build();
        log.LogInformation("Grid index built with {Count} grids", count);
        return tree;
    }
}
