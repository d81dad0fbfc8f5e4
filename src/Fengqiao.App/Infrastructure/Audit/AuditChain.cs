using System.Security.Cryptography;
using System.Text;

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
        var entries = await db.AuditLog.AsNoTracking().Where(e => e.Seq == null).OrderBy(e => e.Id).Take(batch).ToListAsync(ct);
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
            // The seal row through EF (its version guards against another node sealing at the same time), then the
            // entries with one statement per 500: the write lock, which every writer waits for, is held for moments.
            await db.SaveChangesAsync(ct);
            if (await WriteSealsAsync(db, entries, ct) != entries.Count)
            {
                // An entry was sealed since it was read: another node got there first.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return 0;
            }
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Another node moved the seal (version) or took the same sequence numbers (unique index) first.
            db.ChangeTracker.Clear();
            return 0;
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return entries.Count;
    }

    /// <summary>Sets each entry's sequence number and hash, where it has none yet; returns how many were set.</summary>
    private static async Task<int> WriteSealsAsync(AppDb db, List<AuditEntry> entries, CancellationToken ct)
    {
        var written = 0;
        foreach (var chunk in entries.Chunk(500))
        {
            await using var command = DbCommands.Create(db);
            var rows = new List<string>(chunk.Length);
            foreach (var e in chunk)
            {
                rows.Add($"(@i{rows.Count}, @s{rows.Count}, @h{rows.Count})");
                command.With($"@i{rows.Count - 1}", e.Id).With($"@s{rows.Count - 1}", e.Seq!.Value).With($"@h{rows.Count - 1}", e.Hash!);
            }
            // VALUES columns are column1, column2 … on both SQLite and PostgreSQL.
            command.CommandText = $"""
                UPDATE "AuditLog" SET "Seq" = v.column2, "Hash" = v.column3
                FROM (VALUES {string.Join(", ", rows)}) AS v
                WHERE "AuditLog"."Id" = v.column1 AND "AuditLog"."Seq" IS NULL
                """;
            written += await command.ExecuteNonQueryAsync(ct);
        }
        return written;
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
