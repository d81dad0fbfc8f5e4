using Fengqiao.Features.PublicServices;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// The comprehensive service window of every station (964 at scale 1, two counters each) and its work: about 5,000,000
/// services in five years, each called from a queue ticket, completed within the service's time limit, about 30%
/// reviewed (five levels), bad reviews rectified. Each record is drawn from its own stream; ticket numbers run per
/// outlet and day in record order, so every pass over the records sees the same tickets.
/// </summary>
internal sealed class RowsServices(World w, IReadOnlyList<PublicService> catalogue)
{
    private static readonly Dictionary<string, double> Popularity = new(StringComparer.Ordinal)
    {
        ["ID-RENEW"] = 25, ["TR-VIOLATION"] = 15, ["HR-CERT"] = 12, ["ID-LOSS"] = 8, ["HR-NEWBORN"] = 6, ["HR-MOVE"] = 6, ["EE-PASSPORT"] = 6,
        ["EE-HKMO"] = 5, ["RES-PERMIT"] = 5, ["CERT-NOCRIME"] = 5, ["ID-TEMP"] = 3, ["ID-FIRST"] = 2,
    };

    private static readonly string[] Comments = ["办事快，态度好", "一次就办成了，点赞", "窗口人员很耐心", "排队时间有点长", "材料讲得很清楚"];

    private readonly PublicService[] _services = [.. catalogue.Where(s => s.Active).OrderBy(s => s.Code, StringComparer.Ordinal)];
    private readonly double[] _weights = World.Cumulative([.. catalogue.Where(s => s.Active).OrderBy(s => s.Code, StringComparer.Ordinal)
        .Select(s => Popularity.GetValueOrDefault(s.Code, 1.5))]);

    private readonly List<Review> _bad = [];

    public int Count { get; } = w.Options.Count(5_000_000);

    /// <summary>Ticket numbers handed out on <see cref="World.End"/> per outlet id (the app's "T-{outlet}-{day}" counters).</summary>
    public Dictionary<int, int> LastDayTickets { get; } = [];

    internal sealed record Plan(int Id, int Township, PublicService Service, DateOnly Day, int Number, int Counter, DateTimeOffset Issued,
        DateTimeOffset Called, DateTimeOffset Finished, RecordStatus Status, DateOnly Due, DateOnly? FinishedOn, string Resident, Random Rng);

    public IEnumerable<Outlet> Outlets()
    {
        var codes = string.Join(',', _services.Select(s => s.Code));
        w.Outlet = new int[w.Shape.Townships.Length];
        w.FirstCounter = new int[w.Shape.Townships.Length];
        for (var t = 0; t < w.Shape.Townships.Length; t++)
        {
            var township = w.Shape.Townships[t];
            var (zh, en) = RowsUnits.Stem(township);
            w.Outlet[t] = t + 1;
            w.FirstCounter[t] = (2 * t) + 1;
            yield return new Outlet
            {
                Id = t + 1, NameZh = zh + "派出所综合服务窗口", NameEn = en + " Police Station service window", Kind = OutletKind.StationWindow,
                UnitId = w.Station[t], AreaPath = township.Path, Address = township.NameZh + "派出所一楼大厅", OpeningHours = "08:30-12:00,13:00-17:00",
                SlotMinutes = 30, ServiceCodes = codes, Version = 1,
                Counters = [new Counter { Id = (2 * t) + 1, OutletId = t + 1, Name = "1号窗口" }, new Counter { Id = (2 * t) + 2, OutletId = t + 1, Name = "2号窗口" }],
            };
        }
    }

    public static IEnumerable<Counter> Counters(IEnumerable<Outlet> outlets) => outlets.SelectMany(o => o.Counters);

    public IEnumerable<Plan> Plans()
    {
        var lastDay = new DateOnly[w.Shape.Townships.Length];
        var number = new int[w.Shape.Townships.Length];
        for (var i = 0; i < Count; i++)
        {
            var rng = new Random(unchecked((int)(((uint)w.Options.Seed * 2246822519u) ^ ((uint)i * 3266489917u)) + 0x51ED27));
            var t = w.Shape.Communities[w.Shape.Grids[w.GridOf(rng.Next(w.GridHouseholds[^1]))].Parent].Parent;
            var day = w.DayFor(i, Count);
            while (!w.Calendar.IsWorkingDay(day) && day < w.End)
            {
                day = day.AddDays(1);
            }
            if (lastDay[t] != day)
            {
                (lastDay[t], number[t]) = (day, 0);
            }
            var n = ++number[t];
            if (day == w.End)
            {
                LastDayTickets[w.Outlet[t]] = n;
            }
            var service = _services[World.Weighted(rng, _weights)];
            var issued = World.At(day, 8, 30).AddMinutes(rng.Next(0, 480));
            var called = issued.AddMinutes(rng.Next(1, 26));
            var finished = called.AddMinutes(rng.Next(5, 21));
            var due = w.Calendar.AddWorkingDays(day, service.TimeLimitWorkingDays);
            var status = RecordStatus.Completed;
            DateOnly? finishedOn = service.TimeLimitWorkingDays == 0 ? day : w.Calendar.AddWorkingDays(day, rng.Next(0, service.TimeLimitWorkingDays + 1));
            if (rng.NextDouble() < 0.01)
            {
                (status, finishedOn) = (RecordStatus.Rejected, day);
            }
            else if (finishedOn > w.End)
            {
                (status, finishedOn) = (RecordStatus.InProgress, null);
            }
            yield return new Plan(i + 1, t, service, day, n, rng.Next(2), issued, called, finished, status, due, finishedOn, World.NameOf(rng), rng);
        }
    }

