using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Teams;

/// <summary>The weekly community meeting: minutes and decisions, and the decisions carried out.</summary>
public static class MeetingCommands
{
    /// <summary>Decisions one meeting may record (the page offers five rows).</summary>
    public const int MaxTasks = 20;
    public const int FormTaskRows = 5;

    public static async Task<Meeting?> CreateAsync(AppDb db, Checks c, LocalClock clock, MeetingInput i, CancellationToken ct)
    {
        c.When(i.HeldOn is null, "heldOn", "This field is required.")
            .When(i.HeldOn > clock.Today, "heldOn", "Record a meeting once it has been held.")
            .Required("policeAttendees", i.PoliceAttendees, 500).Required("communityAttendees", i.CommunityAttendees, 500)
            .Required("minutes", i.Minutes, 4000);
        var code = i.AreaCode?.Trim();
        var area = string.IsNullOrEmpty(code) ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        c.When(area is null || area.Level != AreaLevel.Community, "areaCode", "Choose the community that met.");

        // Blank rows of the form are not decisions; a row with anything in it must be complete.
        var rows = (i.Tasks ?? []).Select((t, n) => (Input: t, Index: n))
            .Where(r => !string.IsNullOrWhiteSpace(r.Input.Description) || !string.IsNullOrWhiteSpace(r.Input.OwnerName) || r.Input.DueOn is not null)
            .ToList();
        c.When(rows.Count > MaxTasks, "tasks", "At most {0} decisions per meeting.", MaxTasks);
        foreach (var (row, n) in rows)
        {
            var prefix = $"tasks[{n}].";
            c.Required(prefix + "description", row.Description, 500).Required(prefix + "ownerName", row.OwnerName, 100)
                .When(row.DueOn is null, prefix + "dueOn", "This field is required.")
                .When(row.DueOn < i.HeldOn, prefix + "dueOn", "A decision cannot be due before the meeting.");
        }
        if (!c.Ok)
        {
            return null;
        }
        var meeting = new Meeting
        {
            AreaId = area!.Id, AreaPath = area.Path, HeldOn = i.HeldOn!.Value,
            PoliceAttendees = i.PoliceAttendees!.Trim(), CommunityAttendees = i.CommunityAttendees!.Trim(), Minutes = i.Minutes!.Trim(),
            Tasks = [.. rows.Select(r => new MeetingTask
            {
                AreaPath = area.Path, Description = r.Input.Description!.Trim(), OwnerName = r.Input.OwnerName!.Trim(), DueOn = r.Input.DueOn!.Value,
            })],
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>A decision carried out. The version is the task's: a stale one is a conflict, a task done twice is refused.</summary>
    public static async Task<ChangeOutcome> MarkDoneAsync(AppDb db, Checks c, LocalClock clock, int meetingId, int taskId, TaskDoneInput i, CancellationToken ct)
    {
        var task = await db.MeetingTasks.Include(t => t.Meeting).FirstOrDefaultAsync(t => t.Id == taskId && t.MeetingId == meetingId, ct);
        if (task is null)
        {
            return ChangeOutcome.NotFound;
        }
        c.When(i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.")
            .When(i.DoneOn > clock.Today, "doneOn", "A decision cannot be carried out in the future.")
            .When(i.DoneOn < task.Meeting!.HeldOn, "doneOn", "A decision cannot be carried out before the meeting.");
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        if (task.Version != i.Version)
        {
            return ChangeOutcome.Conflict;
        }
        if (task.DoneOn is not null)
        {
            return ChangeOutcome.WrongState;
        }
        task.DoneOn = i.DoneOn ?? clock.Today;
        return await db.SaveVersionedAsync(task, i.Version!.Value, ct) ? ChangeOutcome.Ok : ChangeOutcome.Conflict;
    }
}
