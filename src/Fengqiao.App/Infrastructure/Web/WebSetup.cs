using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Fengqiao.Infrastructure.Cluster;
using Fengqiao.Infrastructure.Telemetry;
using Scalar.AspNetCore;

namespace Fengqiao.Infrastructure.Web;

public static class WebSetup
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LocalClock>();
        // Chinese text is written as itself, not as &#x...; entities (half the page size, readable source).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Enums travel as their names ("CommunityPolice"), which clients can read and send.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddRazorPages(o =>
            {
                // Pages live in their feature folder, beside the feature's rules and endpoints.
                o.RootDirectory = "/Features";
                // Staff folders need a staff role; residents have their own portal; Home sends each to theirs.
                o.Conventions.AuthorizeFolder("/");
                foreach (var folder in StaffFolders)
                {
                    o.Conventions.AuthorizeFolder(folder, Policies.Staff);
                }
                o.Conventions.AuthorizeFolder("/Portal", Policies.Resident);
                o.Conventions.AllowAnonymousToFolder("/Public");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/LoginCode");
                o.Conventions.AuthorizeFolder("/Users", Policies.ManageAccounts);
                o.Conventions.AllowAnonymousToPage("/Account/Denied");
                o.Conventions.AllowAnonymousToPage("/Shared/Error");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        builder.Services.Configure<DisplayOptions>(builder.Configuration.GetSection(DisplayOptions.Section));
        return builder;
    }

    private static readonly string[] StaffFolders =
        ["/Areas", "/Units", "/People", "/Secondments", "/Disputes", "/Dangers", "/Supervision", "/PublicServices", "/Open311", "/Households", "/Demands", "/Visits", "/Teams", "/Statistics"];

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Fengqiao API";
            doc.Info.Description = "Police–local integration for grassroots governance. Every call is confined to the caller's jurisdiction.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        // The client's address from the known proxies before anything reads it: the limits, the sign-in limiter,
        // the Open311 limits, the logs and the audit entries. Then the scrape, judged by that address.
        app.UseClusterEdge();
        app.UseMetricsScraping();
        // Language next, so that even an error page speaks the caller's language.
        app.UseRequestLocalization();
        app.UseMiddleware<LoadShedding>();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRouting();
        app.Use(Limits.BodySize);
        app.Use(SessionRotation.Rotate);
        app.UseAuthentication();
        app.Use(SecondFactor.Enforce);
        app.UseMiddleware<JurisdictionMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<Idempotency>();
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Fengqiao API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }

    /// <summary>
    /// Liveness: 200 only when the database answers. Whether to send the node requests is <c>/readyz</c>'s
    /// (<see cref="ClusterSetup.MapReadiness"/>), which also says no while starting or draining.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (AppDb db, CancellationToken ct) =>
        {
            try
            {
                return await db.Database.CanConnectAsync(ct)
                    && await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").AnyAsync(ct)
                    ? Results.Text("ok")
                    : Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                return Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription().AllowAnonymous();
        app.Map("/error", (HttpContext http) => Results.Problem(statusCode: StatusCodes.Status500InternalServerError))
            .ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>Files served from wwwroot: cacheable, and not counted by the limits.</summary>
    internal static readonly string[] StaticPrefixes = ["/lib", "/js", "/css", "/img", "/favicon.ico"];

    internal static bool IsStatic(HttpContext http) => StaticPrefixes.Any(p => http.Request.Path.StartsWithSegments(p));

    /// <summary>The load balancer's health and readiness checks and the metrics scrape: never refused by a limit.</summary>
    internal static bool IsProbe(HttpContext http) => TelemetrySetup.IsProbe(http.Request.Path);

    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var h = http.Response.Headers;
        // Pages and API answers carry personal data: no browser or proxy keeps them. Static files may be cached.
        if (!IsStatic(http))
        {
            http.Response.OnStarting(() =>
            {
                if (!http.Response.Headers.ContainsKey("Cache-Control"))
                {
                    http.Response.Headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
        }
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        if (!http.Request.Path.StartsWithSegments("/api/docs"))
        {
            // No CDN, no inline script: everything the pages run is served from wwwroot.
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        }
        return next();
    }
}

/// <summary>How times are shown: stored in UTC, shown in this zone.</summary>
public sealed class DisplayOptions
{
    public const string Section = "Display";
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
