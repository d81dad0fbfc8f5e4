using System.Text;
using System.Text.Json;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Outbox.Channels;

namespace Fengqiao.Features.Bridges;

/// <summary>A 12345 work order (工单) as the hotline delivers it. Only the caller's phone is personal, and it is stored encrypted.</summary>
/// <param name="OrderNumber">The hotline's order number (工单号): the key that makes a re-delivery change nothing.</param>
/// <param name="Category">The hotline's category, or one of our service codes or names.</param>
/// <param name="AreaCode">A grid or community code, where the hotline knows it.</param>
/// <param name="TimeLimit">When the hotline wants the answer (办理时限), ISO-8601 with offset.</param>
public sealed record HotlineOrderInput(
    string? OrderNumber, string? Category, string? Description, string? Address, double? Lat, double? Lng, string? AreaCode, string? CallerPhone,
    DateTimeOffset? TimeLimit);

/// <summary>What the hotline gets back: our tracking code for its order, which it may also give the caller.</summary>
public sealed record HotlineReceipt(string OrderNumber, string TrackingCode, string ServiceCode, DateOnly? ExpectedOn);

/// <summary>
/// <c>POST /api/bridges/12345/orders</c>: the hotline's signed delivery of a work order (HMAC-SHA256 over
/// <c>timestamp.body</c>, as Fengqiao signs its own webhooks), which becomes a resident's report with the order number kept,
/// routed to its grid's station like any other. A report, not a demand: staff triage it like every report (most become
/// demands; a neighbour quarrel becomes a dispute case, a hazard a danger), and the report is what carries the tracking
/// code, the status history and the answer back out.
/// </summary>
public static class HotlineOrders
{
    public const string Bridge = "12345";

    public static RouteGroupBuilder MapHotlineOrders(this RouteGroupBuilder g)
    {
        g.MapPost("/12345/orders", Receive).WithName("ReceiveHotlineOrder").Accepts<HotlineOrderInput>("application/json")
            .WithSummary("A 12345 work order, signed with X-Fengqiao-Timestamp and X-Fengqiao-Signature: sha256=HMAC(secret, timestamp + \".\" + body). "
                + "201 with the tracking code; a re-delivery of the same order number 200 with the same code. Status changes and the answer go back by the webhook subscribed with Bridge=12345.");
        return g;
    }

