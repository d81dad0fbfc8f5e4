using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Units;
using Fengqiao.Features.Demands.Department;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Outbox;
using Fengqiao.Features.People;
using Fengqiao.Features.Supervision;

namespace Fengqiao.Features.Demands.Notices;

/// <summary>
/// The departments' and staff's hook on every save (registered by <c>AddDemands</c>): a referral added tells the unit's
/// contact, with the signed link to answer it; a supervision notice raised (an overdue case, or its escalation a level
/// up) tells the case's officer and the leaders of the level it is addressed to. The messages join the same save, so
/// they commit with the change or not at all.
/// </summary>
public sealed class StaffNoticeInterceptor(StaffMail mail, DepartmentLinks links, LocalClock clock, OutboxSignal signal) : OutboxInterceptor(signal)
{
    private static readonly PostRole[] LeaderPosts = [PostRole.Leader, PostRole.StationDirector];

    protected override async Task<bool> AddMessagesAsync(AppDb db, bool sync, CancellationToken ct)
    {
        var referrals = db.ChangeTracker.Entries<Referral>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var notices = db.ChangeTracker.Entries<SupervisionNotice>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var reopened = db.ChangeTracker.Entries<ResidentRequest>()
            .Where(e => e.State == EntityState.Modified && e.Property(r => r.NotResolvedAt).IsModified && e.Entity.NotResolvedAt != null
                && (e.Entity.DisputeId != null || e.Entity.DangerId != null))
            .Select(e => e.Entity).ToList();
        var added = referrals.Count > 0 && await ReferredAsync(db, referrals, sync, ct);
        added |= notices.Count > 0 && await SupervisedAsync(db, notices, sync, ct);
        added |= reopened.Count > 0 && await NotResolvedAsync(db, reopened, sync, ct);
        return added;
    }

