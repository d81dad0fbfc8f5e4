using Fengqiao.Features.Areas;
using Fengqiao.Features.Demo;

namespace Fengqiao.Tools.Generator;

/// <summary>One node of the area tree as the generator keeps it: the row's values and its parent's index one level up.</summary>
internal sealed class Place
{
    public int Id { get; init; }
    public required string Code { get; init; }
    public required string Path { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public AreaLevel Level { get; init; }
    public int Parent { get; init; }
    public bool Urban { get; init; }
    public double Lat { get; init; }
    public double Lng { get; init; }
    public int ParentId { get; init; }
}

/// <summary>
/// The counts at the chosen scale and the area tree: province → 9 cities (real codes) → 60 counties (real codes) → 964
/// townships → 10,000 communities → 100,000 grids at scale 1, fewer (at least one of each) at smaller scales. Townships are
/// apportioned by the cities' population, communities and grids evenly. Ids are given level by level from 1.
/// </summary>
internal sealed class ProvinceShape
{
    public required Place Province { get; init; }
    public required Place[] Cities { get; init; }
    public required Place[] Counties { get; init; }
    public required Place[] Townships { get; init; }
    public required Place[] Communities { get; init; }
    public required Place[] Grids { get; init; }
    public int Households { get; init; }
    public int Residents { get; init; }

    public IEnumerable<Place> All => new[] { Province }.Concat(Cities).Concat(Counties).Concat(Townships).Concat(Communities).Concat(Grids);

    public Place TownshipOfGrid(int grid) => Townships[Communities[Grids[grid].Parent].Parent];

    public static ProvinceShape Build(GeneratorOptions o)
    {
        var rng = o.Stream("Areas");
        var cityCount = Math.Min(9, o.Count(9));
        var countyCount = Math.Max(cityCount, Math.Min(60, o.Count(60)));
        var townshipCount = Math.Max(countyCount, o.Count(964));
        var communityCount = Math.Max(townshipCount, o.Count(10_000));
        var gridCount = Math.Max(communityCount, o.Count(100_000));
        var nextId = 1;

        // Another province than Jilin keeps Jilin's shape and place names under its own code and name (docs/scale.md).
        var named = o.Province == DemoPlaces.ProvinceCode ? null : Provinces.Find(o.Province);
        var province = new Place
        {
            Id = nextId++, Code = o.Province, Path = Area.ChildPath(null, o.Province), NameZh = named?.NameZh ?? DemoPlaces.Province.Zh,
            NameEn = named?.NameEn ?? DemoPlaces.Province.En, Level = AreaLevel.Province, Lat = DemoPlaces.CapitalLat, Lng = DemoPlaces.CapitalLng,
        };
        var cityRows = DemoPlaces.Cities.Take(cityCount).ToArray();
        var cities = cityRows.Select((c, i) => new Place
        {
            Id = nextId++, Code = o.Code(c.Code), Path = Area.ChildPath(province.Path, o.Code(c.Code)), NameZh = c.NameZh, NameEn = c.NameEn,
            Level = AreaLevel.City, Parent = 0, ParentId = province.Id, Lat = c.Lat, Lng = c.Lng,
        }).ToArray();

        var realCounties = cityRows.Select(c => JilinPlaces.Counties.Where(k => k.Code.StartsWith(c.Code, StringComparison.Ordinal)).ToArray()).ToArray();
        var perCity = Apportion(countyCount, realCounties.Select(k => (double)k.Length).ToArray(), realCounties.Select(k => k.Length).ToArray());
        var counties = new List<Place>();
        var countyWeight = new List<double>();
        for (var c = 0; c < cities.Length; c++)
        {
            foreach (var k in realCounties[c].Take(perCity[c]))
            {
                counties.Add(new Place
                {
                    Id = nextId++, Code = o.Code(k.Code), Path = Area.ChildPath(cities[c].Path, o.Code(k.Code)), NameZh = k.NameZh, NameEn = k.NameEn,
                    Level = AreaLevel.County, Parent = c, ParentId = cities[c].Id, Urban = k.Urban,
                    Lat = Clamp(cities[c].Lat + Jitter(rng, 0.6), 40.9, 46.2), Lng = Clamp(cities[c].Lng + Jitter(rng, 0.8), 121.7, 131.2),
                });
                countyWeight.Add(JilinPlaces.CityPopulation[c] / perCity[c] * (k.Urban ? 1.3 : 1.0));
            }
        }

        var townshipsPer = Apportion(townshipCount, [.. countyWeight], null);
        var townships = new List<Place>();
        for (var k = 0; k < counties.Count; k++)
        {
            var county = counties[k];
            var offset = rng.Next(JilinPlaces.PlaceWords.Length);
            for (var t = 0; t < townshipsPer[k]; t++)
            {
                var word = JilinPlaces.PlaceWords[(offset + (t * 7)) % JilinPlaces.PlaceWords.Length];
                var street = county.Urban || t < 2;
                var code = county.Code + Three(t + 1, townshipsPer[k]);
                townships.Add(new Place
                {
                    Id = nextId++, Code = code, Path = Area.ChildPath(county.Path, code),
                    NameZh = word.Zh + (street ? "街道" : t % 4 == 3 ? "乡" : "镇"), NameEn = word.En + (street ? " Street" : t % 4 == 3 ? " Township" : " Town"),
                    Level = AreaLevel.Township, Parent = k, ParentId = county.Id, Urban = street,
                    Lat = Clamp(county.Lat + Jitter(rng, 0.15), 40.85, 46.25), Lng = Clamp(county.Lng + Jitter(rng, 0.2), 121.65, 131.25),
                });
            }
        }

        var communities = Children(townships, communityCount, AreaLevel.Community, ref nextId, rng, 0.03,
            (parent, i) => parent.Urban
                ? Named(JilinPlaces.PlaceWords[(i * 11 + parent.Code.Length + parent.Id) % JilinPlaces.PlaceWords.Length], "社区", " Community", i)
                : Named(JilinPlaces.PlaceWords[(i * 13 + parent.Id) % JilinPlaces.PlaceWords.Length], "村", " Village", i));
        var grids = Children(communities, gridCount, AreaLevel.Grid, ref nextId, rng, 0.004,
            (_, i) => ($"第{i + 1}网格", $"Grid {i + 1}"));

        return new ProvinceShape
        {
            Province = province, Cities = cities, Counties = [.. counties], Townships = [.. townships], Communities = communities, Grids = grids,
            Households = Math.Max(gridCount, o.Count(9_000_000)), Residents = Math.Max(gridCount, o.Count(24_000_000)),
        };
    }

