using Microsoft.AspNetCore.WebUtilities;

namespace Fengqiao.Infrastructure.Web;

public sealed record PagerModel(int PageNumber, int PageCount, int Total, Func<int, string> Url)
{
    public static PagerModel For<T>(Page<T> page, HttpRequest request) =>
        new(page.PageNumber, page.PageCount, page.Total, n => PageLinks.With(request, "page", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed record SortLinkModel(string Label, string Url, bool Active, bool Descending);

/// <summary>Links that keep the list's current filters and change one thing (page, sort).</summary>
public static class PageLinks
{
    public static string With(HttpRequest request, string key, string? value)
    {
        var query = request.Query.Where(q => !q.Key.Equals(key, StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("page", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        if (value is not null)
        {
            query[key] = value;
        }
        return QueryHelpers.AddQueryString(request.Path, query);
    }

    /// <summary>A column heading that sorts by <paramref name="field"/>, and reverses on the second click.</summary>
    public static SortLinkModel Sort(HttpRequest request, string label, string field, string? current)
    {
        var active = current == field || current == "-" + field;
        var descending = current == "-" + field;
        var next = current == field ? "-" + field : field;
        return new SortLinkModel(label, With(request, "sort", next), active, descending);
    }
}
