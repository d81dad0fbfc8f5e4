using Fengqiao.Features.Areas;
using Fengqiao.Features.Demo;
using Fengqiao.Features.Units;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// Areas and units: the provincial department, a bureau per city, a branch per county, a station (with its
/// comprehensive service window, see <see cref="RowsServices"/>) and an office per township, a committee per community.
/// </summary>
internal static class RowsUnits
{
    public static IEnumerable<Area> Areas(World w) => w.Shape.All.Select(p => new Area
    {
        Id = p.Id, Code = p.Code, NameZh = p.NameZh, NameEn = p.NameEn, Level = p.Level, ParentId = p.ParentId == 0 ? null : p.ParentId,
        Path = p.Path, CentreLat = p.Lat, CentreLng = p.Lng, Version = 1,
    });

    public static List<Unit> Units(World w)
    {
        var s = w.Shape;
        var rng = w.Options.Stream("Units");
        var units = new List<Unit>();
        Unit Add(string code, string zh, string en, UnitKind kind, Place area, int? parent, string? address = null)
        {
            var u = new Unit
            {
                Id = units.Count + 1, Code = code, NameZh = zh, NameEn = en, Kind = kind, AreaId = area.Id, AreaPath = area.Path,
                ParentUnitId = parent, Lat = Math.Round(area.Lat + ((rng.NextDouble() - 0.5) * 0.002), 5),
                Lng = Math.Round(area.Lng + ((rng.NextDouble() - 0.5) * 0.002), 5), Address = address, Version = 1,
            };
            units.Add(u);
            return u;
        }

        var named = Provinces.Find(s.Province.Code) is { } p && p.Code != DemoPlaces.ProvinceCode ? p : null;
        w.DepartmentUnit = Add("PSD-" + s.Province.Code, named?.DepartmentZh ?? DemoPlaces.Department.Zh, named?.DepartmentEn ?? DemoPlaces.Department.En,
            UnitKind.ProvincialDepartment, s.Province, null, "长春市朝阳区人民大街").Id;
        w.CityBureau = s.Cities.Select((c, i) => Add("PSB-" + c.Code, c.NameZh + "公安局", DemoPlaces.Cities[i].BureauEn, UnitKind.CityBureau, c,
            w.DepartmentUnit).Id).ToArray();
        w.CountyBranch = s.Counties.Select(k =>
        {
            var city = s.Cities[k.Parent];
            var bureauEn = DemoPlaces.Cities[k.Parent].BureauEn;
            return (k.Urban
                ? Add("BR-" + k.Code, city.NameZh + "公安局" + k.NameZh + "分局", k.NameEn + " Branch, " + bureauEn, UnitKind.CountyBranch, k, w.CityBureau[k.Parent])
                : Add("BR-" + k.Code, k.NameZh + "公安局", k.NameEn + " Public Security Bureau", UnitKind.CountyBranch, k, w.CityBureau[k.Parent])).Id;
        }).ToArray();
        w.Station = s.Townships.Select(t =>
        {
            var (zh, en) = Stem(t);
            return Add("PS-" + t.Code, zh + "派出所", en + " Police Station", UnitKind.PoliceStation, t, w.CountyBranch[t.Parent], Address(rng, t)).Id;
        }).ToArray();
        w.TownshipOffice = s.Townships.Select(t => (t.Urban
            ? Add("GOV-" + t.Code, t.NameZh + "办事处", t.NameEn + " Office", UnitKind.TownshipOffice, t, null)
            : Add("GOV-" + t.Code, t.NameZh + "人民政府", t.NameEn + " Government", UnitKind.TownshipOffice, t, null)).Id).ToArray();
        w.Committee = s.Communities.Select(c => (c.Urban
            ? Add("CC-" + c.Code, c.NameZh + "居民委员会", c.NameEn + " Residents' Committee", UnitKind.CommunityCommittee, c, w.TownshipOffice[c.Parent])
            : Add("CC-" + c.Code, c.NameZh + "村民委员会", c.NameEn + " Villagers' Committee", UnitKind.CommunityCommittee, c, w.TownshipOffice[c.Parent])).Id).ToArray();
        return units;
    }

    /// <summary>"永安街道" → "永安": the name a station takes from its township.</summary>
    public static (string Zh, string En) Stem(Place township)
    {
        var zh = township.NameZh;
        foreach (var suffix in (string[])["街道", "镇", "乡"])
        {
            if (zh.EndsWith(suffix, StringComparison.Ordinal))
            {
                zh = zh[..^suffix.Length];
                break;
            }
        }
        var en = township.NameEn;
        var space = en.LastIndexOf(' ');
        return (zh, space > 0 ? en[..space] : en);
    }

    /// <summary>A street address in the area: "永安街道人民大街123号".</summary>
    public static string Address(Random rng, Place area) =>
        $"{area.NameZh}{JilinPlaces.Roads[rng.Next(JilinPlaces.Roads.Length)]}{rng.Next(1, 400)}号";
}
