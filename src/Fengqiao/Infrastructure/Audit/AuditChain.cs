using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fengqiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Infrastructure.Audit;

/// <summary>What a check of the audit chain found.</summary>
public sealed record AuditVerification(long Checked, long? FirstBrokenSeq, long? FirstBrokenId, int Unsealed);

/// <summary>
/// The hash chain over the audit log. Entries are written unsealed (cheap, in the caller's
/// transaction); the sealer gives them a sequence number and hash in the order it finds them, so
/// entries committed late on another node still join the chain rather than break it.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(string previous, AuditEntry e, long seq)
    {
        var text = string.Join('\u001f', previous, seq.ToString(CultureInfo.InvariantCulture), e.Id.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("O", CultureInfo.InvariantCulture), e.UserName, e.PersonId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.Action, e.Entity, e.EntityId, e.AreaPath ?? "", e.Reason ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Seals up to <paramref name="batch"/> entries. False when another node sealed first (nothing saved; try again).</summary>
    public static async Task<int> SealAsync(AppDb db, int batch, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var seal = await db.Set<AuditSeal>().FirstOrDefaultAsync(s => s.Id == 1, ct);
        if (seal is null)
        {
            seal = new AuditSeal { Id = 1 };
            db.Set<AuditSeal>().Add(seal);
        }
        var entries = await db.AuditLog.Where(e => e.Seq == null).OrderBy(e => e.Id).Take(batch).ToListAsync(ct);
        if (entries.Count == 0)
        {
            return 0;
        }
        foreach (var e in entries)
        {
            e.Seq = ++seal.LastSeq;
            e.Hash = HashOf(seal.LastHash, e, e.Seq.Value);
            seal.LastHash = e.Hash;
        }
        seal.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node moved the seal (version) or took the same sequence numbers (unique index) first.
            db.ChangeTracker.Clear();
            return 0;
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return entries.Count;
    }

    /// <summary>Recomputes the chain from the start and names the first entry whose hash does not follow.</summary>
    public static async Task<AuditVerification> VerifyAsync(AppDb db, CancellationToken ct)
    {
        // Counted first: PostgreSQL runs one command at a time on a connection, and the loop below holds a reader open.
        var unsealed = await UnsealedAsync(db, ct);
        var previous = Genesis;
        long expected = 0;
        long checkedCount = 0;
        await foreach (var e in db.AuditLog.AsNoTracking().Where(e => e.Seq != null).OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            expected++;
            if (e.Seq != expected || e.Hash != HashOf(previous, e, e.Seq!.Value))
            {
                return new AuditVerification(checkedCount, expected, e.Id, unsealed);
            }
            previous = e.Hash!;
            checkedCount++;
        }
        var seal = await db.Set<AuditSeal>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == 1, ct);
        // Entries cut off the end of the chain show as a seal that is ahead of the last entry.
        if (seal is not null && (seal.LastSeq != checkedCount || seal.LastHash != previous))
        {
            return new AuditVerification(checkedCount, checkedCount + 1, null, unsealed);
        }
        return new AuditVerification(checkedCount, null, null, unsealed);
    }

    private static Task<int> UnsealedAsync(AppDb db, CancellationToken ct) => db.AuditLog.CountAsync(e => e.Seq == null, ct);
}
