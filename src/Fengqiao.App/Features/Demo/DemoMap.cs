using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo;

/// <summary>
/// Lays out the demo province and its organisations: province → city → county → two streets or
/// towns → four communities (a 2 × 2 lattice of rectangles around the street centre) → five
/// grids (strips that exactly tile their community). Named streets keep their real approximate
/// centres; filler streets are placed around their county centre where they touch no other
/// street, so no two grids anywhere overlap. Every parent's boundary is the bounding rectangle of
/// its children. No randomness: the same map every time.
/// </summary>
internal sealed class DemoMap
{
    /// <summary>Size of one community in degrees: about 1.3 km each way at 43° N.</summary>
    private const double CommunityHeight = 0.012;
    private const double CommunityWidth = 0.016;
    private const int CommunitiesPerStreet = 4;
    private const int GridsPerCommunity = 5;
    private const int StreetsPerCounty = 2;
    /// <summary>Least distance between the centres of two streets of one county.</summary>
    private const double StreetSpacing = 0.06;
    /// <summary>Least clear gap between the rectangles of any two streets.</summary>
    private const double StreetGap = 0.002;

    private static readonly (double Lat, double Lng)[] Offsets = BuildOffsets();

    private readonly List<Area> _areas = [];
    private readonly List<Unit> _units = [];
    private int _streetRoot;
    private int _communityRoot;

    private sealed record StreetPlan(NamedStreet? Named, Bilingual Name, Bilingual Station, bool IsTown, double Lat, double Lng)
    {
        public Box Box => Around(Lat, Lng);
    }

    public static DemoWorld Build() => new DemoMap().BuildWorld();

    private DemoWorld BuildWorld()
    {
        var plans = PlanStreets();
        var province = NewArea(null, DemoPlaces.ProvinceCode, DemoPlaces.Province, AreaLevel.Province);
        var department = NewUnit("PSD-22", DemoPlaces.Department, UnitKind.ProvincialDepartment, province, null,
            DemoPlaces.CapitalLat, DemoPlaces.CapitalLng);
        var coBuilding = new List<Unit>();
        for (var i = 0; i < DemoPlaces.CoBuilding.Length; i++)
        {
            coBuilding.Add(NewUnit(FormattableString.Invariant($"CB-22-{i + 1:D2}"), DemoPlaces.CoBuilding[i],
                UnitKind.CoBuildingDepartment, province, null,
                DemoPlaces.CapitalLat + 0.004 * ((i % 5) - 2), DemoPlaces.CapitalLng + 0.006 * ((i / 5) - 1)));
        }

        var cities = new List<DemoCity>();
        Box? provinceBox = null;
        foreach (var row in DemoPlaces.Cities)
        {
            var area = NewArea(province, row.Code, new Bilingual(row.NameZh, row.NameEn), AreaLevel.City);
            var bureau = NewUnit("PSB-" + row.Code, new Bilingual(row.NameZh + "公安局", row.BureauEn), UnitKind.CityBureau,
                area, department, row.Lat, row.Lng);
            var city = new DemoCity { Row = row, Area = area, Bureau = bureau };
            cities.Add(city);
            Box? cityBox = null;
            foreach (var countyRow in DemoPlaces.Counties)
            {
                if (countyRow.CityCode == row.Code)
                {
                    cityBox = Union(cityBox, BuildCounty(city, countyRow, plans[countyRow.Code]));
                }
            }
            var box = cityBox ?? throw new InvalidOperationException("Demo city " + row.Code + " has no counties.");
            Shape(area, box, row.Lat, row.Lng);
            provinceBox = Union(provinceBox, box);
        }
        var whole = provinceBox ?? throw new InvalidOperationException("The demo province has no cities.");
        Shape(province, whole, whole.CentreLat, whole.CentreLng);

        return new DemoWorld
        {
            Province = province,
            Department = department,
            CoBuilding = coBuilding,
            Cities = cities,
            Areas = _areas,
            Units = _units,
        };
    }

    private Box BuildCounty(DemoCity city, CountyRow row, List<StreetPlan> plans)
    {
        var area = NewArea(city.Area, row.Code, new Bilingual(row.NameZh, row.NameEn), AreaLevel.County);
        var name = row.Type == CountyType.District
            ? new Bilingual(city.Row.NameZh + "公安局" + row.NameZh + "分局", row.NameEn + " Branch, " + city.Row.BureauEn)
            : new Bilingual(row.NameZh + "公安局", row.NameEn + " Public Security Bureau");
        var branch = NewUnit("BR-" + row.Code, name, UnitKind.CountyBranch, area, city.Bureau, row.Lat, row.Lng);
        var county = new DemoCounty { Row = row, City = city, Area = area, Branch = branch };
        city.Counties.Add(county);
        Box? countyBox = null;
        for (var i = 0; i < plans.Count; i++)
        {
            countyBox = Union(countyBox, BuildStreet(county, plans[i], i + 1));
        }
        var box = countyBox ?? throw new InvalidOperationException("Demo county " + row.Code + " has no streets.");
        Shape(area, box, row.Lat, row.Lng);
        return box;
    }

