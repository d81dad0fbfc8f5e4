using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Fengqiao.Infrastructure.Scope;

/// <summary>
/// A subtree of areas as a range of materialised paths: every path that starts with "/22/2201/" lies in
/// ["/22/2201/", "/22/22010"). Databases answer a range from the path index; they cannot do that for a
/// LIKE with a parameter (SQLite's LIKE is case-insensitive; PostgreSQL needs the pattern at plan time).
/// Paths compare byte by byte: SQLite's BINARY collation, and "C" on PostgreSQL (PostgresAppDb).
/// </summary>
public static class PathRange
{
    /// <summary>The first string after every string that starts with <paramref name="prefix"/>.</summary>
    public static string Upper(string prefix) =>
        prefix.Length == 0 ? "\uffff" : string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());

    /// <summary>"/22/2201/220104/" → "/22/", "/22/2201/", "/22/2201/220104/": the path and every path above it.</summary>
    public static List<string> Ancestors(string path)
    {
        var result = new List<string>();
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            result.Add(path[..(i + 1)]);
        }
        return result;
    }

    /// <summary>Keeps the rows whose path (<paramref name="path"/>) starts with <paramref name="prefix"/>, as an indexable range.</summary>
    public static IQueryable<T> UnderPath<T>(this IQueryable<T> query, Expression<Func<T, string>> path, string prefix) =>
        query.Where(Within(path, new Bounds(prefix, Upper(prefix))));

    /// <summary><paramref name="path"/> within <paramref name="bounds"/>; the bounds stay SQL parameters.</summary>
    public static Expression<Func<T, bool>> Within<T>(Expression<Func<T, string>> path, Bounds bounds) =>
        Compose(path, p => string.Compare(p, bounds.Low) >= 0 && string.Compare(p, bounds.High) < 0);

    /// <summary>
    /// Applies a test on a path to the path of an entity (<c>d =&gt; d.AreaPath</c>, <c>x =&gt; x.Dispute!.AreaPath</c>), so
    /// one range test serves every entity: the query filters (<c>AppDb</c>) and the lists' area filters.
    /// </summary>
    public static Expression<Func<T, bool>> Compose<T>(Expression<Func<T, string>> path, Expression<Func<string, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(ReplacingExpressionVisitor.Replace(test.Parameters[0], path.Body, test.Body), path.Parameters);

    public sealed record Bounds(string Low, string High);
}