    private static async Task<Results<Created<HotlineReceipt>, Ok<HotlineReceipt>, ValidationProblem, ProblemHttpResult>> Receive(
        HttpRequest request, AppDb db, ResidentRequests requests, RequestServices services, ChecksFactory checks, IOptions<Hotline12345Options> options,
        TimeProvider time, LocalClock clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            return TypedResults.Problem(title: l["The 12345 bridge is not configured."], statusCode: StatusCodes.Status404NotFound);
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        if (Refusal(request, secret, body, time.GetUtcNow()) is { } refused)
        {
            return TypedResults.Problem(title: l[refused], statusCode: StatusCodes.Status401Unauthorized);
        }
        var c = checks.Create();
        HotlineOrderInput? order = null;
        try
        {
            order = JsonSerializer.Deserialize<HotlineOrderInput>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            c.Add(e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body", "This value cannot be read.");
        }
        if (order is null)
        {
            return (c.Ok ? c.Add("body", "This value cannot be read.") : c).Problem();
        }
        Check(c, order);
        if (!c.Ok)
        {
            return c.Problem();
        }
        var number = order.OrderNumber!.Trim();
        if (await ExistingAsync(db, number, ct) is { } earlier)
        {
            return TypedResults.Ok(earlier);
        }
        db.Jurisdiction.UserName = l["The 12345 hotline"].Value;
        var input = new NewRequest(Service(services, options.Value, order.Category!.Trim()), order.Description, order.Lat, order.Lng, order.Address,
            order.AreaCode, null, null, null, order.CallerPhone, null, null, false, null);
        ResidentRequest? created;
        try
        {
            created = await requests.CreateAsync(c, input, Bridge, null, ct, complete: r =>
            {
                (r.Bridge, r.BridgeOrder, r.Language) = (Bridge, number, LocalizationSetup.Chinese);
                r.ExpectedOn = clock.DayOf(order.TimeLimit!.Value);
            });
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Delivered twice at once: the other delivery wrote it.
            if (await ExistingAsync(db, number, ct) is not { } other)
            {
                throw;
            }
            return TypedResults.Ok(other);
        }
        if (created is null)
        {
            return Renamed(checks, c).Problem();
        }
        return TypedResults.Created($"/open311/v2/requests/{created.Code}.json", new HotlineReceipt(number, created.Code, created.ServiceCode, created.ExpectedOn));
    }

    /// <summary>Why a delivery is refused (null: it is signed with the secret, within the replay window).</summary>
    private static string? Refusal(HttpRequest request, string secret, string body, DateTimeOffset now)
    {
        var timestamp = request.Headers[Signature.TimestampHeader].ToString();
        var signature = request.Headers[Signature.Header].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ts) || signature.Length == 0)
        {
            return "The delivery must be signed: X-Fengqiao-Timestamp (Unix seconds) and X-Fengqiao-Signature (sha256=…).";
        }
        if (ts > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || (now - DateTimeOffset.FromUnixTimeSeconds(ts)).Duration() > Signature.Window)
        {
            return "The timestamp is more than 5 minutes from now: a late or replayed delivery is refused. Sign it again with the current time.";
        }
        return Signature.Verify(secret, timestamp, signature, body, now) ? null : "The signature does not match the body.";
    }

    private static void Check(Checks c, HotlineOrderInput o) =>
        c.Required("orderNumber", o.OrderNumber, 64).Required("category", o.Category, 100).Required("description", o.Description, ResidentRequests.MaxDescription)
            .When(o.Lat is null != (o.Lng is null), "lng", "Give both latitude and longitude.")
            .When(o.Lat is null && string.IsNullOrWhiteSpace(o.Address) && string.IsNullOrWhiteSpace(o.AreaCode), "address",
                "Give a location: lat and lng, an address or an area code.")
            .Optional("address", o.Address, 300).Optional("areaCode", o.AreaCode, 100).Optional("callerPhone", o.CallerPhone, 30)
            .When(o.TimeLimit is null, "timeLimit", "This field is required.");

    /// <summary>The report's own checks name Open311's fields; the hotline is told of its own.</summary>
    private static Checks Renamed(ChecksFactory checks, Checks c)
    {
        var renamed = checks.Create();
        foreach (var (field, messages) in c.Errors)
        {
            var name = field switch
            {
                "long" => "lng", "address_string" => "address", "address_id" => "areaCode", "phone" => "callerPhone", "service_code" => "category",
                _ => field,
            };
            // Already in the reader's language: passed through as they are.
            messages.ForEach(m => renamed.Add(name, m.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)));
        }
        return renamed;
    }

    /// <summary>A category that names one of our services (code or name) is that service; else the configured map; else the default.</summary>
    private static string Service(RequestServices services, Hotline12345Options o, string category) =>
        services.Find(category)?.Code
        ?? services.All.FirstOrDefault(s => s.NameZh == category || string.Equals(s.NameEn, category, StringComparison.OrdinalIgnoreCase))?.Code
        ?? (o.Categories.TryGetValue(category, out var mapped) && services.Find(mapped) is not null ? mapped : o.DefaultService);

    private static async Task<HotlineReceipt?> ExistingAsync(AppDb db, string number, CancellationToken ct) =>
        await db.ResidentRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Bridge == Bridge && r.BridgeOrder == number)
            .Select(r => new HotlineReceipt(number, r.Code, r.ServiceCode, r.ExpectedOn)).FirstOrDefaultAsync(ct);
}