    private Box BuildStreet(DemoCounty county, StreetPlan plan, int index)
    {
        var code = county.Row.Code + Three(index);
        var area = NewArea(county.Area, code, plan.Name, AreaLevel.Township);
        var named = plan.Named;
        var station = NewUnit("PS-" + code, plan.Station, named?.StationKind ?? UnitKind.PoliceStation, area, county.Branch,
            plan.Lat + (0.3 * CommunityHeight), plan.Lng + (0.3 * CommunityWidth), named?.StationAddress);
        var officeName = plan.IsTown
            ? new Bilingual(plan.Name.Zh + "人民政府", plan.Name.En + " Government")
            : new Bilingual(plan.Name.Zh + "办事处", plan.Name.En + " Office");
        var office = NewUnit("GOV-" + code, officeName, UnitKind.TownshipOffice, area, null,
            plan.Lat - (0.3 * CommunityHeight), plan.Lng - (0.3 * CommunityWidth));
        var street = new DemoStreet
        {
            County = county,
            Named = named,
            IsTown = plan.IsTown,
            Area = area,
            Station = station,
            Office = office,
        };
        county.Streets.Add(street);
        if (named?.HospitalOffice is { } hospital)
        {
            street.HospitalOffice = NewUnit("HPO-" + code, hospital, UnitKind.HospitalPoliceOffice, area, county.Branch,
                plan.Lat - 0.004, plan.Lng + 0.006);
        }

        // Shared edges are computed once, so neighbouring rectangles meet exactly.
        double[] lats = [Round(plan.Lat - CommunityHeight), Round(plan.Lat), Round(plan.Lat + CommunityHeight)];
        double[] lngs = [Round(plan.Lng - CommunityWidth), Round(plan.Lng), Round(plan.Lng + CommunityWidth)];
        for (var i = 0; i < CommunitiesPerStreet; i++)
        {
            var row = i / 2;
            var col = i % 2;
            var box = new Box(lats[row], lngs[col], lats[row + 1], lngs[col + 1]);
            Bilingual name;
            if (i == 0 && named?.Community is { } namedCommunity)
            {
                name = namedCommunity;
            }
            else
            {
                var root = DemoPlaces.CommunityRoots[_communityRoot++ % DemoPlaces.CommunityRoots.Length];
                name = plan.IsTown
                    ? new Bilingual(root.Zh + "村", root.En + " Village")
                    : new Bilingual(root.Zh + "社区", root.En + " Community");
            }
            BuildCommunity(street, box, i + 1, name);
        }
        var streetBox = new Box(lats[0], lngs[0], lats[2], lngs[2]);
        Shape(area, streetBox, plan.Lat, plan.Lng);
        return streetBox;
    }

    private void BuildCommunity(DemoStreet street, Box box, int index, Bilingual name)
    {
        var code = street.Area.Code + Three(index);
        var area = NewArea(street.Area, code, name, AreaLevel.Community);
        var committeeName = street.IsTown
            ? new Bilingual(name.Zh + "村委会", name.En + " Committee")
            : new Bilingual(name.Zh + "居委会", name.En + " Committee");
        var committee = NewUnit("CC-" + code, committeeName, UnitKind.CommunityCommittee, area, street.Office,
            box.CentreLat, box.CentreLng);
        var community = new DemoCommunity { IsVillage = street.IsTown, Area = area, Committee = committee };
        street.Communities.Add(community);
        Shape(area, box, box.CentreLat, box.CentreLng);

        for (var g = 1; g <= GridsPerCommunity; g++)
        {
            var gridBox = new Box(box.South, GridEdge(box, g - 1), box.North, GridEdge(box, g));
            var grid = NewArea(area, code + Three(g), new Bilingual(
                FormattableString.Invariant($"第{g}网格"), FormattableString.Invariant($"Grid {g}")), AreaLevel.Grid);
            Shape(grid, gridBox, gridBox.CentreLat, gridBox.CentreLng);
            community.Grids.Add(grid);
        }
    }

    /// <summary>The k-th of the west-to-east edges that cut a community into grids; the outer two are the community's own.</summary>
    private static double GridEdge(Box community, int k) => k switch
    {
        0 => community.West,
        GridsPerCommunity => community.East,
        _ => Round(community.West + ((community.East - community.West) * k / GridsPerCommunity)),
    };

