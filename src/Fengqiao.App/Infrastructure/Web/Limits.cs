using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fengqiao.Infrastructure.Web;

/// <summary>How much the service takes before it says "later" rather than slowing everyone down.</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";
    /// <summary>Requests worked on at once; more wait in the queue, and beyond that get 429. About what two cores keep busy.</summary>
    public int Concurrency { get; set; } = 32;
    public int Queue { get; set; } = 64;
    /// <summary>Work items waiting for a thread above which new requests get 429 at once (<see cref="LoadShedding"/>); 0 turns it off.</summary>
    public int MaxBacklog { get; set; } = 50;
    /// <summary>Per signed-in user (or per address when anonymous), sustained; bursts of twice this pass.</summary>
    public int PerClientPerSecond { get; set; } = 100;
    /// <summary>Sign-in attempts per address per minute, on top of the account lockout.</summary>
    public int SignInsPerMinute { get; set; } = 30;
    /// <summary>Largest request body, except where an endpoint says otherwise (uploads).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Overload protection: a refusal when the server is already behind (<see cref="LoadShedding"/>), a global
/// concurrency limit with a short queue (so the requests that are served keep their latency), a per-client token
/// bucket, and a per-address limit on sign-in. A rejected request gets 429 with Retry-After at once, and is logged.
/// </summary>
public static class Limits
{
    public const string SignInPolicy = "sign-in";

    public static WebApplicationBuilder AddLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Exempt(http)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.Concurrency, QueueLimit = options.Queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Exempt(http)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetTokenBucketLimiter(Client(http), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.PerClientPerSecond * 2, TokensPerPeriod = options.PerClientPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
                    })));
            o.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                // By address even when signed in: it guards the sign-in. The client's address, from the known proxies.
                "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (ctx, _) =>
            {
                var http = ctx.HttpContext;
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
                http.RequestServices.GetRequiredService<RejectionLog>().Rejected(http, "over a limit");
                return new ValueTask(TooManyAsync(http, seconds));
            };
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RejectionLog>();
        builder.Services.AddSingleton(sp => new LoadShedding(options, sp.GetRequiredService<RejectionLog>()));
        return builder;
    }

    /// <summary>
    /// Refuses a body larger than the endpoint allows before the endpoint reads any of it: a declared length at once,
    /// an undeclared (chunked) one by reading at most one byte past the limit into memory first.
    /// </summary>
    public static async Task BodySize(HttpContext http, Func<Task> next)
    {
        var own = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        var limit = own ?? http.RequestServices.GetRequiredService<LimitOptions>().MaxBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature && own is not null)
        {
            feature.MaxRequestBodySize = own;
        }
        var length = http.Request.ContentLength;
        if (length > limit)
        {
            await TooLargeAsync(http, limit);
            return;
        }
        if (length is null && own is null && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var buffered = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                buffered.Write(chunk, 0, read);
                if (buffered.Length > limit)
                {
                    await TooLargeAsync(http, limit);
                    return;
                }
            }
            buffered.Position = 0;
            http.Request.Body = buffered;
            http.Response.RegisterForDispose(buffered);
        }
        await next();
    }

    /// <summary>
    /// 429 with Retry-After and a problem body in the caller's language. The body is rendered once per language and
    /// wait, then written as bytes: under overload most answers are refusals, and a refusal must cost far less than
    /// an answer or the refusing itself becomes the overload.
    /// </summary>
    internal static Task TooManyAsync(HttpContext http, int seconds)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var body = seconds <= MaxCachedWait
            ? Refusals.GetOrAdd((culture, seconds), static (key, http) => RenderTooMany(http, key.Seconds), http)
            : RenderTooMany(http, seconds);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/problem+json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }

    private const int MaxCachedWait = 120;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Culture, int Seconds), byte[]> Refusals = new();

    private static byte[] RenderTooMany(HttpContext http, int seconds)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc6585#section-4",
            Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(StatusCodes.Status429TooManyRequests),
            Detail = l["Too many requests right now; try again in {0} seconds.", seconds],
            Status = StatusCodes.Status429TooManyRequests,
        }, System.Text.Json.JsonSerializerOptions.Web);
    }

    private static Task TooLargeAsync(HttpContext http, long? limit)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return Results.Problem(l["The request is too large (at most {0} KB).", (limit ?? 0) / 1024], statusCode: StatusCodes.Status413PayloadTooLarge)
            .ExecuteAsync(http);
    }

    private static bool Exempt(HttpContext http) => WebSetup.IsStatic(http) || WebSetup.IsProbe(http);

    /// <summary>Who is asking: the signed-in user, else the address. Shared by the rate limits and the idempotency keys.</summary>
    internal static string Client(HttpContext http) => http.User.Identity?.IsAuthenticated == true
        ? "user:" + http.User.Identity.Name
        : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
