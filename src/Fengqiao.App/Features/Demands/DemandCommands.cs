using Fengqiao.Features.Households;
using Fengqiao.Features.Visits;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Calendar;

namespace Fengqiao.Features.Demands;

/// <summary>
/// Recording a demand and moving it along: Open → Referred → Answered → Closed; Open → Closed
/// when it was answered on the spot; Answered → Referred again when the answer does not meet it;
/// and a community project can answer it. Shared by the API, the pages and other features.
/// </summary>
public static class DemandCommands
{
    /// <summary>A unit has this many working days to answer, unless the referrer gives a date.</summary>
    public const int DefaultReferralWorkingDays = 10;

    private static readonly Dictionary<DemandAction, DemandStatus[]> AllowedFrom = new()
    {
        [DemandAction.Refer] = [DemandStatus.Open, DemandStatus.Answered],
        [DemandAction.Answer] = [DemandStatus.Referred],
        [DemandAction.Close] = [DemandStatus.Open, DemandStatus.Answered],
        [DemandAction.LinkProject] = [DemandStatus.Open, DemandStatus.Referred, DemandStatus.Answered],
        [DemandAction.Accept] = [DemandStatus.Referred],
        [DemandAction.Return] = [DemandStatus.Referred],
    };

    /// <summary>The actions a demand in this state allows.</summary>
    public static DemandAction[] AllowedIn(DemandStatus status) =>
        [.. AllowedFrom.Where(a => a.Value.Contains(status)).Select(a => a.Key).Order()];

    /// <summary>
    /// Validates (category, description of at most 2000 characters, the area: a community or grid
    /// in scope, or the household's), adds and saves the demand. Returns null with the errors in
    /// <paramref name="c"/> when invalid. Joins the caller's transaction when one is open.
    /// </summary>
    public static async Task<Demand?> CreateAsync(AppDb db, Checks c, LocalClock clock, DemandInput i, CancellationToken ct)
    {
        c.When(i.Category is null || !Enum.IsDefined(i.Category.Value), "category", "Choose the category of the demand.")
            .When(i.Source is not null && !Enum.IsDefined(i.Source.Value), "source", "Choose where the demand was heard.")
            .Required("description", i.Description, 2000)
            .When(i.VisitId is <= 0, "visitId", "There is no such visit.");
        var areaId = 0;
        string? path = null;
        if (i.HouseholdId is not null)
        {
            var household = await db.Households.AsNoTracking().Where(h => h.Id == i.HouseholdId)
                .Select(h => new { h.AreaId, h.AreaPath }).FirstOrDefaultAsync(ct);
            c.When(household is null, "householdId", "There is no such household in your jurisdiction.");
            if (household is not null)
            {
                areaId = household.AreaId;
                path = household.AreaPath;
            }
        }
        else
        {
            var area = string.IsNullOrWhiteSpace(i.AreaCode) ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == i.AreaCode, ct);
            c.When(area is null || area.Level < AreaLevel.Community, "areaCode", "Give the grid or community where the demand was raised.");
            if (area is not null)
            {
                areaId = area.Id;
                path = area.Path;
            }
        }
        // A demand heard on a visit names that visit: one in the caller's jurisdiction, at the same household.
        var visit = i.VisitId is > 0 ? await db.Visits.FirstOrDefaultAsync(v => v.Id == i.VisitId, ct) : null;
        c.When(i.VisitId is > 0 && (visit is null || (i.HouseholdId is not null && visit.HouseholdId != i.HouseholdId)), "visitId", "There is no such visit.");
        if (!c.Ok || path is null)
        {
            return null;
        }

