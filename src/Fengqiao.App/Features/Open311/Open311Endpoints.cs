using Fengqiao.Features.Units;
using System.Threading.RateLimiting;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fengqiao.Features.Open311;

public sealed class Open311Options
{
    public const string Section = "Open311";
    /// <summary>Keys allowed to POST requests (Open311__ApiKeys__0=…).</summary>
    public List<string> ApiKeys { get; set; } = [];
    /// <summary>POSTs per minute per key and client address.</summary>
    public int PostsPerMinute { get; set; } = 120;
}

/// <summary>
/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) at /open311/v2, in JSON and XML:
/// services, service definitions, requests (create, list, get) and tokens, with the spec's
/// errors array. Contact details never appear in an answer.
/// </summary>
public static class Open311Endpoints
{
    internal const string PostPolicy = "open311-post";
    private const int DefaultDays = 90;

    public static WebApplicationBuilder AddOpen311(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Open311Options>(builder.Configuration.GetSection(Open311Options.Section));
        builder.Services.AddSingleton<RequestServices>();
        builder.Services.AddScoped<ResidentRequests>();
        builder.Services.AddSingleton<ReportRouting>();
        builder.Services.AddSingleton<IInterceptor, RoutingInterceptor>();
        builder.Services.AddSingleton<IInterceptor, UpdateInterceptor>();
        if (UnsafeAcknowledge.IsOn(builder.Configuration, builder.Environment)
            && builder.Configuration.GetValue<DatabaseProvider?>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}") is null or DatabaseProvider.Sqlite)
        {
            builder.Services.AddSingleton<IInterceptor, CommitDelay>();
        }
        builder.Services.AddSingleton<ReportWriter>();
        builder.Services.AddLiveGauge("fengqiao.open311.writer.waiting", "Reports on this node waiting for the group commit",
            sp => sp.GetRequiredService<ReportWriter>().Waiting);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReportWriter>());
        builder.Services.AddScoped<RequestTriage>();
        var perMinute = builder.Configuration.GetValue<int?>($"{Open311Options.Section}:{nameof(Open311Options.PostsPerMinute)}") ?? 120;
        builder.Services.AddRateLimiter(o =>
        {
            // Rejections are answered as everywhere else (Limits: 429, Retry-After from the window). Per client address here; per api_key in the handler (the key is in the form body).
            o.AddPolicy(PostPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        builder.Services.AddSingleton(PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return builder;
    }

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        app.MapGet("/open311/discovery.{format}", Discovery).AllowAnonymous().WithTags("Open311");
        var g = app.MapGroup("/open311/v2").WithTags("Open311").AllowAnonymous();
        g.MapGet("/services.{format}", Services);
        g.MapGet("/services/{code}.{format}", Definition);
        g.MapPost("/requests.{format}", Post).RequireRateLimiting(PostPolicy).DisableAntiforgery();
        g.MapGet("/requests.{format}", List);
        g.MapGet("/requests/{id}.{format}", Get);
        g.MapGet("/tokens/{token}.{format}", Token);
        g.MapRequestUpdates();
        app.MapResidentRequests();
        return app;
    }

    private static IResult Discovery(HttpRequest request, string format)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Use discovery.json or discovery.xml.");
        }
        var endpoint = new Dictionary<string, object?>
        {
            ["specification"] = "http://wiki.open311.org/GeoReport_v2",
            ["url"] = $"{request.Scheme}://{request.Host}/open311/v2",
            ["changeset"] = "2026-11-29T00:00:00+08:00",
            ["type"] = "production",
            ["formats"] = new[] { "text/xml", "application/json" },
        };
        return Open311Format.Write(xml, "discovery", new Dictionary<string, object?>
        {
            ["changeset"] = "2026-11-29T00:00:00+08:00",
            ["contact"] = "Fengqiao community police — report through any Open311 client or the resident portal at /report",
            ["key_service"] = "Ask the provincial public security department for an api_key.",
            ["endpoints"] = new[] { endpoint },
        });
    }

