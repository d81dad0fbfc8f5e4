using Fengqiao.Features.Outbox;

namespace Fengqiao.Features.Demands.Notices;

/// <summary>A staff account that can be told: its address (as Identity keeps it), its language and whether it reads a digest.</summary>
public sealed record StaffReader(int PersonId, string UserId, string Email, string Language, bool Digest);

/// <summary>What a notice says, rendered in its reader's language.</summary>
public delegate (string Subject, string Body) Render(IStringLocalizer l);

/// <summary>
/// Writes the notices for departments and staff into the caller's save: a unit's contact is told at once (in Chinese,
/// the departments' language); a staff account in its own language, at once or held for its daily digest. Addresses
/// and bodies are encrypted like residents' numbers.
/// </summary>
public sealed class StaffMail(FieldProtector protector, IStringLocalizer<SharedResource> l, TimeProvider time, IOptions<OutboxOptions> outbox)
{
    public string StaffUrl(string path) => outbox.Value.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>A message to a unit's contact; <paramref name="storedEmail"/> is the unit's encrypted address.</summary>
    public OutboxMessage ToUnit(string storedEmail, string evt, string reference, string areaPath, Render render)
    {
        var plain = protector.Unprotect(storedEmail).Trim().ToLowerInvariant();
        using var _ = LocalizationSetup.InCulture(LocalizationSetup.Chinese);
        var (subject, body) = render(l);
        return Message(storedEmail, plain, LocalizationSetup.Chinese, evt, reference, areaPath, subject, body);
    }

    /// <summary>Adds the notice to the save: an outbox message, or a held notice for a digest reader.</summary>
    public void ToStaff(AppDb db, StaffReader reader, string evt, string reference, string areaPath, Render render)
    {
        string subject, body;
        using (LocalizationSetup.InCulture(reader.Language))
        {
            (subject, body) = render(l);
        }
        if (reader.Digest)
        {
            db.Add(new HeldNotice
            {
                UserId = reader.UserId, Event = evt, Reference = reference, Subject = Cut(subject, 300), Body = protector.Protect(body), CreatedAt = time.GetUtcNow(),
            });
            return;
        }
        var plain = reader.Email.Trim().ToLowerInvariant();
        db.Add(Message(protector.Protect(plain), plain, reader.Language, evt, reference, areaPath, subject, body));
    }

    /// <summary>One digest e-mail to <paramref name="reader"/>; its key marks the held notices it carries.</summary>
    public OutboxMessage Digest(StaffReader reader, string subject, string body)
    {
        var plain = reader.Email.Trim().ToLowerInvariant();
        return Message(protector.Protect(plain), plain, reader.Language, "staff.digest", "digest", "/", subject, body);
    }

    public string Reveal(string stored) => protector.Unprotect(stored);

    /// <summary>The staff accounts of these people that have an e-mail address, with their preference.</summary>
    public static async Task<List<StaffReader>> ReadersAsync(AppDb db, IReadOnlyCollection<int> personIds, bool sync, CancellationToken ct)
    {
        if (personIds.Count == 0)
        {
            return [];
        }
        var ids = personIds.Distinct().ToList();
        var query = from u in db.Users.AsNoTracking()
                    where u.PersonId != null && ids.Contains(u.PersonId.Value) && u.Email != null && u.Email != ""
                    join p in db.Set<NoticePreference>().AsNoTracking() on u.Id equals p.UserId into prefs
                    from p in prefs.DefaultIfEmpty()
                    select new { PersonId = u.PersonId!.Value, u.Id, u.Email, u.PreferredCulture, Digest = p != null && p.Digest };
        var rows = sync ? query.ToList() : await query.ToListAsync(ct);
        return [.. rows.Select(r => new StaffReader(r.PersonId, r.Id, r.Email!, LocalizationSetup.Nearest(r.PreferredCulture), r.Digest))];
    }

    private OutboxMessage Message(string storedRecipient, string plain, string language, string evt, string reference, string areaPath, string subject, string body)
    {
        var now = time.GetUtcNow();
        return new OutboxMessage
        {
            Key = Guid.CreateVersion7(now), Channel = OutboxChannel.Email, Event = evt, Reference = Cut(reference, 60), AreaPath = areaPath, Language = language,
            Recipient = storedRecipient, RecipientHash = protector.Hash(plain), RecipientMasked = Mask.Email(plain), Subject = Cut(subject, 300),
            Body = protector.Protect(body), State = OutboxState.Pending, CreatedAt = now, DueAt = now,
        };
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
