using Fengqiao.Features.People;
using Fengqiao.Features.Statistics;
using Fengqiao.Features.Units;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// Adds up what every generated record counts for, with the same <see cref="Contributions"/> as the writer and the
/// recount, while the records are written; the generator then writes the rollups in key order. Reading 80 million
/// records back to count them (<c>recount --fix</c>) took longer than generating them.
/// A row is (metric, area, day) packed in one number: metric · 2⁴⁶ + area · 2²² + day number, where areas are
/// numbered as they are first met and put in code order at the end. Not thread-safe: the writer feeds one table at a time.
/// </summary>
internal sealed class RollupTally(IReadOnlyDictionary<int, UnitKind> kinds) : IRollupLookups
{
    private const int DayBits = 22;
    private const int AreaBits = 24;
    private const long DayMask = (1L << DayBits) - 1;
    private const long AreaMask = (1L << AreaBits) - 1;

    private readonly Dictionary<long, long> _rows = [];
    private readonly Dictionary<string, int[]> _ancestors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _areaNumbers = new(StringComparer.Ordinal);
    private readonly List<string> _areas = [];

    public long Records { get; private set; }

    public int Count => _rows.Count;

    public UnitKind? UnitKindOf(Post post) => kinds.TryGetValue(post.UnitId, out var k) ? k : null;

    /// <summary>Counts the records of a chunk; records of a type that counts for nothing are skipped at once.</summary>
    public void Add<T>(T[] records) where T : class
    {
        if (!Contributions.Counts(typeof(T)))
        {
            return;
        }
        foreach (var record in records)
        {
            foreach (var c in Contributions.Of(record, this))
            {
                if (c.Value == 0)
                {
                    continue;
                }
                var areas = AncestorsOf(c.AreaPath);
                foreach (var (m, d) in Metrics.Rows(c.Metric, c.Day))
                {
                    var day = (long)d.DayNumber;
                    var metric = (long)(ushort)m << (DayBits + AreaBits);
                    foreach (var area in areas)
                    {
                        ref var value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                            _rows, metric | ((long)area << DayBits) | day, out _);
                        value += c.Value;
                    }
                }
            }
        }
        Records += records.Length;
    }

    /// <summary>The rows in primary-key order (metric, area code, day), without the ones that add up to nothing.</summary>
    public IEnumerable<AreaRollup> Rollups()
    {
        var rank = new int[_areas.Count];
        var byCode = Enumerable.Range(0, _areas.Count).OrderBy(i => _areas[i], StringComparer.Ordinal).ToArray();
        for (var r = 0; r < byCode.Length; r++)
        {
            rank[byCode[r]] = r;
        }
        var keys = new long[_rows.Count];
        var values = new long[_rows.Count];
        var n = 0;
        foreach (var (key, value) in _rows)
        {
            if (value == 0)
            {
                continue;
            }
            var area = (int)((key >> DayBits) & AreaMask);
            keys[n] = (key & ~(AreaMask << DayBits)) | ((long)rank[area] << DayBits);
            values[n++] = value;
        }
        Array.Sort(keys, values, 0, n);
        for (var i = 0; i < n; i++)
        {
            var key = keys[i];
            yield return new AreaRollup
            {
                Metric = (Metric)(short)(key >> (DayBits + AreaBits)),
                Area = _areas[byCode[(int)((key >> DayBits) & AreaMask)]],
                Day = DateOnly.FromDayNumber((int)(key & DayMask)),
                Value = values[i],
            };
        }
    }

    /// <summary>The numbers of a path's areas down to <see cref="RollupDelta.DeepestLevel"/>, worked out once per path.</summary>
    private int[] AncestorsOf(string path)
    {
        if (!_ancestors.TryGetValue(path, out var numbers))
        {
            numbers = [.. RollupDelta.Ancestors(path).Select(NumberOf)];
            _ancestors[path] = numbers;
        }
        return numbers;
    }

    private int NumberOf(string code)
    {
        if (!_areaNumbers.TryGetValue(code, out var number))
        {
            number = _areas.Count;
            if (number > AreaMask)
            {
                throw new InvalidOperationException($"More than {AreaMask:N0} areas to count.");
            }
            _areaNumbers[code] = number;
            _areas.Add(code);
        }
        return number;
    }
}
