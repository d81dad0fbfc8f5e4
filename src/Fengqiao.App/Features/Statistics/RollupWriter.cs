using Fengqiao.Features.People;
using Fengqiao.Features.Units;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fengqiao.Features.Statistics;

/// <summary>The rows one change adds to: (metric, area code, day) → amount.</summary>
public sealed class RollupDelta
{
    /// <summary>Rollups go down to the community (level 5); a grid's rows would be as many as its records.</summary>
    public const int DeepestLevel = 5;

    public Dictionary<(Metric Metric, string Area, DateOnly Day), long> Rows { get; } = [];

    public bool IsEmpty => Rows.Values.All(v => v == 0);

    public void Add(Contribution c, int sign)
    {
        if (c.Value == 0)
        {
            return;
        }
        foreach (var area in Ancestors(c.AreaPath))
        {
            foreach (var (metric, day) in Metrics.Rows(c.Metric, c.Day))
            {
                var key = (metric, area, day);
                Rows[key] = Rows.GetValueOrDefault(key) + sign * c.Value;
            }
        }
    }

    /// <summary>"/22/2201/220104/" → 22, 2201, 220104 (down to <see cref="DeepestLevel"/>).</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        var depth = 0;
        foreach (var code in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (++depth > DeepestLevel)
            {
                yield break;
            }
            yield return code;
        }
    }
}

/// <summary>
/// Keeps the rollups in step with every change saved through <see cref="AppDb"/>: before the save it
/// takes each counted record's contributions before and after the change, and after the save it adds
/// the difference to the rollup rows in the same transaction (an upsert that adds, so concurrent
/// writers never overwrite each other's counts; rows in key order, so they never deadlock).
/// </summary>
public sealed class RollupWriter : IRollupLookups
{
    private const int RowsPerStatement = 200;
    private readonly List<(object? Before, object? After)> _changes = [];
    private readonly Dictionary<int, UnitKind> _kinds = [];
    private readonly HashSet<int> _unknownUnits = [];
    /// <summary>Units whose kind changes: their posts count differently though the posts themselves do not change.</summary>
    private readonly List<(int Unit, UnitKind Before, UnitKind After)> _rekinded = [];
    private readonly List<Post> _postsOfRekinded = [];

    public static RollupWriter? Collect(ChangeTracker tracker)
    {
        RollupWriter? writer = null;
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !Contributions.Counts(e.Metadata.ClrType))
            {
                continue;
            }
            writer ??= new RollupWriter();
            if (e.Entity is Unit unit && e.State == EntityState.Modified && e.Property(nameof(Unit.Kind)).IsModified)
            {
                writer._rekinded.Add((unit.Id, (UnitKind)e.Property(nameof(Unit.Kind)).OriginalValue!, unit.Kind));
            }
            var before = e.State == EntityState.Added ? null : e.OriginalValues.ToObject();
            var after = e.State == EntityState.Deleted ? null : e.Entity;
            writer._changes.Add((before, after));
            foreach (var post in new[] { before, after }.OfType<Post>().Where(p => p.Unit is null))
            {
                writer._unknownUnits.Add(post.UnitId);
            }
        }
        return writer;
    }

    public UnitKind? UnitKindOf(Post post) => post.Unit?.Kind ?? (_kinds.TryGetValue(post.UnitId, out var k) ? k : null);

    /// <summary>The difference the change makes; call before the records are saved, after <see cref="LoadAsync"/>.</summary>
    public RollupDelta Delta()
    {
        var delta = new RollupDelta();
        foreach (var (before, after) in _changes)
        {
            if (before is not null)
            {
                foreach (var c in Contributions.Of(before, this))
                {
                    delta.Add(c, -1);
                }
            }
            if (after is not null)
            {
                foreach (var c in Contributions.Of(after, this))
                {
                    delta.Add(c, +1);
                }
            }
        }
        foreach (var post in _postsOfRekinded)
        {
            var (_, was, now) = _rekinded.First(r => r.Unit == post.UnitId);
            foreach (var c in Contributions.Of(post, new FixedKind(was)))
            {
                delta.Add(c, -1);
            }
            foreach (var c in Contributions.Of(post, new FixedKind(now)))
            {
                delta.Add(c, +1);
            }
        }
        return delta;
    }

    private sealed class FixedKind(UnitKind kind) : IRollupLookups
    {
        public UnitKind? UnitKindOf(Post post) => kind;
    }

    public async Task LoadAsync(AppDb db, CancellationToken ct)
    {
        var ids = _unknownUnits.Where(id => !_kinds.ContainsKey(id)).ToList();
        if (ids.Count > 0)
        {
            foreach (var u in await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Kind }).ToListAsync(ct))
            {
                _kinds[u.Id] = u.Kind;
            }
        }
        await LoadRekindedAsync(db, ct);
    }

    private async Task LoadRekindedAsync(AppDb db, CancellationToken ct)
    {
        if (_rekinded.Count == 0)
        {
            return;
        }
        var units = _rekinded.Select(r => r.Unit).ToList();
        // Posts changed in this same save are already counted through their own before and after.
        var tracked = db.ChangeTracker.Entries<Post>().Where(e => e.State != EntityState.Unchanged).Select(e => e.Entity.Id).ToHashSet();
        _postsOfRekinded.AddRange((await db.Posts.IgnoreQueryFilters().AsNoTracking().Where(p => units.Contains(p.UnitId)).ToListAsync(ct))
            .Where(p => !tracked.Contains(p.Id)));
    }

    public void Load(AppDb db) => LoadAsync(db, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Adds the delta to the stored rows, inside the caller's transaction.</summary>
    public static async Task ApplyAsync(AppDb db, RollupDelta delta, CancellationToken ct)
    {
        var rows = delta.Rows.Where(r => r.Value != 0).OrderBy(r => r.Key.Metric).ThenBy(r => r.Key.Area, StringComparer.Ordinal).ThenBy(r => r.Key.Day).ToList();
        var postgres = db.Database.IsNpgsql();
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var batch = rows.Skip(start).Take(RowsPerStatement).ToList();
            await using var command = DbCommands.Create(db);
            var values = new List<string>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var ((metric, area, day), value) = batch[i];
                values.Add($"(@m{i}, @a{i}, @d{i}, @v{i})");
                command.With($"@m{i}", (short)metric).With($"@a{i}", area)
                    .With($"@d{i}", postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).With($"@v{i}", value);
            }
            command.CommandText = $"""
                INSERT INTO "AreaRollups" ("Metric", "Area", "Day", "Value") VALUES {string.Join(", ", values)}
                ON CONFLICT ("Metric", "Area", "Day") DO UPDATE SET "Value" = "AreaRollups"."Value" + excluded."Value"
                """;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public static void Apply(AppDb db, RollupDelta delta) => ApplyAsync(db, delta, CancellationToken.None).GetAwaiter().GetResult();
}
