using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Security;

/// <summary>One method of one route of the running app, as the sweep calls it.</summary>
/// <param name="Template">The route template with a leading slash ("/api/disputes/{id:int}").</param>
/// <param name="IsPage">A Razor page: only ever sent GET.</param>
/// <param name="IsPublic">Anonymous by design (Open311, the public board, outlet displays): its records may be shown to anyone.</param>
/// <param name="Kind">The record its parameters name, from <see cref="SweepRoutes.Table"/>; null when the table does not map it.</param>
public sealed record SweepRoute(string Method, string Template, RoutePattern Pattern, bool IsPage, bool IsPublic, Kind? Kind)
{
    /// <summary>True when a parameter names a record, not just a format, a year, a date or a file (catch-all: the API reference's assets).</summary>
    public bool NamesRecord => Pattern.Parameters.Any(p => !p.IsCatchAll && !SweepRoutes.Neutral.ContainsKey(p.Name));

    /// <summary>The concrete path for an account: every parameter filled from its foreign record, or with a bogus id.</summary>
    public (string Path, Foreign? Record) Resolve(IReadOnlyDictionary<Kind, Foreign?> targets)
    {
        var record = Kind is { } k ? targets[k] : null;
        var path = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => SweepRoutes.Value(parameter, record),
                    _ => "",
                });
            }
        }
        return (path.Length == 0 ? "/" : path.ToString(), record);
    }
}

/// <summary>
/// The app's endpoints, read at run time from its <see cref="EndpointDataSource"/> (so a new endpoint is swept without
/// anyone listing it), and the explicit table that says which record each route's parameters name.
/// </summary>
public static class SweepRoutes
{
    /// <summary>An id no record has: what a route the table cannot map is called with (it must answer 400/401/403/404).</summary>
    public const string Bogus = "99999999";

    /// <summary>Parameters that name no record, and a value that is valid (or harmless) for every caller.</summary>
    public static readonly IReadOnlyDictionary<string, string> Neutral = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["format"] = "json",
        ["year"] = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture),
        ["date"] = "2099-01-02",
        ["documentName"] = "v1",
        ["action"] = "rectify",
        // A case document every case has, so a foreign case's answer (404) is the jurisdiction's, not an unknown kind's.
        ["kind"] = "acceptance",
    };

    /// <summary>Route prefix → the kind of record its parameters name. The longest matching prefix wins.</summary>
    public static readonly (string Prefix, Kind Kind)[] Table =
    [
        ("/api/households/import/", Kind.Import), ("/households/import/", Kind.Import),
        ("/api/households/", Kind.Household), ("/households/", Kind.Household),
        ("/api/residents/", Kind.Resident),
        ("/api/disputes/", Kind.Dispute), ("/disputes/", Kind.Dispute),
        ("/api/dangers/", Kind.Danger), ("/dangers/", Kind.Danger),
        ("/api/supervision/", Kind.Notice),
        ("/api/demands/", Kind.Demand), ("/demands/", Kind.Demand),
        ("/api/projects/", Kind.Project), ("/projects/", Kind.Project),
        ("/api/campaigns/", Kind.Campaign), ("/campaigns/", Kind.Campaign),
        ("/api/visits/", Kind.Visit), ("/visits/", Kind.Visit),
        ("/api/people/", Kind.Person), ("/people/", Kind.Person),
        ("/api/posts/", Kind.Post), ("/posts/edit/", Kind.Post),
        ("/api/secondments/", Kind.Secondment), ("/secondments/edit/", Kind.Secondment),
        ("/api/units/", Kind.Unit), ("/units/", Kind.Unit),
        ("/api/areas/", Kind.Area), ("/areas/", Kind.Area),
        ("/api/board/", Kind.Area), ("/board/", Kind.Area), ("/api/neighbourhoods/", Kind.Area),
        ("/api/requests/", Kind.Request), ("/open311/v2/requests/", Kind.Request), ("/open311/v2/tokens/", Kind.Request),
        ("/api/services/outlets/", Kind.Outlet), ("/services/outlets/", Kind.Outlet), ("/display/", Kind.Outlet),
        ("/api/services/counters/", Kind.Counter),
        ("/api/services/appointments/", Kind.Appointment),
        ("/api/services/records/", Kind.ServiceRecord), ("/services/records/", Kind.ServiceRecord),
        ("/api/services/reviews/", Kind.Review),
        ("/api/services/rectifications/", Kind.Rectification),
        ("/api/teams/", Kind.Team), ("/teams/", Kind.Team),
        ("/api/patrols/", Kind.Patrol),
        ("/api/tips/", Kind.Tip), ("/tips/", Kind.Tip),
        ("/api/outreach/", Kind.Outreach),
        ("/api/meetings/", Kind.Meeting), ("/meetings/", Kind.Meeting),
    ];

    /// <summary>Why a route is left out of the sweep, or null when it is swept.</summary>
    public static string? Excluded(string method, string template) => (method, template) switch
    {
        (_, "/error") => "the exception handler's re-execution target: it answers 500 by design",
        (not "GET", _) when template.StartsWith("/api/account/", StringComparison.Ordinal) =>
            "acts on the caller's own session (sign-in, sign-out, second factor), not on a record; SignInTests cover it",
        _ => null,
    };

    public static IReadOnlyList<SweepRoute> Discover(IServiceProvider services)
    {
        var routes = new List<SweepRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var isPage = metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = isPage ? ["GET"] : metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // Anonymous by design: marked so, or carrying no authorization at all (the app sets no fallback policy).
            var isPublic = metadata.GetMetadata<IAllowAnonymous>() is not null || metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0;
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE" or "PATCH"))
            {
                if (Excluded(method, template) is null)
                {
                    routes.Add(new(method, template, endpoint.RoutePattern, isPage, isPublic, KindOf(template)));
                }
            }
        }
        return [.. routes.DistinctBy(r => (r.Method, r.Template)).OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }

    private static Kind? KindOf(string template) =>
        Table.Where(t => template.StartsWith(t.Prefix, StringComparison.OrdinalIgnoreCase)).OrderByDescending(t => t.Prefix.Length)
            .Select(t => (Kind?)t.Kind).FirstOrDefault();

    /// <summary>A parameter's value: neutral ones fixed, children from the record, the key by id (numeric constraint) or by code.</summary>
    internal static string Value(RoutePatternParameterPart parameter, Foreign? record)
    {
        if (Neutral.TryGetValue(parameter.Name, out var neutral))
        {
            return neutral;
        }
        if (parameter.Name is "memberId" or "taskId")
        {
            return record?.Child?.ToString(CultureInfo.InvariantCulture) ?? Bogus;
        }
        if (parameter.Name == "force")
        {
            // A city's code: the first four digits of the community's.
            return record?.Code is { Length: >= 4 } code ? code[..4] : Bogus;
        }
        if (record is null)
        {
            return Bogus;
        }
        var numeric = parameter.ParameterPolicies.Any(p => p.Content is "int" or "long");
        return numeric || record.Code is null ? record.Id.ToString(CultureInfo.InvariantCulture) : record.Code;
    }
}