    private static Place[] Children(IReadOnlyList<Place> parents, int total, AreaLevel level, ref int nextId, Random rng, double spread,
        Func<Place, int, (string Zh, string En)> name)
    {
        var per = Apportion(total, [.. parents.Select(_ => 1.0)], null);
        var result = new Place[total];
        var n = 0;
        for (var p = 0; p < parents.Count; p++)
        {
            var parent = parents[p];
            for (var i = 0; i < per[p]; i++)
            {
                var code = parent.Code + Three(i + 1, per[p]);
                var (zh, en) = name(parent, i);
                result[n++] = new Place
                {
                    Id = nextId++, Code = code, Path = Area.ChildPath(parent.Path, code), NameZh = zh, NameEn = en, Level = level,
                    Parent = p, ParentId = parent.Id, Urban = parent.Urban,
                    Lat = Clamp(parent.Lat + Jitter(rng, spread), 40.82, 46.28), Lng = Clamp(parent.Lng + Jitter(rng, spread * 1.3), 121.62, 131.28),
                };
            }
        }
        return result;
    }

    private static (string Zh, string En) Named(Bilingual word, string zh, string en, int i) =>
        i < JilinPlaces.PlaceWords.Length ? (word.Zh + zh, word.En + en) : ($"{word.Zh}{i / JilinPlaces.PlaceWords.Length + 1}{zh}", $"{word.En} No.{i / JilinPlaces.PlaceWords.Length + 1}{en}");

    /// <summary>Three digits (four when a parent has more than 999 children at a large scale).</summary>
    private static string Three(int n, int of) => n.ToString(of > 999 ? "D4" : "D3", System.Globalization.CultureInfo.InvariantCulture);

    private static double Jitter(Random rng, double r) => (rng.NextDouble() * 2 - 1) * r;

    private static double Clamp(double v, double lo, double hi) => Math.Round(Math.Clamp(v, lo, hi), 5);

    /// <summary>Splits <paramref name="total"/> by weight (largest remainder), at least 1 and at most <paramref name="max"/> each.</summary>
    public static int[] Apportion(int total, double[] weights, int[]? max)
    {
        var n = weights.Length;
        var result = new int[n];
        Array.Fill(result, 1);
        var left = total - n;
        var sum = weights.Sum();
        var shares = weights.Select(w => Math.Max(0, left) * w / sum).ToArray();
        for (var i = 0; i < n; i++)
        {
            var add = (int)Math.Floor(shares[i]);
            if (max is not null)
            {
                add = Math.Min(add, max[i] - 1);
            }
            result[i] += add;
        }
        var remaining = total - result.Sum();
        var order = Enumerable.Range(0, n).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).ToArray();
        for (var pass = 0; remaining > 0 && pass < 1000; pass++)
        {
            foreach (var i in order)
            {
                if (remaining == 0)
                {
                    break;
                }
                if (max is null || result[i] < max[i])
                {
                    result[i]++;
                    remaining--;
                }
            }
        }
        return result;
    }
}
