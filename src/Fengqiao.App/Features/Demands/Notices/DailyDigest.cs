namespace Fengqiao.Features.Demands.Notices;

/// <summary>
/// Once a day, from the configured hour, each digest reader with held notices gets one e-mail listing them, in their
/// language. The day is recorded on their preference in the same save as the message and the marks on the notices,
/// under its version check: a second run that day, a restart or a second node sends nothing more; notices held after
/// today's digest wait for tomorrow's.
/// </summary>
public sealed class DailyDigest(
    IServiceScopeFactory scopes, StaffMail mail, IStringLocalizer<SharedResource> l, LocalClock clock, IOptions<StaffNoticeOptions> options, WriteTurn turn)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (clock.ToLocal(clock.Now).Hour < options.Value.DigestHour)
        {
            return 0;
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var today = clock.Today;
        var waiting = await db.Set<HeldNotice>().AsNoTracking().Where(n => n.DigestKey == null).Select(n => n.UserId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var userId in waiting)
        {
            var preference = await db.Set<NoticePreference>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.PersonId, u.Email, u.PreferredCulture }).FirstOrDefaultAsync(ct);
            if (preference is null || preference.LastDigestOn >= today || user is null || string.IsNullOrWhiteSpace(user.Email))
            {
                continue;
            }
            var held = await db.Set<HeldNotice>().Where(n => n.UserId == userId && n.DigestKey == null).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(ct);
            var reader = new StaffReader(user.PersonId ?? 0, userId, user.Email, LocalizationSetup.Nearest(user.PreferredCulture), true);
            string subject, body;
            using (LocalizationSetup.InCulture(reader.Language))
            {
                (subject, body) = NoticeTexts.Digest([.. held.Select(n => (n.Subject, mail.Reveal(n.Body)))])(l);
            }
            var message = mail.Digest(reader, subject, body);
            db.Add(message);
            foreach (var n in held)
            {
                n.DigestKey = message.Key;
            }
            preference.LastDigestOn = today;
            sent += await SaveAsync(db, ct);
        }
        return sent;
    }

    private async Task<int> SaveAsync(AppDb db, CancellationToken ct)
    {
        using var _ = await turn.TakeAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return 1;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node sent this reader's digest a moment ago.
            db.ChangeTracker.Clear();
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
