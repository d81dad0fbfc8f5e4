using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Outbox.Alerts;

public enum AlertOutcome
{
    Ok,
    Invalid,
    /// <summary>The link was altered, cut short, made up or has expired.</summary>
    BadLink,
    /// <summary>A confirmation link of a subscription that has since been ended.</summary>
    Ended,
}

/// <summary>
/// Subscribing to a community's alerts from the public pages: no account, a confirmation by signed link (sent through
/// the outbox in the same save), and an end by the link in every alert. The page answers the same whether or not the
/// address was subscribed already, so it tells no one who is.
/// </summary>
public sealed class AreaAlerts(AppDb db, FieldProtector protector, AlertMessages messages, AlertLinks links, TimeProvider time, OutboxSignal signal)
{
    /// <summary>Communities by name or code, for the picker (the first 50).</summary>
    public Task<List<AlertArea>> CommunitiesAsync(string? search, CancellationToken ct)
    {
        var q = db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.Level == AreaLevel.Community);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = Paging.LikeContains(search.Trim());
            q = q.Where(a => EF.Functions.Like(a.NameZh, like, "\\") || EF.Functions.Like(a.NameEn, like, "\\") || EF.Functions.Like(a.Code, like, "\\"));
        }
        return q.OrderBy(a => a.Code).Take(50).Select(a => new AlertArea(a.Id, a.Code, a.NameZh, a.NameEn)).ToListAsync(ct);
    }

    public Task<AlertArea?> CommunityAsync(string? code, CancellationToken ct) =>
        db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.Code == code && a.Level == AreaLevel.Community)
            .Select(a => new AlertArea(a.Id, a.Code, a.NameZh, a.NameEn)).FirstOrDefaultAsync(ct);

    public async Task<AlertOutcome> SubscribeAsync(Checks c, string? community, string? email, CancellationToken ct)
    {
        c.Required("email", email, 254).When(!string.IsNullOrWhiteSpace(email) && !Open311.ResidentRequests.IsEmail(email.Trim()), "email", "This is not an e-mail address.");
        var area = await CommunityAsync(community?.Trim(), ct);
        c.When(area is null, "community", "Choose a community.");
        if (!c.Ok)
        {
            return AlertOutcome.Invalid;
        }
        var address = email!.Trim().ToLowerInvariant();
        var hash = protector.Hash(address);
        var language = LocalizationSetup.Nearest(CultureInfo.CurrentUICulture.Name);
        var s = await db.Set<AlertSubscription>().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.AreaId == area!.Id && x.EmailHash == hash, ct);
        if (s is { Active: true })
        {
            return AlertOutcome.Ok; // already subscribed: nothing to send, and the page says the same as for a new one
        }
        var areaPath = await db.Areas.IgnoreQueryFilters().Where(a => a.Id == area!.Id).Select(a => a.Path).FirstAsync(ct);
        if (s is null)
        {
            s = new AlertSubscription
            {
                Key = Guid.CreateVersion7(time.GetUtcNow()), AreaId = area!.Id, AreaPath = areaPath, Email = protector.Protect(address), EmailHash = hash,
                EmailMasked = Mask.Email(address), Language = language, CreatedAt = time.GetUtcNow(),
            };
            db.Add(s);
        }
        else
        {
            // Ended or never confirmed: it starts again from a new confirmation, in the language asked in now.
            (s.ConfirmedAt, s.UnsubscribedAt, s.Language) = (null, null, language);
        }
        db.Add(messages.Confirmation(s, area!));
        await SaveAsync(ct);
        signal.Poke();
        return AlertOutcome.Ok;
    }

    public async Task<(AlertOutcome Outcome, AlertArea? Area)> ConfirmAsync(string? token, CancellationToken ct)
    {
        var s = await FindAsync(links.ReadConfirm(token), ct);
        if (s is null)
        {
            return (AlertOutcome.BadLink, null);
        }
        if (s.UnsubscribedAt is not null)
        {
            return (AlertOutcome.Ended, await AreaAsync(s, ct));
        }
        s.ConfirmedAt ??= time.GetUtcNow();
        await SaveAsync(ct);
        return (AlertOutcome.Ok, await AreaAsync(s, ct));
    }

    public async Task<(AlertOutcome Outcome, AlertArea? Area)> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        var s = await FindAsync(links.ReadUnsubscribe(token), ct);
        if (s is null)
        {
            return (AlertOutcome.BadLink, null);
        }
        s.UnsubscribedAt ??= time.GetUtcNow();
        await SaveAsync(ct);
        return (AlertOutcome.Ok, await AreaAsync(s, ct));
    }

    private async Task<AlertSubscription?> FindAsync(Guid? key, CancellationToken ct) =>
        key is null ? null : await db.Set<AlertSubscription>().IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Key == key, ct);

    private Task<AlertArea?> AreaAsync(AlertSubscription s, CancellationToken ct) =>
        db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == s.AreaId).Select(a => new AlertArea(a.Id, a.Code, a.NameZh, a.NameEn)).FirstOrDefaultAsync(ct);

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address subscribed, confirmed or left twice at once: the other request's save stands, which is the same outcome.
            db.ChangeTracker.Clear();
        }
    }
}
