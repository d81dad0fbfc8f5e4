using Fengqiao.Features.Dangers;

namespace Fengqiao.Features.Demo;

/// <summary>
/// Hidden dangers: those seen behind a case, and enough found on visits and patrols to make about
/// <see cref="DangerTarget"/>. Most past their deadline have been rectified and verified; a few are
/// still open, and so overdue.
/// </summary>
internal sealed partial class DemoCaseBuilder
{
    private const int DangerTarget = 120;

    private Danger CaseDanger(CaseDraft c, DateOnly day)
    {
        var f = c.Facts;
        var t = f.Template;
        var danger = new Danger
        {
            Code = "", Kind = t.Danger ?? DangerKind.Other, Description = t.DangerText ?? t.Title, Address = f.Address,
            AreaId = f.Grid.Id, AreaPath = f.Grid.Path, ResponsibleParty = Party(t.DangerParty, f.Grid, f.Respondent, f.Estate),
            Dispute = c.Dispute, FoundById = f.Officer?.PersonId, FoundOn = day, Status = DangerStatus.Open,
        };
        Progress(danger, f.Station, t.DangerNote ?? "隐患已整改", c.Script?.Danger == true, f.Officer);
        return danger;
    }

    private void AddDangers()
    {
        var stations = _stations.FindAll(s => s.Grids.Count > 0 && s.Police.Count > 0);
        for (var i = Set.Dangers.Count; i < DangerTarget && stations.Count > 0; i++)
        {
            var station = stations[_rng.Next(stations.Count)];
            var grid = station.Grids[_rng.Next(station.Grids.Count)];
            var t = DemoCaseTexts.Dangers[_rng.Next(DemoCaseTexts.Dangers.Length)];
            // Found in the last year, recent days more often.
            var found = _today.AddDays(-(1 + (int)(364 * (1 - Math.Sqrt(_rng.NextDouble())))));
            var estate = DemoCaseTexts.Estates[_rng.Next(DemoCaseTexts.Estates.Length)];
            var address = Address(grid, estate);
            var person = _names.Next().Zh;
            var finder = OfficerFor(station, grid, found);
            var danger = new Danger
            {
                Code = "", Kind = t.Kind, Description = t.Description, Address = address, AreaId = grid.Id, AreaPath = grid.Path,
                ResponsibleParty = Party(t.Party, grid, person, estate), FoundById = finder?.PersonId, FoundOn = found, Status = DangerStatus.Open,
            };
            Progress(danger, station, t.Note, false, finder);
            Set.Dangers.Add(new DemoDanger(danger, grid.Township, _order++));
        }
    }

    /// <summary>How far the danger had got by yesterday: rectified within its deadline or not, and verified by a station officer.</summary>
    private void Progress(Danger x, CaseStation station, string note, bool verified, CaseStaff? finder)
    {
        x.RectifyBy = x.FoundOn.AddDays(_rng.Next(3, 31));
        x.ReferredOn = x.FoundOn;
        Step(x, DangerEventType.Registered, x.FoundOn, 9, finder, x.Description, null);
        Step(x, DangerEventType.Referred, x.FoundOn, 11, finder, x.ResponsibleParty, x.RectifyBy);
        var late = x.RectifyBy < _today;
        var span = Earlier(x.RectifyBy, _yesterday).DayNumber - x.FoundOn.DayNumber;
        var rectified = span >= 1 && (verified || _rng.NextDouble() < (late ? 0.94 : 0.45));
        if (!rectified)
        {
            return;
        }
        var on = x.FoundOn.AddDays(_rng.Next(1, span + 1));
        x.RectifiedOn = on;
        x.RectifiedBy = _rng.Next(3) == 0 ? x.ResponsibleParty + "、社区网格员" : x.ResponsibleParty;
        x.RectificationNote = note;
        x.Status = DangerStatus.Rectified;
        Step(x, DangerEventType.Rectified, on, 15, finder, x.RectifiedBy + " · " + note, null);
        var verifiers = station.Verifiers.FindAll(p => p.ActiveOn(on));
        if (verifiers.Count == 0 || !(verified || _rng.NextDouble() < (late ? 0.88 : 0.5)))
        {
            return;
        }
        x.VerifiedOn = Earlier(on.AddDays(_rng.Next(0, 4)), _yesterday);
        var verifier = verifiers[_rng.Next(verifiers.Count)];
        x.VerifiedById = verifier.PersonId;
        x.Status = DangerStatus.Verified;
        Step(x, DangerEventType.Verified, x.VerifiedOn.Value, 16, verifier, null, null);
    }

    /// <summary>One line of the danger's own history, at a plausible hour of the day it happened.</summary>
    private void Step(Danger x, DangerEventType type, DateOnly day, int hour, CaseStaff? by, string? note, DateOnly? due) =>
        Set.DangerEvents.Add(new DangerEvent
        {
            Danger = x, Type = type, At = _clock.FromLocal(day.ToDateTime(new TimeOnly(hour, 0))).ToUniversalTime(), AreaPath = x.AreaPath, ToStatus = x.Status,
            ActorPersonId = by?.PersonId, ActorName = by?.NameZh, Note = note, DueDate = due,
        });

    /// <summary>Who must remove the danger: {P}/{B} a person, {E} the estate (a village's committee), {C} the committee, {X} the county.</summary>
    private static string Party(string pattern, CaseGrid grid, string person, string estate)
    {
        if (grid.IsVillage && pattern.Contains("{E}", StringComparison.Ordinal))
        {
            return grid.CommitteeNameZh;
        }
        return pattern.Replace("{P}", person, StringComparison.Ordinal).Replace("{B}", person, StringComparison.Ordinal)
            .Replace("{E}", estate, StringComparison.Ordinal).Replace("{C}", grid.CommitteeNameZh, StringComparison.Ordinal)
            .Replace("{X}", grid.CountyNameZh, StringComparison.Ordinal);
    }
}
