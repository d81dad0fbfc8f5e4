using Fengqiao.Features.Units;
using Fengqiao.Features.Demands.Department;

namespace Fengqiao.Features.Demands.Notices;

/// <summary>
/// The daily check of referrals past their due day: the unit's contact (with its signed link) and the officer who
/// referred it are told, once. Each referral records the day it was told of in the same save as its messages, under its
/// version check, so that a second run, a restart or a second node sends nothing more.
/// </summary>
public sealed class OverdueReferrals(IServiceScopeFactory scopes, StaffMail mail, DepartmentLinks links, LocalClock clock, WriteTurn turn)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var today = clock.Today;
        var due = await db.DemandReferrals.AsNoTracking()
            .Where(r => r.AnsweredOn == null && r.ReturnedOn == null && r.DueOn < today && r.OverdueNotifiedOn == null && r.Demand!.Status == DemandStatus.Referred)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(1000).ToListAsync(ct);
        var told = 0;
        foreach (var batch in due.Chunk(100))
        {
            var referrals = await db.DemandReferrals.Include(r => r.Demand).Where(r => batch.Contains(r.Id) && r.OverdueNotifiedOn == null).ToListAsync(ct);
            var contacts = await ContactsAsync(db, referrals, ct);
            var officers = (await StaffMail.ReadersAsync(db, [.. referrals.Where(r => r.ReferredById != null).Select(r => r.ReferredById!.Value)], false, ct))
                .ToLookup(r => r.PersonId);
            foreach (var r in referrals)
            {
                var d = r.Demand!;
                var facts = new ReferralFacts(d.Code, d.Id, d.Category, d.Description, r.UnitNameZh, r.UnitNameEn, r.DueOn, r.Note);
                r.LinkKey ??= Guid.CreateVersion7();
                if (contacts.TryGetValue(r.UnitId, out var contact))
                {
                    db.Add(mail.ToUnit(contact, "referral.overdue", d.Code, r.AreaPath, NoticeTexts.OverdueToUnit(facts, links.Url(r.LinkKey.Value), clock.DayOf(links.Expiry))));
                }
                foreach (var officer in r.ReferredById is { } by ? officers[by] : [])
                {
                    mail.ToStaff(db, officer, "referral.overdue", d.Code, r.AreaPath, NoticeTexts.OverdueToOfficer(facts, mail.StaffUrl($"/demands/{d.Id}")));
                }
                r.OverdueNotifiedOn = today;
            }
            told += await SaveAsync(db, referrals.Count, ct);
        }
        return told;
    }

    private static async Task<Dictionary<int, string>> ContactsAsync(AppDb db, List<Referral> referrals, CancellationToken ct)
    {
        var unitIds = referrals.Select(r => r.UnitId).Distinct().ToList();
        return await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.ContactEmail != null)
            .ToDictionaryAsync(u => u.Id, u => u.ContactEmail!, ct);
    }

    /// <summary>Saves the batch; a referral another node (or a person) changed meanwhile leaves the batch to the next run.</summary>
    private async Task<int> SaveAsync(AppDb db, int count, CancellationToken ct)
    {
        using var _ = await turn.TakeAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return count;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