    private static IResult Services(RequestServices services, string format)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Unknown format.");
        }
        return Open311Format.Write(xml, "services", services.All.Select(s => new Dictionary<string, object?>
        {
            ["service_code"] = s.Code,
            ["service_name"] = LocalizationSetup.Pick(s.NameZh, s.NameEn),
            ["description"] = LocalizationSetup.Pick(s.DescriptionZh, s.DescriptionEn),
            ["metadata"] = true,
            ["type"] = "realtime",
            ["keywords"] = s.Keywords,
            ["group"] = s.Group,
        }).ToList());
    }

    private static IResult Definition(RequestServices services, string code, string format)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Unknown format.");
        }
        if (services.Find(code) is null)
        {
            return Open311Format.Errors(xml, 404, $"There is no service '{code}'.");
        }
        return Open311Format.Write(xml, "service_definition", new Dictionary<string, object?>
        {
            ["service_code"] = code,
            ["attributes"] = RequestServices.Attributes.OrderBy(a => a.Order).Select(a => new Dictionary<string, object?>
            {
                ["variable"] = true,
                ["code"] = a.Code,
                ["datatype"] = a.Datatype,
                ["required"] = a.Required,
                ["datatype_description"] = a.Datatype switch
                {
                    "number" => "A number",
                    "datetime" => "An ISO-8601 date and time with offset",
                    "multivaluelist" => "One or more of the keys",
                    "singlevaluelist" => "One of the keys",
                    _ => "Free text",
                },
                ["order"] = a.Order,
                ["description"] = LocalizationSetup.Pick(a.DescriptionZh, a.DescriptionEn),
                ["values"] = a.Values.Select(v => new Dictionary<string, object?> { ["key"] = v.Key, ["name"] = LocalizationSetup.Pick(v.NameZh, v.NameEn) }).ToList(),
            }).ToList(),
        });
    }

    private static async Task<IResult> Post(
        HttpRequest request, string format, ResidentRequests requests, ChecksFactory checks, IOptions<Open311Options> options, IStringLocalizer<SharedResource> l,
        PartitionedRateLimiter<string> perKey, CancellationToken ct)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Unknown format.");
        }
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            // Buffered (the body is at most Limits:MaxBodyBytes) so that a form the framework refuses can be read again to name its field.
            request.EnableBuffering();
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                // ASP.NET Core refuses a form value holding NUL (%00) before any check sees it; answer as the checks would.
                var refused = checks.Create();
                foreach (var field in await UnreadableFieldsAsync(request, ct))
                {
                    refused.Text(field, "\0");
                }
                if (refused.Ok)
                {
                    refused.Add("form", "The form cannot be read.");
                }
                return Open311Format.Errors(xml, 400, [.. refused.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))]);
            }
        }
        string? Value(string key)
        {
            var v = form?[key].ToString();
            v = string.IsNullOrEmpty(v) ? request.Query[key].ToString() : v;
            return string.IsNullOrWhiteSpace(v) ? null : v;
        }
        var key = Value("api_key");
        if (key is null || !options.Value.ApiKeys.Contains(key))
        {
            return Open311Format.Errors(xml, 403, l["A valid api_key is required to post a request."]);
        }
        using var lease = perKey.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return Open311Format.Errors(xml, 429, l["Too many requests with this api_key; try again in a minute."]);
        }
        var c = checks.Create();
        double? Number(string name)
        {
            var raw = Value(name);
            if (raw is null)
            {
                return null;
            }
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
            {
                return n;
            }
            c.Add(name, "This value cannot be read.");
            return null;
        }
        var attributes = (form?.Keys ?? []).Where(k => k.StartsWith("attribute[", StringComparison.Ordinal))
            .GroupBy(k => k["attribute[".Length..k.IndexOf(']', StringComparison.Ordinal)])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(k => form![k].Select(v => v ?? "")).Where(v => v.Length > 0)]);
        var input = new NewRequest(Value("service_code"), Value("description"), Number("lat"), Number("long"), Value("address_string"), Value("address_id"),
            Value("first_name"), Value("last_name"), Value("email"), Value("phone"), Value("device_id"), Value("account_id"),
            Value("anonymous") is "true" or "1", attributes);
        var created = !c.Ok ? null
            : UnsafeAcknowledge.IsOn(request.HttpContext.RequestServices) ? await UnsafeAcknowledge.CreateAsync(request.HttpContext.RequestServices, c, input, key, ct)
            : await requests.CreateAsync(c, input, key, null, ct);
        if (created is null)
        {
            return Open311Format.Errors(xml, 400, [.. c.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))]);
        }
        return Open311Format.Write(xml, "service_requests", new[]
        {
            new Dictionary<string, object?>
            {
                ["service_request_id"] = created.Code,
                ["service_notice"] = l["Received by {0}. Follow it with its id at /report/track.", created.StationUnitId is null ? l["the province"].Value : l["the local police station"].Value].Value,
                ["account_id"] = null,
            },
        }, 201);
    }

    /// <summary>The names of the form's fields whose decoded name or value holds a control character (a name that does itself is shown escaped).</summary>
    private static async Task<List<string>> UnreadableFieldsAsync(HttpRequest request, CancellationToken ct)
    {
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(ct);
        static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
        var fields = new List<string>();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = at < 0 ? (Decode(pair), "") : (Decode(pair[..at]), Decode(pair[(at + 1)..]));
            if (Checks.HasControl(name) || Checks.HasControl(value))
            {
                fields.Add(Checks.HasControl(name) ? Uri.EscapeDataString(name) : name);
            }
        }
        return [.. fields.Distinct(StringComparer.Ordinal)];
    }

    private static async Task<IResult> List(
        AppDb db, RequestServices services, LocalClock clock, string format, string? service_request_id, string? service_code,
        string? start_date, string? end_date, string? status, int? page, int? page_size, CancellationToken ct)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Unknown format.");
        }
        // An empty optional parameter counts as missing.
        var q = db.ResidentRequests.IgnoreQueryFilters().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var ids = service_request_id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            q = q.Where(r => ids.Contains(r.Code));
        }
        else
        {
            if (!TryDate(start_date, out var start) || !TryDate(end_date, out var end))
            {
                return Open311Format.Errors(xml, 400, "start_date and end_date are ISO-8601 date-times, e.g. 2026-11-01T00:00:00+08:00.");
            }
            var to = end ?? clock.Now;
            var from = start ?? to.AddDays(-DefaultDays);
            q = q.Where(r => r.RequestedAt >= from && r.RequestedAt <= to);
            if (!string.IsNullOrWhiteSpace(service_code))
            {
                var codes = service_code.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                q = q.Where(r => codes.Contains(r.ServiceCode));
            }
        }
        var size = Math.Clamp(page_size ?? 1000, 1, 1000);
        var rows = await q.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Skip((Math.Max(1, page ?? 1) - 1) * size).Take(size).ToListAsync(ct);
        var items = await DescribeAsync(db, services, clock, rows, ct);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            items = [.. items.Where(i => wanted.Contains((string)i["status"]!))];
        }
        return Open311Format.Write(xml, "service_requests", items);
    }

    private static async Task<IResult> Get(AppDb db, RequestServices services, LocalClock clock, string id, string format, CancellationToken ct)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Unknown format.");
        }
        var row = await db.ResidentRequests.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Code == id, ct);
        return row is null
            ? Open311Format.Errors(xml, 404, $"There is no request '{id}'.")
            : Open311Format.Write(xml, "service_requests", await DescribeAsync(db, services, clock, [row], ct));
    }

    /// <summary>Ids are issued at once, so a token is the request's own id.</summary>
    private static async Task<IResult> Token(AppDb db, string token, string format, CancellationToken ct)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Unknown format.");
        }
        var found = await db.ResidentRequests.IgnoreQueryFilters().AnyAsync(r => r.Code == token, ct);
        return found
            ? Open311Format.Write(xml, "service_requests", new[] { new Dictionary<string, object?> { ["service_request_id"] = token, ["token"] = token } })
            : Open311Format.Errors(xml, 404, $"There is no token '{token}'.");
    }

    internal static bool TryDate(string? value, out DateTimeOffset? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }

    /// <summary>The public view of requests: never a name, phone, e-mail, device or account.</summary>
    internal static async Task<List<Dictionary<string, object?>>> DescribeAsync(AppDb db, RequestServices services, LocalClock clock, IReadOnlyList<ResidentRequest> rows, CancellationToken ct)
    {
        var stationIds = rows.Select(r => r.StationUnitId).OfType<int>().Distinct().ToList();
        var stations = await db.Units.IgnoreQueryFilters().Where(u => stationIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => LocalizationSetup.Pick(u.NameZh, u.NameEn), ct);
        var disputeIds = rows.Select(r => r.DisputeId).OfType<int>().ToList();
        var closedDisputes = await db.Disputes.IgnoreQueryFilters()
            .Where(d => disputeIds.Contains(d.Id) && (d.Status == DisputeStatus.Closed || d.Status == DisputeStatus.NotResolvable)).Select(d => d.Id).ToListAsync(ct);
        var dangerIds = rows.Select(r => r.DangerId).OfType<int>().ToList();
        var verified = await db.Dangers.IgnoreQueryFilters().Where(d => dangerIds.Contains(d.Id) && d.Status == DangerStatus.Verified).Select(d => d.Id).ToListAsync(ct);
        return [.. rows.Select(r => new Dictionary<string, object?>
        {
            ["service_request_id"] = r.Code,
            ["status"] = ResidentRequests.Open311Status(r, (r.DisputeId is { } d && closedDisputes.Contains(d)) || (r.DangerId is { } h && verified.Contains(h))),
            ["status_notes"] = r.StatusNotes,
            ["service_name"] = services.Name(r.ServiceCode),
            ["service_code"] = r.ServiceCode,
            ["description"] = r.Description,
            ["agency_responsible"] = r.StationUnitId is { } s ? stations.GetValueOrDefault(s) : null,
            ["service_notice"] = null,
            ["requested_datetime"] = Iso(clock.ToLocal(r.RequestedAt)),
            ["updated_datetime"] = Iso(clock.ToLocal(r.UpdatedAt)),
            ["expected_datetime"] = r.ExpectedOn is { } e ? Iso(clock.ToLocal(clock.FromLocal(e.ToDateTime(new TimeOnly(17, 30))))) : null,
            ["address"] = r.AddressString,
            ["address_id"] = r.AddressId,
            ["zipcode"] = null,
            ["lat"] = r.Lat,
            ["long"] = r.Lng,
            ["media_url"] = null,
        })];
    }

    internal static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
