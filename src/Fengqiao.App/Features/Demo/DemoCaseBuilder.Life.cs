using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Demo;

/// <summary>
/// A case's life, step by step as <see cref="DisputeWorkflow"/> would record it. Every step is
/// planned within the deadline of the state before it, so a case cut off at yesterday is on time;
/// only a case that stalls (or is scripted to) runs past its deadline.
/// </summary>
internal sealed partial class DemoCaseBuilder
{
    private void Live(CaseDraft c, DateOnly registered)
    {
        var d = c.Dispute;
        var script = c.Script;
        var age = _today.DayNumber - registered.DayNumber;
        var branch = script?.Branch ?? PickBranch(age);
        var sessions = script?.Sessions ?? SessionsFor(branch);
        var stall = age is >= 12 and <= 60 && _rng.NextDouble() < StallChance;
        c.Limit = script?.Steps ?? (stall ? _rng.Next(2, 6) : CaseScript.All);
        var danger = c.Facts.Template.Danger is not null && (script?.Danger ?? _rng.NextDouble() < CaseDangerChance);
        // Yellow and blue cases of the last two days may still be waiting for an officer.
        var waiting = c.Facts.Officer is null
            || (script is null && age <= 2 && (d.Risk is RiskColour.Yellow or RiskColour.Blue) && _rng.Next(2) == 0);
        c.Actor = waiting ? null : c.Facts.Officer;

        if (!Next(c, registered))
        {
            return;
        }
        Register(c);
        if (waiting || !Next(c, registered))
        {
            return;
        }
        Assign(c);

        var first = Math.Max(0, _o.FirstSession(d.Risk));
        var secondDue = _calendar.AddWorkingDays(registered, Math.Max(0, _o.SecondSession(d.Risk)));
        var concludeBy = registered.AddDays(Math.Max(1, _o.MediationConclusionDays - 1));
        var day = Later(registered, _calendar.AddWorkingDays(registered, _rng.Next(0, first + 1)));
        switch (branch)
        {
            case CaseBranch.Referred:
                LiveReferred(c, day, sessions, secondDue, concludeBy, danger);
                break;
            case CaseBranch.Unresolvable:
                LiveUnresolvable(c, day, sessions, secondDue, concludeBy, danger);
                break;
            case CaseBranch.Suspended:
                LiveSuspended(c, day, secondDue, concludeBy, danger);
                break;
            default:
                LiveMediated(c, day, sessions, secondDue, concludeBy, danger);
                break;
        }
    }

    private void LiveMediated(CaseDraft c, DateOnly day, int sessions, DateOnly secondDue, DateOnly concludeBy, bool danger)
    {
        if (!HoldSessions(c, ref day, Math.Max(1, sessions), true, secondDue, concludeBy, danger) || !Next(c, day))
        {
            return;
        }
        Resolve(c, day);
        FollowUpAndClose(c, day);
    }

    private void LiveReferred(CaseDraft c, DateOnly day, int sessions, DateOnly secondDue, DateOnly concludeBy, bool danger)
    {
        if ((sessions == 0 && danger && !FoundDanger(c, day)) || !HoldSessions(c, ref day, sessions, false, secondDue, concludeBy, danger))
        {
            return;
        }
        day = sessions switch
        {
            0 => day,
            1 => Within(day, secondDue),
            _ => Within(day, concludeBy),
        };
        if (!Next(c, day))
        {
            return;
        }
        Refer(c, day);
        day = day.AddDays(_rng.Next(5, Math.Max(6, _o.ReferralConclusionDays)));
        var resolved = _rng.NextDouble() < 0.75;
        if (!Next(c, day))
        {
            return;
        }
        Answer(c, day, resolved);
        if (resolved)
        {
            FollowUpAndClose(c, day);
        }
    }

    private void LiveUnresolvable(CaseDraft c, DateOnly day, int sessions, DateOnly secondDue, DateOnly concludeBy, bool danger)
    {
        if (!HoldSessions(c, ref day, Math.Max(1, sessions), false, secondDue, concludeBy, danger))
        {
            return;
        }
        day = Within(day, concludeBy);
        if (Next(c, day))
        {
            GiveUp(c);
        }
    }

