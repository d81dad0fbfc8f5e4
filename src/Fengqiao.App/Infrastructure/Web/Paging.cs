namespace Fengqiao.Infrastructure.Web;

/// <summary>One page of a list, with what the reader needs to move through it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
}

public static class Paging
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    public static (int Page, int Size) Normalise(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Normalise(page, size);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<T>(items, p, s, total);
    }

    /// <summary>Escapes LIKE wildcards so a search for "50%" finds "50%".</summary>
    public static string LikeContains(string term) =>
        "%" + term.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