    private async Task<bool> ReferredAsync(AppDb db, List<Referral> referrals, bool sync, CancellationToken ct)
    {
        foreach (var r in referrals)
        {
            r.LinkKey ??= Guid.CreateVersion7();
        }
        var unitIds = referrals.Select(r => r.UnitId).Distinct().ToList();
        var query = db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.ContactEmail != null).Select(u => new { u.Id, u.ContactEmail });
        var contacts = (sync ? query.ToList() : await query.ToListAsync(ct)).ToDictionary(u => u.Id, u => u.ContactEmail!);
        var any = false;
        foreach (var r in referrals.Where(r => contacts.ContainsKey(r.UnitId)))
        {
            var d = r.Demand ?? db.ChangeTracker.Entries<Demand>().Select(e => e.Entity).FirstOrDefault(x => x.Id == r.DemandId);
            if (d is null)
            {
                continue;
            }
            var facts = new ReferralFacts(d.Code, d.Id, d.Category, d.Description, r.UnitNameZh, r.UnitNameEn, r.DueOn, r.Note);
            db.Add(mail.ToUnit(contacts[r.UnitId], "referral.made", d.Code, r.AreaPath,
                NoticeTexts.Referred(facts, links.Url(r.LinkKey!.Value), clock.DayOf(links.Expiry))));
            any = true;
        }
        return any;
    }

    /// <summary>The resident said the resolved report is not resolved: the case's officer (or the danger's finder) hears why.</summary>
    private async Task<bool> NotResolvedAsync(AppDb db, List<ResidentRequest> requests, bool sync, CancellationToken ct)
    {
        var disputeIds = requests.Where(r => r.DisputeId != null).Select(r => r.DisputeId!.Value).ToList();
        var dangerIds = requests.Where(r => r.DangerId != null).Select(r => r.DangerId!.Value).ToList();
        var disputes = db.Disputes.IgnoreQueryFilters().AsNoTracking().Where(d => disputeIds.Contains(d.Id) && d.ResponsibleOfficerId != null)
            .Select(d => new { d.Id, d.Code, Person = d.ResponsibleOfficerId!.Value });
        var dangers = db.Dangers.IgnoreQueryFilters().AsNoTracking().Where(d => dangerIds.Contains(d.Id) && d.FoundById != null)
            .Select(d => new { d.Id, d.Code, Person = d.FoundById!.Value });
        var caseOf = (sync ? disputes.ToList() : await disputes.ToListAsync(ct)).ToDictionary(d => d.Id, d => (d.Code, d.Person));
        var dangerOf = (sync ? dangers.ToList() : await dangers.ToListAsync(ct)).ToDictionary(d => d.Id, d => (d.Code, d.Person));
        var readers = (await StaffMail.ReadersAsync(db, [.. caseOf.Values.Concat(dangerOf.Values).Select(v => v.Person)], sync, ct)).ToLookup(r => r.PersonId);
        var any = false;
        foreach (var r in requests)
        {
            var (code, person, url) = r.DisputeId is { } id && caseOf.TryGetValue(id, out var c) ? (c.Code, c.Person, $"/disputes/{id}")
                : r.DangerId is { } did && dangerOf.TryGetValue(did, out var g) ? (g.Code, g.Person, $"/dangers/{did}") : (null, 0, null);
            if (code is null)
            {
                continue;
            }
            foreach (var reader in readers[person])
            {
                mail.ToStaff(db, reader, "request.not-resolved", code, r.AreaPath, NoticeTexts.NotResolved(r.Code, code, r.FeedbackComment ?? "", mail.StaffUrl(url!)));
                any = true;
            }
        }
        return any;
    }

    private async Task<bool> SupervisedAsync(AppDb db, List<SupervisionNotice> notices, bool sync, CancellationToken ct)
    {
        var today = clock.Today;
        var disputeIds = notices.Where(n => n.SubjectKind == SupervisedKind.Dispute).Select(n => n.SubjectId).Distinct().ToList();
        var dangerIds = notices.Where(n => n.SubjectKind == SupervisedKind.Danger).Select(n => n.SubjectId).Distinct().ToList();
        var paths = notices.Select(n => n.AreaPath).Distinct().ToList();
        var disputes = db.Disputes.IgnoreQueryFilters().AsNoTracking().Where(d => disputeIds.Contains(d.Id) && d.ResponsibleOfficerId != null)
            .Select(d => new { d.Id, Person = d.ResponsibleOfficerId!.Value });
        var dangers = db.Dangers.IgnoreQueryFilters().AsNoTracking().Where(d => dangerIds.Contains(d.Id) && d.FoundById != null)
            .Select(d => new { d.Id, Person = d.FoundById!.Value });
        var leaders = db.Posts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => paths.Contains(p.AreaPath) && LeaderPosts.Contains(p.Role) && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
            .Select(p => new { p.AreaPath, p.PersonId });
        var officerOf = (sync ? disputes.ToList() : await disputes.ToListAsync(ct)).ToDictionary(d => (SupervisedKind.Dispute, d.Id), d => d.Person);
        foreach (var d in sync ? dangers.ToList() : await dangers.ToListAsync(ct))
        {
            officerOf[(SupervisedKind.Danger, d.Id)] = d.Person;
        }
        var leadersAt = (sync ? leaders.ToList() : await leaders.ToListAsync(ct)).ToLookup(p => p.AreaPath, p => p.PersonId);
        var people = officerOf.Values.Concat(leadersAt.SelectMany(g => g)).ToList();
        var readers = (await StaffMail.ReadersAsync(db, people, sync, ct)).ToLookup(r => r.PersonId);
        var any = false;
        foreach (var n in notices)
        {
            var who = leadersAt[n.AreaPath].ToList();
            if (officerOf.TryGetValue((n.SubjectKind, n.SubjectId), out var officer))
            {
                who.Add(officer);
            }
            var url = mail.StaffUrl(n.SubjectKind == SupervisedKind.Dispute ? $"/disputes/{n.SubjectId}" : $"/dangers/{n.SubjectId}");
            foreach (var reader in who.Distinct().SelectMany(p => readers[p]))
            {
                mail.ToStaff(db, reader, "supervision.raised", n.SubjectCode, n.SubjectAreaPath,
                    NoticeTexts.Supervision(n.SubjectCode, n.SubjectTitle, n.Level, n.DueDate, n.WorkingDaysOverdue, url));
                any = true;
            }
        }
        return any;
    }
}