        var township = Township(path);
        var today = clock.Today;
        // Other features (a triaged report, a visit) may already hold a transaction: the code and the demand join it.
        await using var tx = await db.BeginOrJoinAsync(ct);
        var demand = new Demand
        {
            Code = "Q" + await CaseCodes.NextAsync(db, "Q", township, today.Year, ct),
            Category = i.Category!.Value,
            Source = i.Source ?? (i.VisitId is null ? DemandSource.Other : DemandSource.HomeVisit),
            Description = i.Description!.Trim(),
            AreaId = areaId,
            AreaPath = path,
            HouseholdId = i.HouseholdId,
            VisitId = i.VisitId,
            Status = DemandStatus.Open,
            RaisedOn = today,
            RaisedById = db.Jurisdiction.PersonId,
        };
        db.Demands.Add(demand);
        await db.SaveChangesAsync(ct);
        if (visit is { DemandId: null })
        {
            visit.DemandId = demand.Id;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return demand;
    }

    /// <summary>"/22/2201/220104/220104001/…" → "220104001": the street whose code series the demand takes.</summary>
    public static string Township(string path)
    {
        var segments = path.Trim('/').Split('/');
        return segments.Length > 3 ? segments[3] : segments[^1];
    }

    /// <summary>Passes the demand to a unit above or inside its area, due in 10 working days unless a date is given.</summary>
    public static Task<DemandChange> ReferAsync(
        AppDb db, Checks c, LocalClock clock, WorkingCalendar calendar, int id, DemandReferInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, DemandAction.Refer, async d =>
        {
            var today = clock.Today;
            c.When(i.UnitId is null, "unitId", "Choose the unit that should answer.")
                .When(i.DueOn < today, "dueOn", "The answer cannot be due in the past.")
                .Optional("note", i.Note, 1000);
            var unit = i.UnitId is null ? null : await DemandQueries.ReferralUnits(db, d.AreaPath).FirstOrDefaultAsync(u => u.Id == i.UnitId, ct);
            c.When(i.UnitId is not null && unit is null, "unitId", "This unit cannot take demands from this area.");
            if (!c.Ok || unit is null)
            {
                return;
            }
            d.Referrals.Add(new Referral
            {
                DemandId = d.Id, AreaPath = d.AreaPath, UnitId = unit.Id, UnitNameZh = unit.NameZh, UnitNameEn = unit.NameEn, UnitKind = unit.Kind,
                ReferredOn = today, DueOn = i.DueOn ?? calendar.AddWorkingDays(today, DefaultReferralWorkingDays),
                ReferredById = db.Jurisdiction.PersonId, Note = string.IsNullOrWhiteSpace(i.Note) ? null : i.Note.Trim(),
            });
            d.Status = DemandStatus.Referred;
        }, ct);

    /// <summary>Records the unit's answer to the open referral.</summary>
    public static Task<DemandChange> AnswerAsync(AppDb db, Checks c, LocalClock clock, int id, DemandAnswerInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, DemandAction.Answer, d =>
        {
            var open = OpenReferral(d);
            c.Required("answer", i.Answer, 2000).Optional("answeredByName", i.AnsweredByName, 200)
                .When(i.AnsweredOn > clock.Today, "answeredOn", "An answer cannot be recorded for a day still to come.")
                .When(open is not null && i.AnsweredOn < open.ReferredOn, "answeredOn", "The answer cannot come before the referral.");
            if (c.Ok)
            {
                var answer = i.Answer!.Trim();
                var on = i.AnsweredOn ?? clock.Today;
                if (open is not null)
                {
                    (open.Answer, open.AnsweredOn, open.AnsweredByName) = (answer, on, string.IsNullOrWhiteSpace(i.AnsweredByName) ? null : i.AnsweredByName.Trim());
                }
                (d.Status, d.Answer, d.AnsweredOn) = (DemandStatus.Answered, answer, on);
            }
            return Task.CompletedTask;
        }, ct);

    /// <summary>Closes with the resident's satisfaction; from Open the note says how it was answered on the spot.</summary>
    public static Task<DemandChange> CloseAsync(AppDb db, Checks c, LocalClock clock, int id, DemandCloseInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, DemandAction.Close, d =>
        {
            c.When(i.Satisfaction is null or < 1 or > 5, "satisfaction", "Satisfaction is from 1 (very dissatisfied) to 5 (very satisfied).")
                .When(d.Status == DemandStatus.Open && string.IsNullOrWhiteSpace(i.Note), "note", "Say how the demand was answered on the spot.")
                .Optional("note", i.Note, 2000);
            if (c.Ok)
            {
                var today = clock.Today;
                var note = string.IsNullOrWhiteSpace(i.Note) ? null : i.Note.Trim();
                if (d.Status == DemandStatus.Open)
                {
                    (d.Answer, d.AnsweredOn) = (note, today);
                }
                (d.Status, d.Satisfaction, d.ClosedOn, d.CloseNote) = (DemandStatus.Closed, i.Satisfaction, today, note);
            }
            return Task.CompletedTask;
        }, ct);

