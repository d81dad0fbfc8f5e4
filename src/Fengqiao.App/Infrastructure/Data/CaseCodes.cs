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
        var last = await NextNumberAsync(db, Series(prefix, areaCode, year), ct);
        return Format(areaCode, year, last);
    }

    /// <summary>
    /// Reserves numbers in several series with one statement (a batch of reports): each series' count is added to its
    /// counter, which is created if it does not exist yet. Returns the last number reserved in each series.
    /// </summary>
    public static async Task<Dictionary<string, int>> ReserveManyAsync(AppDb db, IEnumerable<(string Series, int Count)> wanted, CancellationToken ct)
    {
        await using var command = DbCommands.Create(db);
        var values = new List<string>();
        // In key order, so that two writers never wait on each other's counters.
        foreach (var (series, count) in wanted.OrderBy(w => w.Series, StringComparer.Ordinal))
        {
            values.Add($"(@s{values.Count}, @c{values.Count})");
            command.With($"@s{values.Count - 1}", series).With($"@c{values.Count - 1}", count);
        }
        command.CommandText = $"""
            INSERT INTO "CodeCounter" ("Series", "Last") VALUES {string.Join(", ", values)}
            ON CONFLICT ("Series") DO UPDATE SET "Last" = "CodeCounter"."Last" + excluded."Last"
            RETURNING "Series", "Last"
            """;
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            last[reader.GetString(0)] = reader.GetInt32(1);
        }
        return last;
    }

    /// <summary>The counter that numbers <paramref name="prefix"/> codes of one area and year.</summary>
    public static string Series(string prefix, string areaCode, int year) => $"{prefix}-{areaCode}-{year}";

    public static string Format(string areaCode, int year, int number) => $"{areaCode}-{year}-{number:00000}";

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
