using Fengqiao.Features.Units;
using Fengqiao.Infrastructure.Audit;

namespace Fengqiao.Features.Teams;

/// <summary>Receiving a tip, and the receiving station's work on it: acknowledge, handle, reveal the tipster's number (audited).</summary>
public static class TipCommands
{
    private static readonly TipStatus[] Unread = [TipStatus.New];
    private static readonly TipStatus[] Open = [TipStatus.New, TipStatus.Acknowledged];

    /// <summary>Where a tip goes and who gave it, once the caller's right to send it there is settled.</summary>
    public sealed record TipTarget(int StationUnitId, string StationAreaPath, int? TeamId, string TipsterName, string? Phone, string? SubmittedByUserId);

    /// <summary>A member of staff records a tip for a team or a station they can see.</summary>
    public static async Task<Tip?> RecordAsync(AppDb db, Checks c, FieldProtector protector, LocalClock clock, TipInput i, CancellationToken ct)
    {
        CheckText(c, i.Text);
        c.Required("tipsterName", i.TipsterName, 50);
        CheckPhone(c, "tipsterPhone", i.TipsterPhone);
        var team = i.TeamId is null ? null : await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == i.TeamId, ct);
        c.When(i.TeamId is not null && team is null, "teamId", "Choose a team in your jurisdiction.");
        var stationId = team?.StationUnitId ?? i.StationUnitId;
        c.When(team is null && i.TeamId is null && stationId is null, "stationUnitId", "Choose the station that receives the tip.");
        var station = stationId is null ? null : await db.Units.AsNoTracking()
            .Where(u => u.Id == stationId && (u.Kind == UnitKind.PoliceStation || u.Kind == UnitKind.BorderPoliceStation))
            .Select(u => new { u.Id, u.AreaPath }).FirstOrDefaultAsync(ct);
        c.When(stationId is not null && station is null, "stationUnitId", "There is no such police station in your jurisdiction.");
        if (!c.Ok)
        {
            return null;
        }
        return await ReceiveAsync(db, protector, clock, new TipTarget(station!.Id, station.AreaPath, team?.Id, i.TipsterName!.Trim(), i.TipsterPhone, null), i.Text!, ct);
    }

    public static void CheckText(Checks c, string? text) => c.Required("text", text, 2000);

    public static void CheckPhone(Checks c, string field, string? phone) =>
        c.When(!string.IsNullOrWhiteSpace(phone) && !ChineseMobile.IsValid(phone), field, ChineseMobile.InvalidMessage);

    /// <summary>Stores the tip with its code; the phone is kept encrypted, and masked for the station's screens.</summary>
    public static async Task<Tip> ReceiveAsync(AppDb db, FieldProtector protector, LocalClock clock, TipTarget target, string text, CancellationToken ct,
        Guid? clientId = null)
    {
        var phone = string.IsNullOrWhiteSpace(target.Phone) ? null : ChineseMobile.Normalise(target.Phone);
        var now = clock.Now.ToUniversalTime();
        await using var tx = await db.BeginOrJoinAsync(ct);
        var tip = new Tip
        {
            Code = await NextCodeAsync(db, target.StationAreaPath, clock.DayOf(now).Year, ct),
            AreaPath = target.StationAreaPath,
            StationUnitId = target.StationUnitId,
            TeamId = target.TeamId,
            Text = text.Trim(),
            ReceivedAt = now,
            Status = TipStatus.New,
            TipsterName = target.TipsterName.Length > 50 ? target.TipsterName[..50] : target.TipsterName,
            TipsterPhoneCipher = phone is null ? null : protector.Protect(phone),
            TipsterPhoneMasked = phone is null ? null : Mask.Phone(phone),
            SubmittedByUserId = target.SubmittedByUserId,
            ClientId = clientId,
        };
        db.Tips.Add(tip);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return tip;
    }

    /// <summary>"T220104001-2026-00007": the station's street, the year, the number.</summary>
    public static async Task<string> NextCodeAsync(AppDb db, string stationAreaPath, int year, CancellationToken ct)
    {
        var segments = stationAreaPath.Trim('/').Split('/');
        return "T" + await CaseCodes.NextAsync(db, "T", segments[^1], year, ct);
    }

    public static Task<ChangeOutcome> AcknowledgeAsync(AppDb db, Checks c, LocalClock clock, int id, long? version, CancellationToken ct) =>
        ChangeAsync(db, c, id, version, Unread, t => (t.Status, t.AcknowledgedAt) = (TipStatus.Acknowledged, clock.Now.ToUniversalTime()), ct);

    public static Task<ChangeOutcome> HandleAsync(AppDb db, Checks c, LocalClock clock, int id, HandleTipInput i, CancellationToken ct) =>
        ChangeAsync(db, c, id, i.Version, Open, t =>
        {
            c.Required("note", i.Note, 2000);
            if (c.Ok)
            {
                var now = clock.Now.ToUniversalTime();
                (t.Status, t.HandledAt, t.HandledNote) = (TipStatus.Handled, now, i.Note!.Trim());
                t.AcknowledgedAt ??= now;
            }
        }, ct);

    /// <summary>
    /// The tipster's full number, for the receiving station only, with a reason; the reveal is in the
    /// audit log, saved with it. Null phone when none was given.
    /// </summary>
    public static async Task<(ChangeOutcome Outcome, string? Phone)> RevealPhoneAsync(
        AppDb db, Checks c, FieldProtector protector, bool mayReveal, int id, RevealInput i, CancellationToken ct)
    {
        var tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tip is null)
        {
            return (ChangeOutcome.NotFound, null);
        }
        if (!mayReveal || !TipPrivacy.CanSeeTipster(db.Jurisdiction, tip.StationUnitId))
        {
            return (ChangeOutcome.Forbidden, null);
        }
        c.Required("reason", i.Reason, 500);
        if (!c.Ok)
        {
            return (ChangeOutcome.Invalid, null);
        }
        if (tip.TipsterPhoneCipher is null)
        {
            return (ChangeOutcome.Ok, null);
        }
        var phone = protector.Unprotect(tip.TipsterPhoneCipher);
        AuditLog.Write(db, "reveal-phone", nameof(Tip), tip.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Reason!.Trim(), tip.AreaPath);
        await db.SaveChangesAsync(ct);
        return (ChangeOutcome.Ok, phone);
    }

    /// <summary>Only the receiving station works on a tip; those above see that it exists and how it went.</summary>
    private static async Task<ChangeOutcome> ChangeAsync(AppDb db, Checks c, int id, long? version, TipStatus[] from, Action<Tip> change, CancellationToken ct)
    {
        var tip = await db.Tips.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tip is null)
        {
            return ChangeOutcome.NotFound;
        }
        if (!TipPrivacy.CanSeeTipster(db.Jurisdiction, tip.StationUnitId))
        {
            return ChangeOutcome.Forbidden;
        }
        c.When(version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        if (tip.Version != version)
        {
            return ChangeOutcome.Conflict;
        }
        if (!from.Contains(tip.Status))
        {
            return ChangeOutcome.WrongState;
        }
        change(tip);
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        return await db.SaveVersionedAsync(tip, version!.Value, ct) ? ChangeOutcome.Ok : ChangeOutcome.Conflict;
    }
}
