using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Secondments;

public sealed record SecondmentInput(
    int? PersonId, int? FromUnitId, int? ToUnitId, int? MentorId, DateOnly? StartDate, DateOnly? EndDate, string? Notes, long? Version);

/// <summary>
/// Who can be sent where: an officer or staff member of a provincial or city organ goes to a
/// station, for a period that does not overlap another of theirs, paired with someone who
/// works at that station then. The seconded post at the station follows the secondment's dates.
/// </summary>
public static class SecondmentRules
{
    private static readonly PostRole[] MentorRoles = [PostRole.CommunityPolice, PostRole.PoliceOfficer, PostRole.StationDirector];

    public static async Task<bool> ApplyAsync(AppDb db, Checks c, Secondment s, SecondmentInput input, CancellationToken ct)
    {
        c.When(input.StartDate is null, "startDate", "This field is required.")
            .When(input.EndDate is null, "endDate", "This field is required.")
            .When(input.StartDate is not null && input.EndDate <= input.StartDate, "endDate", "The end date must be after the start date.")
            .Optional("notes", input.Notes, 500)
            .When(input.MentorId is not null && input.MentorId == input.PersonId, "mentorId", "An officer cannot mentor themselves.");
        var person = input.PersonId is null ? null : await db.People.FirstOrDefaultAsync(p => p.Id == input.PersonId, ct)
            ?? await Directory(db).FirstOrDefaultAsync(p => p.Id == input.PersonId, ct);
        var from = input.FromUnitId is null ? null : await db.Units.FirstOrDefaultAsync(u => u.Id == input.FromUnitId, ct);
        var to = input.ToUnitId is null ? null : await db.Units.FirstOrDefaultAsync(u => u.Id == input.ToUnitId, ct);
        c.When(person is null, "personId", "Choose a person in your jurisdiction or on the staff of a provincial or city organ.")
            .When(person is not null && person.Kind is not (PersonKind.PoliceOfficer or PersonKind.CivilianStaff), "personId", "Only police officers and civilian staff of an organ are sent down.")
            .When(from is null || !from.Kind.IsOrgan(), "fromUnitId", "Officers are sent down from a provincial or city public security organ.")
            .When(to is null || !to.Kind.IsStation() || !db.Jurisdiction.Covers(to.AreaPath), "toUnitId", "Officers are sent down to a police station in your jurisdiction.");
        if (!c.Ok)
        {
            return false;
        }
        var start = input.StartDate!.Value;
        var end = input.EndDate!.Value;
        var belongs = person!.HomeUnitId == from!.Id || await db.Posts.IgnoreQueryFilters()
            .AnyAsync(p => p.PersonId == person.Id && p.UnitId == from.Id && p.StartDate <= start && (p.EndDate == null || p.EndDate >= start), ct);
        c.When(!belongs, "fromUnitId", "This person does not work at that organ on the start date.");
        var mentorFits = input.MentorId is not null && await db.Posts.IgnoreQueryFilters()
            .AnyAsync(p => p.PersonId == input.MentorId && p.UnitId == to!.Id && MentorRoles.Contains(p.Role)
                && p.StartDate <= start && (p.EndDate == null || p.EndDate >= start), ct);
        c.When(!mentorFits, "mentorId", "The mentor must be a front-line officer at that station on the start date.");
        var others = await db.Secondments.IgnoreQueryFilters()
            .Where(x => x.PersonId == person.Id && x.Id != s.Id)
            .Select(x => new { x.StartDate, Last = x.EndedOn ?? x.EndDate })
            .ToListAsync(ct);
        c.When(others.Any(o => Post.Overlaps(o.StartDate, o.Last, start, end)), "startDate", "This person is already sent down during these dates.");
        if (!c.Ok)
        {
            return false;
        }
        s.PersonId = person.Id;
        s.FromUnitId = from.Id;
        s.FromAreaPath = from.AreaPath;
        s.ToUnitId = to!.Id;
        s.ToAreaPath = to.AreaPath;
        s.MentorId = input.MentorId!.Value;
        s.StartDate = start;
        s.EndDate = end;
        s.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        return true;
    }

    /// <summary>
    /// The staff of the provincial and city organs above the caller (or in their area): who a receiving station may ask for.
    /// Read past the people filter on purpose, so what leaves it is names and home units only (<see cref="CandidateDto"/>).
    /// </summary>
    public static IQueryable<Person> Directory(AppDb db)
    {
        var organs = db.Units.Where(u => u.Kind == UnitKind.ProvincialDepartment || u.Kind == UnitKind.CityBureau).Select(u => u.Id);
        return db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => (p.Kind == PersonKind.PoliceOfficer || p.Kind == PersonKind.CivilianStaff) && organs.Contains(p.HomeUnitId));
    }

    /// <summary>
    /// Two keys: the sending side (anyone whose jurisdiction holds the organ: its own leaders, the province) confirms. A
    /// secondment it records is confirmed at once; one a receiving station records waits, and any later change by the
    /// receiving side asks for confirmation again.
    /// </summary>
    public static void Sign(AppDb db, Secondment s, DateOnly today)
    {
        s.RequestedBy ??= db.Jurisdiction.UserName;
        (s.ConfirmedOn, s.ConfirmedBy) = db.Jurisdiction.Covers(s.FromAreaPath) ? (today, db.Jurisdiction.UserName) : ((DateOnly?)null, (string?)null);
    }

    /// <summary>Keeps the seconded post at the station in step with the secondment: there is one only once it is confirmed.</summary>
    public static async Task SyncPostAsync(AppDb db, Secondment s, CancellationToken ct)
    {
        var post = await db.Posts.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.SecondmentId == s.Id, ct);
        if (!s.Confirmed)
        {
            if (post is not null)
            {
                db.Posts.Remove(post);
            }
            return;
        }
        if (post is null)
        {
            post = new Post { AreaPath = s.ToAreaPath, Role = PostRole.SecondedOfficer, SecondmentId = s.Id };
            db.Posts.Add(post);
        }
        post.PersonId = s.PersonId;
        post.UnitId = s.ToUnitId;
        post.AreaPath = s.ToAreaPath;
        post.StartDate = s.StartDate;
        post.EndDate = s.LastDay;
    }

    public static void End(Checks c, Secondment s, DateOnly? endedOn)
    {
        c.When(endedOn is null, "endedOn", "This field is required.")
            .When(endedOn < s.StartDate, "endedOn", "The end date cannot be before the start date.")
            .When(endedOn > s.EndDate, "endedOn", "A secondment can end early, not late; change its end date instead.")
            .When(s.EndedOn is not null, "endedOn", "This secondment has already ended.");
        if (c.Ok)
        {
            s.EndedOn = endedOn;
        }
    }
}
