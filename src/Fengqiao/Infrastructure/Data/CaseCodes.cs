using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fengqiao.Infrastructure.Data;

/// <summary>The next number of a code series, e.g. disputes of one street in one year.</summary>
public sealed class CodeCounter : INotAudited
{
    public required string Series { get; set; }
    public int Last { get; set; }
}

internal sealed class CodeCounterConfiguration : IEntityTypeConfiguration<CodeCounter>
{
    public void Configure(EntityTypeBuilder<CodeCounter> b)
    {
        b.HasKey(c => c.Series);
        b.Property(c => c.Series).HasMaxLength(60);
    }
}

/// <summary>
/// Readable case codes ("220106001-2026-00042": street, year, number). The counter row is
/// incremented in the caller's transaction, so concurrent registrations get distinct numbers
/// (PostgreSQL locks the row; SQLite has one writer at a time).
/// </summary>
public static class CaseCodes
{
    public static async Task<string> NextAsync(AppDb db, string prefix, string areaCode, int year, CancellationToken ct)
    {
        var last = await NextNumberAsync(db, $"{prefix}-{areaCode}-{year}", ct);
        return $"{areaCode}-{year}-{last:00000}";
    }

    /// <summary>The next number of a series (1, 2, 3 …), safe under concurrent callers.</summary>
    public static Task<int> NextNumberAsync(AppDb db, string series, CancellationToken ct) => ReserveAsync(db, series, 1, ct);

    /// <summary>Reserves <paramref name="count"/> numbers of a series at once and returns the last of them (bulk imports).</summary>
    public static async Task<int> ReserveAsync(AppDb db, string series, int count, CancellationToken ct)
    {
        var counters = db.Set<CodeCounter>();
        for (var attempt = 0; ; attempt++)
        {
            var bumped = await counters.Where(c => c.Series == series).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + count), ct);
            if (bumped == 0)
            {
                var first = new CodeCounter { Series = series, Last = count };
                counters.Add(first);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e) when (attempt < 3 && DbErrors.IsUniqueViolation(e))
                {
                    // Another registration started the series a moment ago (EF rolled back to its savepoint): bump it instead.
                    continue;
                }
                finally
                {
                    db.Entry(first).State = EntityState.Detached;
                }
            }
            return await counters.AsNoTracking().Where(c => c.Series == series).Select(c => c.Last).FirstAsync(ct);
        }
    }
}