    /// <summary>The resident joins a community project: that answers the demand (and any referral still open).</summary>
    public static Task<DemandChange> LinkProjectAsync(
        AppDb db, Checks c, LocalClock clock, IStringLocalizer l, int id, DemandLinkInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, DemandAction.LinkProject, async d =>
        {
            var project = i.ProjectId is null ? null : await db.CommunityProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == i.ProjectId, ct);
            c.When(project is null, "projectId", "There is no such project in your jurisdiction.")
                .When(project is not null && project.Id == d.ProjectId, "projectId", "The demand is already answered by this project.");
            if (!c.Ok || project is null)
            {
                return;
            }
            var today = clock.Today;
            var answer = l["Joined project {0}", project.Name].Value;
            var open = OpenReferral(d);
            if (open is not null)
            {
                (open.Answer, open.AnsweredOn, open.AnsweredByName) = (answer, today, project.Sponsor);
            }
            (d.ProjectId, d.Status, d.Answer, d.AnsweredOn) = (project.Id, DemandStatus.Answered, answer, today);
        }, ct);

    /// <summary>The unit signs for the open referral (签收); it stays Referred.</summary>
    public static Task<DemandChange> AcceptAsync(AppDb db, Checks c, LocalClock clock, int id, DemandReferralInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, DemandAction.Accept, d =>
        {
            var open = OpenReferral(d);
            c.Optional("name", i.Name, 200).When(open?.AcceptedOn is not null, "", "The unit has already signed for this referral.");
            if (c.Ok && open is not null)
            {
                (open.AcceptedOn, open.AcceptedByName) = (clock.Today, Trimmed(i.Name));
            }
            return Task.CompletedTask;
        }, ct);

    /// <summary>The unit sends the open referral back with its reason (退回): the demand is Open again, the reason on the referral for the staff.</summary>
    public static Task<DemandChange> ReturnAsync(AppDb db, Checks c, LocalClock clock, int id, DemandReferralInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, DemandAction.Return, d =>
        {
            c.Required("reason", i.Reason, 1000).Optional("name", i.Name, 200);
            if (c.Ok && OpenReferral(d) is { } open)
            {
                (open.ReturnedOn, open.ReturnReason, open.ReturnedByName) = (clock.Today, i.Reason!.Trim(), Trimmed(i.Name));
                d.Status = DemandStatus.Open;
            }
            return Task.CompletedTask;
        }, ct);

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The referral the demand waits on: the latest neither answered nor sent back.</summary>
    public static Referral? OpenReferral(Demand d) =>
        d.Referrals.Where(r => r.IsOpen).OrderByDescending(r => r.Id).FirstOrDefault();

    private static async Task<DemandChange> ChangeAsync(
        AppDb db, Checks c, int id, long? version, DemandAction action, Func<Demand, Task> change, CancellationToken ct)
    {
        var d = await db.Demands.Include(x => x.Referrals).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        c.When(version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok)
        {
            return new(ChangeOutcome.Invalid, c);
        }
        if (!AllowedFrom[action].Contains(d.Status))
        {
            return new(ChangeOutcome.WrongState, Status: d.Status);
        }
        await change(d);
        if (!c.Ok)
        {
            return new(ChangeOutcome.Invalid, c);
        }
        return await db.SaveVersionedAsync(d, version!.Value, ct) ? new(ChangeOutcome.Ok) : new(ChangeOutcome.Conflict);
    }
}

public sealed record DemandChange(ChangeOutcome Outcome, Checks? Checks = null, DemandStatus Status = DemandStatus.Open);
