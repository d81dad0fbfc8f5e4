using Fengqiao.Features.PublicServices;

namespace Fengqiao.Features.Demo;

/// <summary>One outlet's day: its records in the order they were received, their tickets, and what became of them.</summary>
internal sealed partial class DemoServiceBuilder
{
    private void ServeDay(OutletPlan plan, DateOnly day)
    {
        var count = _rng.Next(plan.MinPerDay, plan.MaxPerDay);
        if (count == 0)
        {
            return;
        }
        var times = new List<DateTime>(count);
        for (var i = 0; i < count; i++)
        {
            times.Add(LocalTime(plan, day));
        }
        times.Sort();

        var tickets = new List<TicketDraft>();
        foreach (var local in times)
        {
            var draft = Serve(plan, day, local);
            if (plan.Tickets && _rng.NextDouble() < TicketShare)
            {
                var ticket = NewTicket(plan, day, draft.Record, local);
                draft.Ticket = ticket;
                tickets.Add(ticket);
            }
        }
        // "A001" is the day's first ticket taken, whichever counter called it.
        var number = 0;
        foreach (var ticket in tickets.OrderBy(t => t.Ticket.IssuedAt))
        {
            number++;
            ticket.Ticket.Number = number;
            ticket.Ticket.Label = FormattableString.Invariant($"A{number:000}");
        }
        Set.Tickets.AddRange(tickets);
    }

    /// <summary>A wall-clock moment in the outlet's opening periods on <paramref name="day"/>.</summary>
    private DateTime LocalTime(OutletPlan plan, DateOnly day)
    {
        var minute = _rng.Next(plan.WindowMinutes);
        var second = _rng.Next(60);
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        foreach (var (from, length) in plan.Windows)
        {
            if (minute < length)
            {
                return midnight.AddMinutes(from + minute).AddSeconds(second);
            }
            minute -= length;
        }
        return midnight.AddMinutes(plan.Windows[0].From).AddSeconds(second);
    }

    private ServiceDraft Serve(OutletPlan plan, DateOnly day, DateTime local)
    {
        var code = plan.Codes[Weighted(plan.Weights)];
        var service = _input.Services[code];
        var materials = _materials[code];
        var record = new ServiceRecord
        {
            Code = "",
            AreaPath = plan.Outlet.AreaPath,
            ServiceCode = code,
            ResidentName = _names.Next().Zh,
            Status = RecordStatus.Received,
            ReceivedAt = _clock.FromLocal(local).ToUniversalTime(),
            ReceivedOn = day,
            DueDate = _calendar.AddWorkingDays(day, service.TimeLimitWorkingDays),
            ClerkPersonId = _input.Clerks[plan.Unit.Id].FirstOrDefault(c => c.ActiveOn(day))?.PersonId,
            MaterialsChecked = new string('0', materials),
        };
        var draft = new ServiceDraft(record, plan);
        Set.Records.Add(draft);
        Decide(draft, service.TimeLimitWorkingDays, materials, local);
        return draft;
    }

    /// <summary>
    /// Rejected or transferred on the day; otherwise finished within the time limit (a few late),
    /// and still open when that is today or later — so the latest records are open and a handful overdue.
    /// </summary>
    private void Decide(ServiceDraft draft, int limit, int materials, DateTime local)
    {
        var r = draft.Record;
        var roll = _rng.NextDouble();
        if (roll < RejectShare)
        {
            r.Status = RecordStatus.Rejected;
            r.FinishedOn = r.ReceivedOn;
            r.RejectionReason = Pick(DemoServiceTexts.RejectionReasons);
            // One of the required materials was not brought.
            var seen = new string('1', materials).ToCharArray();
            if (materials > 0)
            {
                seen[_rng.Next(materials)] = '0';
            }
            r.MaterialsChecked = new string(seen);
            return;
        }
        if (roll < RejectShare + TransferShare && TransferTarget(draft.Plan, r.ServiceCode) is { } target)
        {
            r.Status = RecordStatus.Transferred;
            r.FinishedOn = r.ReceivedOn;
            r.MaterialsChecked = new string('1', materials);
            draft.TransferTo = target;
            return;
        }

        var finish = _rng.NextDouble() < LateShare
            ? _calendar.AddWorkingDays(r.DueDate, _rng.Next(1, 4))
            : limit == 0 ? r.ReceivedOn : _calendar.AddWorkingDays(r.ReceivedOn, _rng.Next(limit / 3, limit + 1));
        if (finish <= _yesterday)
        {
            r.Status = RecordStatus.Completed;
            r.FinishedOn = finish;
            r.MaterialsChecked = new string('1', materials);
            if (_rng.NextDouble() < ReviewShare)
            {
                AddReview(r, local);
            }
            return;
        }
        r.Status = r.ReceivedOn == _yesterday && _rng.Next(2) == 0 ? RecordStatus.Received : RecordStatus.InProgress;
        if (r.Status == RecordStatus.InProgress)
        {
            r.MaterialsChecked = new string('1', materials);
        }
    }

