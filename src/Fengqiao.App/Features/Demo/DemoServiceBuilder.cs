using Fengqiao.Features.Calendar;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Demo;

/// <summary>
/// Builds the demo one-window services in memory: a comprehensive window at every station (a
/// few remote towns handle household and ID-card matters only), the Huadian hospital police
/// office, a self-service point in Chaoyang District's party–mass service centre and the
/// expressway station at Fuqiang; then six months of service records up to yesterday with their
/// queue tickets, reviews and rectifications. Every date counts back from
/// <see cref="LocalClock.Today"/> and every draw comes from one seeded <see cref="Random"/>.
/// </summary>
internal sealed partial class DemoServiceBuilder
{
    /// <summary>The Chaoyang District branch, which runs the self-service point.</summary>
    public const string SelfServiceBranchCode = "BR-220104";

    private const int WindowMonths = 6;
    private const string StationHours = "08:30-11:30,13:30-17:00";
    private const string HospitalHours = "08:00-11:30,13:00-16:30";
    private const string SelfServiceHours = "08:30-17:00";
    private const string ExpresswayHours = "00:00-23:59";
    /// <summary>Records are received between 01:00 and 22:30 even where the outlet never closes, so tickets and reviews stay on the same day.</summary>
    private const int EarliestMinute = 60;
    private const int LatestMinute = (22 * 60) + 30;
    private const double TicketShare = 0.9;
    private const double RejectShare = 0.03;
    private const double TransferShare = 0.012;
    private const double LateShare = 0.035;
    private const double ReviewShare = 0.6;

    private static readonly string[] StationCodes =
    [
        "HR-NEWBORN", "HR-MOVE", "HR-CERT", "ID-FIRST", "ID-RENEW", "ID-LOSS", "ID-TEMP",
        "EE-PASSPORT", "EE-HKMO", "EE-TW", "RES-PERMIT", "CERT-NOCRIME", "TR-VIOLATION",
    ];

    /// <summary>Household and ID-card matters only: two categories, so not a comprehensive window.</summary>
    private static readonly string[] RemoteCodes = ["HR-NEWBORN", "HR-MOVE", "HR-CERT", "ID-FIRST", "ID-RENEW", "ID-LOSS", "ID-TEMP"];
    private static readonly string[] HospitalCodes = ["HR-NEWBORN", "MED-INSURANCE", "HR-CERT", "ID-TEMP"];
    private static readonly string[] SelfServiceCodes = ["ID-RENEW", "ID-LOSS", "EE-PASSPORT", "EE-HKMO"];
    private static readonly string[] ExpresswayCodes = ["ID-TEMP", "TR-VIOLATION", "HR-CERT"];
    private static readonly string[] OneCounter = ["1号窗口"];
    private static readonly string[] TwoCounters = ["1号窗口", "2号窗口"];
    private static readonly string[] ThreeCounters = ["1号窗口", "2号窗口", "3号窗口"];
    private static readonly string[] Machine = ["自助机"];
    /// <summary>Busy city stations with a third counter.</summary>
    private static readonly string[] BusyStreets = [DemoPlaces.Chongqing, DemoPlaces.XianSquare, DemoPlaces.Desheng];

    private readonly DemoServiceInput _input;
    private readonly WorkingCalendar _calendar;
    private readonly LocalClock _clock;
    private readonly Random _rng;
    private readonly DemoNames _names;
    private readonly DateOnly _today;
    private readonly DateOnly _yesterday;
    private readonly Dictionary<string, int> _materials;
    private readonly List<OutletPlan> _plans = [];

    public DemoServiceBuilder(DemoServiceInput input, WorkingCalendar calendar, LocalClock clock, Random rng)
    {
        _input = input;
        _calendar = calendar;
        _clock = clock;
        _rng = rng;
        _names = new DemoNames(rng);
        _today = clock.Today;
        _yesterday = _today.AddDays(-1);
        _materials = input.Services.ToDictionary(s => s.Key, s => s.Value.Materials(true).Count, StringComparer.Ordinal);
    }