    private void LiveSuspended(CaseDraft c, DateOnly day, DateOnly secondDue, DateOnly concludeBy, bool danger)
    {
        if (!HoldSessions(c, ref day, 1, false, secondDue, concludeBy, danger))
        {
            return;
        }
        day = Within(day, secondDue);
        if (Next(c, day))
        {
            Suspend(c, day);
        }
    }

    /// <summary>The sessions, the last one agreeing when <paramref name="agree"/>; <paramref name="day"/> ends on the last one's day.</summary>
    private bool HoldSessions(CaseDraft c, ref DateOnly day, int count, bool agree, DateOnly secondDue, DateOnly concludeBy, bool danger)
    {
        for (var k = 1; k <= count; k++)
        {
            if (k == 2)
            {
                day = Within(day, secondDue);
            }
            else if (k > 2)
            {
                day = Within(day, concludeBy);
            }
            var outcome = agree && k == count ? SessionOutcome.Agreement : Failed[Weighted(FailedOutcomes)];
            if (!Next(c, day))
            {
                return false;
            }
            Session(c, outcome);
            // The danger behind the dispute is seen at the first session (the pigeon plate on the balcony).
            if (k == 1 && danger && !FoundDanger(c, day))
            {
                return false;
            }
        }
        return true;
    }

    private void FollowUpAndClose(CaseDraft c, DateOnly resolved)
    {
        var day = _calendar.AddWorkingDays(resolved, _rng.Next(1, Math.Max(1, _o.FollowUpWorkingDays) + 1));
        if (!Next(c, day))
        {
            return;
        }
        FollowUp(c, day);
        var close = c.Script is not null || _rng.NextDouble() < 0.85;
        day = day.AddDays(_rng.Next(0, 8));
        if (close && Next(c, day))
        {
            Close(c, day);
        }
    }

    /// <summary>A working day after <paramref name="after"/> and no later than <paramref name="due"/> (the next day when there is none).</summary>
    private DateOnly Within(DateOnly after, DateOnly due)
    {
        var span = _calendar.WorkingDaysBetween(after, due);
        return span < 1 ? after.AddDays(1) : _calendar.AddWorkingDays(after, _rng.Next(1, span + 1));
    }

    /// <summary>Whether the next state change happens: not after yesterday, and not once the case has stalled.</summary>
    private bool Next(CaseDraft c, DateOnly day)
    {
        if (c.Stopped || day > _yesterday || c.Steps >= c.Limit)
        {
            c.Stopped = true;
            return false;
        }
        c.Steps++;
        c.At = Stamp(c, day);
        return true;
    }

    /// <summary>A time on <paramref name="day"/>, local office hours, after the case's previous step.</summary>
    private DateTimeOffset Stamp(CaseDraft c, DateOnly day)
    {
        DateTime local;
        if (DateOnly.FromDateTime(c.Cursor) < day)
        {
            local = day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(_rng.Next(0, 9 * 60));
        }
        else
        {
            var latest = c.Cursor.Date.AddHours(23).AddMinutes(50);
            local = c.Cursor.AddMinutes(_rng.Next(15, 90));
            if (local > latest)
            {
                local = c.Cursor > latest ? c.Cursor : latest;
            }
        }
        c.Cursor = local;
        return _clock.FromLocal(local).ToUniversalTime();
    }

    private CaseBranch PickBranch(int age) => _rng.NextDouble() switch
    {
        < 0.88 => CaseBranch.Mediated,
        < 0.95 => CaseBranch.Referred,
        < 0.975 => CaseBranch.Unresolvable,
        _ => age is >= 8 and <= 150 ? CaseBranch.Suspended : CaseBranch.Mediated,
    };

    private int SessionsFor(CaseBranch branch) => branch switch
    {
        CaseBranch.Mediated => Weighted(MediatedSessions) + 1,
        CaseBranch.Referred => Weighted(ReferredSessions),
        CaseBranch.Unresolvable => _rng.Next(2, 4),
        _ => 1,
    };

    private string Pick(string[] choices) => choices[_rng.Next(choices.Length)];
}