    /// <summary>Another station window of the same county that offers the service, if any.</summary>
    private Outlet? TransferTarget(OutletPlan from, string code)
    {
        var targets = _plans.FindAll(p => p != from && p.Outlet.Kind == OutletKind.StationWindow
            && string.Equals(p.County, from.County, StringComparison.Ordinal) && Array.IndexOf(p.Codes, code) >= 0);
        return targets.Count == 0 ? null : targets[_rng.Next(targets.Count)].Outlet;
    }

    /// <summary>Taken a few minutes (now and then a quarter of an hour or more) before the counter called it.</summary>
    private TicketDraft NewTicket(OutletPlan plan, DateOnly day, ServiceRecord record, DateTime local)
    {
        var wait = _rng.Next(2, 16) + (_rng.Next(5) == 0 ? _rng.Next(5, 20) : 0);
        var counters = plan.Outlet.Counters;
        var counter = counters[_rng.Next(counters.Count)];
        var ticket = new Ticket
        {
            AreaPath = plan.Outlet.AreaPath,
            Day = day,
            Label = "",
            ServiceCode = record.ServiceCode,
            Status = TicketStatus.Done,
            IssuedAt = _clock.FromLocal(local.AddMinutes(-wait)).ToUniversalTime(),
            CalledAt = record.ReceivedAt,
            CounterName = counter.Name,
            FinishedAt = record.ReceivedAt.AddMinutes(_rng.Next(4, 16)),
        };
        return new TicketDraft(ticket, plan.Outlet, counter);
    }

    /// <summary>About 93% good (4–5), 2% bad (1–2); every bad review opens a rectification.</summary>
    private void AddReview(ServiceRecord record, DateTime received)
    {
        var day = record.FinishedOn!.Value;
        var overall = _rng.Next(1000) switch
        {
            < 780 => 5,
            < 930 => 4,
            < 980 => 3,
            < 992 => 2,
            _ => 1,
        };
        var at = day == record.ReceivedOn
            ? received.AddMinutes(_rng.Next(16, 46))
            : day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(_rng.Next(0, 8 * 60));
        var review = new Review
        {
            ServiceRecord = record,
            AreaPath = record.AreaPath,
            ClerkPersonId = record.ClerkPersonId,
            Overall = overall,
            Efficiency = Near(overall),
            Attitude = Near(overall),
            ServiceLevel = Near(overall),
            Comment = Comment(overall),
            At = _clock.FromLocal(at).ToUniversalTime(),
            Day = day,
        };
        Set.Reviews.Add(review);
        if (review.IsBad)
        {
            Rectify(review);
        }
    }

    private int Near(int overall)
    {
        var shift = _rng.Next(10) switch
        {
            0 => -1,
            1 => 1,
            _ => 0,
        };
        return Math.Clamp(overall + shift, 1, 5);
    }

    private string? Comment(int overall) => overall switch
    {
        <= 2 => Pick(DemoServiceTexts.BadComments),
        3 => _rng.Next(10) < 4 ? Pick(DemoServiceTexts.NeutralComments) : null,
        _ => _rng.Next(10) < 2 ? Pick(DemoServiceTexts.GoodComments) : null,
    };

    /// <summary>Due in 15 working days; rectified within a few, closed after the follow-up — the recent ones not yet.</summary>
    private void Rectify(Review review)
    {
        var task = new Rectification
        {
            Review = review,
            AreaPath = review.AreaPath,
            DueDate = _calendar.AddWorkingDays(review.Day, ServiceRecords.RectificationWorkingDays),
            Status = RectificationStatus.Open,
        };
        var rectified = _calendar.AddWorkingDays(review.Day, _rng.Next(1, 5));
        var closed = _calendar.AddWorkingDays(rectified, _rng.Next(2, 9));
        if (rectified <= _yesterday)
        {
            task.Status = RectificationStatus.Rectified;
            task.Measures = Pick(DemoServiceTexts.Measures);
        }
        if (closed <= _yesterday)
        {
            var satisfied = _rng.Next(8) != 0;
            task.Status = RectificationStatus.Closed;
            task.FollowUpNote = Pick(satisfied ? DemoServiceTexts.SatisfiedNotes : DemoServiceTexts.UnsatisfiedNotes);
            task.ResidentSatisfied = satisfied;
            task.ClosedOn = closed;
        }
        Set.Rectifications.Add(task);
    }
}