    private Dictionary<string, List<StreetPlan>> PlanStreets()
    {
        var plans = DemoPlaces.Counties.ToDictionary(c => c.Code, _ => new List<StreetPlan>());
        var placed = new List<StreetPlan>();
        foreach (var named in DemoPlaces.NamedStreets)
        {
            var plan = new StreetPlan(named, named.Name, named.Station, named.IsTown, named.Lat, named.Lng);
            plans[named.CountyCode].Add(plan);
            placed.Add(plan);
        }
        foreach (var county in DemoPlaces.Counties)
        {
            var own = plans[county.Code];
            while (own.Count < StreetsPerCounty)
            {
                var root = DemoPlaces.StreetRoots[_streetRoot++ % DemoPlaces.StreetRoots.Length];
                // A county or county-level city has a street at its seat, then towns; a district only streets.
                var town = county.Type != CountyType.District && own.Exists(p => !p.IsTown);
                var name = town
                    ? new Bilingual(root.Zh + "镇", root.En + " Town")
                    : new Bilingual(root.Zh + "街道", root.En + " Street");
                var (lat, lng) = FreeSpot(county, own, placed);
                var plan = new StreetPlan(null, name, new Bilingual(root.Zh + "派出所", root.En + " Police Station"), town, lat, lng);
                own.Add(plan);
                placed.Add(plan);
            }
        }
        for (var i = 0; i < placed.Count; i++)
        {
            for (var j = i + 1; j < placed.Count; j++)
            {
                if (placed[i].Box.Near(placed[j].Box, 0))
                {
                    throw new InvalidOperationException("Demo streets " + placed[i].Name.En + " and " + placed[j].Name.En + " overlap.");
                }
            }
        }
        return plans;
    }

    /// <summary>The first spot around the county centre far enough from the county's streets and clear of every street.</summary>
    private static (double Lat, double Lng) FreeSpot(CountyRow county, List<StreetPlan> own, List<StreetPlan> placed)
    {
        foreach (var (dLat, dLng) in Offsets)
        {
            var lat = Round(county.Lat + dLat);
            var lng = Round(county.Lng + dLng);
            var box = Around(lat, lng);
            var spaced = own.TrueForAll(p => Math.Sqrt(((p.Lat - lat) * (p.Lat - lat)) + ((p.Lng - lng) * (p.Lng - lng))) >= StreetSpacing - 1e-9);
            if (spaced && placed.TrueForAll(p => !p.Box.Near(box, StreetGap)))
            {
                return (lat, lng);
            }
        }
        throw new InvalidOperationException("No room for another demo street in county " + county.Code + ".");
    }

    /// <summary>The county centre, then rings 0.06°, 0.09°, … out in eight directions.</summary>
    private static (double Lat, double Lng)[] BuildOffsets()
    {
        (double Lat, double Lng)[] directions =
        [
            (0, 1), (1, 0), (0, -1), (-1, 0), (0.7071, 0.7071), (0.7071, -0.7071), (-0.7071, -0.7071), (-0.7071, 0.7071),
        ];
        var offsets = new List<(double Lat, double Lng)> { (0, 0) };
        for (var ring = 2; ring <= 12; ring++)
        {
            var d = 0.03 * ring;
            foreach (var (lat, lng) in directions)
            {
                offsets.Add((d * lat, d * lng));
            }
        }
        return [.. offsets];
    }

    private static Box Around(double lat, double lng) =>
        new(lat - CommunityHeight, lng - CommunityWidth, lat + CommunityHeight, lng + CommunityWidth);

    private static Box Union(Box? acc, Box box) => acc is { } a ? a.Union(box) : box;

    private static double Round(double degrees) => Math.Round(degrees, 6);

    private static string Three(int n) => FormattableString.Invariant($"{n:D3}");

    private static void Shape(Area area, Box box, double lat, double lng)
    {
        area.BoundaryGeoJson = box.GeoJson();
        area.CentreLat = Round(lat);
        area.CentreLng = Round(lng);
    }

    private Area NewArea(Area? parent, string code, Bilingual name, AreaLevel level)
    {
        var area = new Area
        {
            Code = code,
            NameZh = name.Zh,
            NameEn = name.En,
            Level = level,
            Parent = parent,
            Path = Area.ChildPath(parent?.Path, code),
        };
        _areas.Add(area);
        return area;
    }

    private Unit NewUnit(string code, Bilingual name, UnitKind kind, Area area, Unit? parent, double lat, double lng, string? address = null)
    {
        var unit = new Unit
        {
            Code = code,
            NameZh = name.Zh,
            NameEn = name.En,
            Kind = kind,
            Area = area,
            AreaPath = area.Path,
            ParentUnit = parent,
            Lat = Round(lat),
            Lng = Round(lng),
            Address = address,
        };
        _units.Add(unit);
        return unit;
    }
}