    public DemoServiceSet Set { get; } = new();

    public DemoServiceSet Build()
    {
        PlanOutlets();
        var first = _today.AddMonths(-WindowMonths);
        foreach (var plan in _plans)
        {
            for (var day = first; day <= _yesterday; day = day.AddDays(1))
            {
                if (plan.EveryDay || _calendar.IsWorkingDay(day))
                {
                    ServeDay(plan, day);
                }
            }
        }
        Number();
        Appeal();
        return Set;
    }

    private void PlanOutlets()
    {
        var stations = _input.Units.Where(u => u.Kind.IsStation()).ToList();
        var repeated = stations.GroupBy(u => u.NameZh, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var fuqiang = StationName(DemoPlaces.Fuqiang);
        var busy = BusyStreets.Select(StationName).ToHashSet(StringComparer.Ordinal);
        foreach (var station in stations)
        {
            if (station.NameZh == fuqiang)
            {
                Add(station, OutletKind.ExpresswayStation,
                    new Bilingual("辽源高速公路出入口警务服务站", "Liaoyuan Expressway Entrance Police Service Station"),
                    ExpresswayHours, ExpresswayCodes, OneCounter, 1, 6, everyDay: true,
                    facilities: Facilities.Lounge | Facilities.Charging | Facilities.FirstAid | Facilities.DrinkingWater | Facilities.Toilets | Facilities.Parking);
                continue;
            }
            var county = CountyOf(station.AreaPath);
            // Filler stations of two counties may share a name; the outlet names stay apart.
            var name = repeated.Contains(station.NameZh) && county is not null
                ? new Bilingual(county.NameZh + station.NameZh, station.NameEn + ", " + county.NameEn)
                : new Bilingual(station.NameZh, station.NameEn);
            var tier = TierOf(station, county);
            var remote = tier == Tier.Town && _rng.Next(10) < 3;
            var isBusy = busy.Contains(station.NameZh);
            var (min, max) = isBusy ? (2, 9) : tier switch
            {
                Tier.City => (0, 6),
                Tier.Seat => (0, 5),
                _ => (0, 3),
            };
            Add(station, OutletKind.StationWindow, new Bilingual(name.Zh + "综合服务窗口", name.En + " comprehensive service window"),
                StationHours, remote ? RemoteCodes : StationCodes, isBusy ? ThreeCounters : TwoCounters, min, max);
        }

        foreach (var hospital in _input.Units.Where(u => u.Kind == UnitKind.HospitalPoliceOffice))
        {
            Add(hospital, OutletKind.HospitalPoliceOffice,
                new Bilingual(hospital.NameZh + "“一窗通办”窗口", hospital.NameEn + " one-window desk"),
                HospitalHours, HospitalCodes, OneCounter, 1, 5, address: "桦甸市人民医院门诊楼一楼",
                facilities: Facilities.DrinkingWater | Facilities.StepFreeAccess);
        }

        if (_input.Units.Find(u => u.Code == SelfServiceBranchCode) is { } branch)
        {
            Add(branch, OutletKind.SelfServicePoint,
                new Bilingual("长春市朝阳区党群服务中心自助服务点", "Self-service point, Chaoyang District Party–Mass Service Centre, Changchun"),
                SelfServiceHours, SelfServiceCodes, Machine, 1, 7, address: "长春市朝阳区党群服务中心一楼大厅");
        }
    }

    private void Add(
        ServiceUnit unit, OutletKind kind, Bilingual name, string hours, string[] codes, string[] counters, int min, int max,
        bool everyDay = false, string? address = null, Facilities facilities = Facilities.DrinkingWater)
    {
        // Only what the catalogue of this database still offers.
        var offered = Array.FindAll(codes, _input.Services.ContainsKey);
        if (offered.Length == 0)
        {
            return;
        }
        var outlet = new Outlet
        {
            NameZh = name.Zh, NameEn = name.En, Kind = kind, UnitId = unit.Id, AreaPath = unit.AreaPath, Address = address ?? unit.Address,
            OpeningHours = hours, ServiceCodes = string.Join(',', offered), Counters = [.. counters.Select(n => new Counter { Name = n })],
            Facilities = facilities,
        };
        var windows = Windows(outlet);
        if (windows.Count == 0)
        {
            return;
        }
        Set.Outlets.Add(outlet);
        var segments = unit.AreaPath.Trim('/').Split('/');
        _plans.Add(new OutletPlan
        {
            Outlet = outlet,
            Unit = unit,
            Township = segments.ElementAtOrDefault(3) ?? segments[^1],
            County = segments.Length > 2 ? "/" + string.Join('/', segments.Take(3)) + "/" : unit.AreaPath,
            Codes = offered,
            Weights = [.. offered.Select(c => DemoServiceTexts.Weight(kind, c))],
            MinPerDay = min,
            MaxPerDay = max,
            EveryDay = everyDay,
            Tickets = kind != OutletKind.SelfServicePoint,
            Windows = windows,
            WindowMinutes = windows.Sum(w => w.Length),
        });
    }

    /// <summary>The opening periods as (first minute of the day, length), within 01:00–22:30 and closing five minutes early.</summary>
    private static List<(int From, int Length)> Windows(Outlet outlet)
    {
        var windows = new List<(int From, int Length)>();
        foreach (var (from, to) in outlet.Periods())
        {
            var start = Math.Max((from.Hour * 60) + from.Minute, EarliestMinute);
            var end = Math.Min((to.Hour * 60) + to.Minute, LatestMinute) - 5;
            if (end > start)
            {
                windows.Add((start, end - start));
            }
        }
        return windows;
    }

    private static string StationName(string streetKey) =>
        Array.Find(DemoPlaces.NamedStreets, s => s.Key == streetKey)?.Station.Zh ?? "";

    private static CountyRow? CountyOf(string areaPath)
    {
        var segments = areaPath.Trim('/').Split('/');
        return segments.Length > 2 ? Array.Find(DemoPlaces.Counties, c => c.Code == segments[2]) : null;
    }

    private Tier TierOf(ServiceUnit station, CountyRow? county)
    {
        if (county?.Type == CountyType.District)
        {
            return Tier.City;
        }
        return _input.Townships.GetValueOrDefault(station.AreaPath, "").EndsWith('镇') ? Tier.Town : Tier.Seat;
    }

    /// <summary>A city district, a county seat, or a rural town: how busy a station window is.</summary>
    private enum Tier
    {
        City,
        Seat,
        Town,
    }

    /// <summary>Readable codes in the order the records were received, numbered per township and year, and the counters that continue them.</summary>
    private void Number()
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var draft in Set.Records.OrderBy(d => d.Record.ReceivedAt))
        {
            var record = draft.Record;
            var key = FormattableString.Invariant($"{draft.Plan.Township}-{record.ReceivedOn.Year}");
            var number = last.GetValueOrDefault(key) + 1;
            last[key] = number;
            record.Code = FormattableString.Invariant($"S{key}-{number:00000}");
        }
        Set.Counters.AddRange(last.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new CodeCounter { Series = "S-" + p.Key, Last = p.Value }));
    }

    /// <summary>The oldest bad review was appealed as mistaken and upheld; the latest one's appeal is pending.</summary>
    private void Appeal()
    {
        var bad = Set.Reviews.Where(r => r.IsBad).OrderBy(r => r.At).ToList();
        if (bad.Count > 0)
        {
            bad[0].Appeal = AppealStatus.Upheld;
            bad[0].AppealReason = DemoServiceTexts.UpheldAppeal;
        }
        if (bad.Count > 1)
        {
            bad[^1].Appeal = AppealStatus.Pending;
            bad[^1].AppealReason = DemoServiceTexts.PendingAppeal;
        }
    }

    private int Weighted(int[] weights)
    {
        var roll = _rng.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }
            roll -= weights[i];
        }
        return weights.Length - 1;
    }

    private string Pick(string[] choices) => choices[_rng.Next(choices.Length)];
}