    public IEnumerable<Ticket> Tickets() => Plans().Select(p => new Ticket
    {
        Id = p.Id, OutletId = w.Outlet[p.Township], AreaPath = w.Shape.Townships[p.Township].Path, Day = p.Day, Number = p.Number, Label = $"A{p.Number:000}",
        ServiceCode = p.Service.Code, Status = TicketStatus.Done, IssuedAt = p.Issued, CalledAt = p.Called, CounterId = w.FirstCounter[p.Township] + p.Counter,
        CounterName = p.Counter == 0 ? "1号窗口" : "2号窗口", FinishedAt = p.Finished,
    });

    public IEnumerable<ServiceRecord> Records() => Plans().Select(p =>
    {
        var township = w.Shape.Townships[p.Township];
        return new ServiceRecord
        {
            Id = p.Id, Code = "S" + w.NextCode("S", township.Code, p.Day.Year), OutletId = w.Outlet[p.Township], AreaPath = township.Path,
            ServiceCode = p.Service.Code, ResidentName = p.Resident, TicketId = p.Id, Status = p.Status, ReceivedAt = p.Called, ReceivedOn = p.Day,
            DueDate = p.Due, FinishedOn = p.FinishedOn, RejectionReason = p.Status == RecordStatus.Rejected ? "材料不全，已一次性告知需补充的材料" : null,
            ClerkPersonId = w.StationClerk[p.Township], MaterialsChecked = new string('1', p.Service.Materials(true).Count), Version = 1,
        };
    });

    /// <summary>About 30% of the finished services are reviewed; the plan's own stream decides, after the record's draws.</summary>
    public IEnumerable<Review> Reviews()
    {
        _bad.Clear();
        var id = 0;
        foreach (var p in Plans())
        {
            if (p.Status != RecordStatus.Completed || p.Rng.NextDouble() >= 0.3)
            {
                continue;
            }
            var x = p.Rng.NextDouble();
            var overall = x < 0.85 ? 5 : x < 0.95 ? 4 : x < 0.98 ? 3 : x < 0.992 ? 2 : 1;
            int Near() => Math.Clamp(overall + p.Rng.Next(-1, 2) * (p.Rng.Next(4) == 0 ? 1 : 0), 1, 5);
            var day = p.FinishedOn!.Value;
            var review = new Review
            {
                Id = ++id, ServiceRecordId = p.Id, OutletId = w.Outlet[p.Township], AreaPath = w.Shape.Townships[p.Township].Path,
                ClerkPersonId = w.StationClerk[p.Township], Overall = overall, Efficiency = Near(), Attitude = Near(), ServiceLevel = Near(),
                Comment = p.Rng.Next(4) == 0 ? (overall <= 2 ? "等候时间太长，流程不清楚" : World.Pick(p.Rng, Comments)) : null,
                At = day == p.Day ? p.Finished.AddMinutes(10) : World.At(day, 17, 0), Day = day, Appeal = AppealStatus.None,
            };
            if (review.IsBad)
            {
                _bad.Add(review);
            }
            yield return review;
        }
    }

    /// <summary>For the bad reviews of the last <see cref="Reviews"/> pass.</summary>
    public IEnumerable<Rectification> Rectifications()
    {
        var id = 0;
        foreach (var review in _bad)
        {
            var due = w.Calendar.AddWorkingDays(review.Day, ServiceRecords.RectificationWorkingDays);
            var closed = review.Day.AddDays(5 + (review.Id % 10));
            var done = closed <= w.End;
            yield return new Rectification
            {
                Id = ++id, ReviewId = review.Id, OutletId = review.OutletId, AreaPath = review.AreaPath, DueDate = due,
                Status = done ? RectificationStatus.Closed : RectificationStatus.Open, Measures = done ? "已组织窗口人员学习业务流程，增设引导岗。" : null,
                FollowUpNote = done ? "已电话回访群众，对整改表示认可。" : null, ResidentSatisfied = done ? true : null, ClosedOn = done ? closed : null, Version = 1,
            };
        }
    }
}
