using System.Threading.RateLimiting;
using Fengqiao.Features.Outbox;

namespace Fengqiao.Features.Open311;

/// <summary>
/// The GeoReport v2 <c>servicerequestupdates</c> extension in the shape FixMyStreet's Open311 client uses, so that a city's
/// FixMyStreet (or a 12345 front end) keeps its copy of a report in step: GET lists the public updates since a time, POST
/// takes an update from the client (the resident commented, or said it is not fixed, which reopens a resolved report).
/// </summary>
public static class UpdateEndpoints
{
    private const int DefaultDays = 90;
    private const int MaxUpdates = 1000;

    public static RouteGroupBuilder MapRequestUpdates(this RouteGroupBuilder g)
    {
        g.MapGet("/servicerequestupdates.{format}", List).WithName("ListServiceRequestUpdates")
            .WithSummary("Public updates to requests between start_date and end_date (default: the last 90 days), oldest first. An api_key leaves out the updates that client posted itself.");
        g.MapPost("/servicerequestupdates.{format}", Post).WithName("PostServiceRequestUpdate").RequireRateLimiting(Open311Endpoints.PostPolicy).DisableAntiforgery()
            .WithSummary("An update from the client (api_key, service_request_id, update_id, updated_datetime, status OPEN|CLOSED, description). Idempotent on update_id; OPEN on a resolved request reopens it.");
        return g;
    }

    private static async Task<IResult> List(
        AppDb db, IOptions<Open311Options> options, FieldProtector protector, LocalClock clock, IStringLocalizer<SharedResource> l,
        string format, string? start_date, string? end_date, string? api_key, CancellationToken ct)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Unknown format.");
        }
        if (!string.IsNullOrEmpty(api_key) && !options.Value.ApiKeys.Contains(api_key))
        {
            return Open311Format.Errors(xml, 403, l["This api_key is not valid."]);
        }
        if (!Open311Endpoints.TryDate(start_date, out var start) || !Open311Endpoints.TryDate(end_date, out var end))
        {
            return Open311Format.Errors(xml, 400, "start_date and end_date are ISO-8601 date-times, e.g. 2026-11-01T00:00:00+08:00.");
        }
        var to = end ?? clock.Now;
        var from = start ?? to.AddDays(-DefaultDays);
        var q = db.RequestUpdates.IgnoreQueryFilters().AsNoTracking().Where(u => u.At >= from && u.At <= to);
        if (!string.IsNullOrEmpty(api_key))
        {
            // The client has its own updates already: sent back, they would come back to it as new comments.
            var client = protector.Hash(api_key);
            q = q.Where(u => u.Client == null || u.Client != client);
        }
        var rows = await q.OrderBy(u => u.At).ThenBy(u => u.Id).Take(MaxUpdates).ToListAsync(ct);
        return Open311Format.Write(xml, "service_request_updates", rows.Select(u => new Dictionary<string, object?>
        {
            ["update_id"] = u.Id.ToString(CultureInfo.InvariantCulture),
            ["service_request_id"] = u.RequestCode,
            ["status"] = u.Status,
            ["updated_datetime"] = Open311Endpoints.Iso(clock.ToLocal(u.At)),
            ["description"] = u.NoteKey is not null ? l[u.NoteKey].Value : u.Note ?? "",
            ["media_url"] = "",
            ["external_status_code"] = u.ExternalStatus,
        }).ToList());
    }

    private static async Task<IResult> Post(
        HttpRequest request, string format, AppDb db, ResidentFeedback feedback, ChecksFactory checks, IOptions<Open311Options> options,
        FieldProtector protector, LocalClock clock, IStringLocalizer<SharedResource> l, PartitionedRateLimiter<string> perKey, CancellationToken ct)
    {
        if (!Open311Format.TryParse(format, out var xml))
        {
            return Open311Format.Errors(false, 404, "Unknown format.");
        }
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                return Open311Format.Errors(xml, 400, l["The form cannot be read."]);
            }
        }
        string? Value(string key)
        {
            var v = form?[key].ToString();
            v = string.IsNullOrEmpty(v) ? request.Query[key].ToString() : v;
            return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        }
        var key = Value("api_key");
        if (key is null || !options.Value.ApiKeys.Contains(key))
        {
            return Open311Format.Errors(xml, 403, l["A valid api_key is required to post an update."]);
        }
        using var lease = perKey.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return Open311Format.Errors(xml, 429, l["Too many requests with this api_key; try again in a minute."]);
        }
        var (code, updateId, status, description) = (Value("service_request_id"), Value("update_id"), Value("status")?.ToUpperInvariant(), Value("description"));
        var c = checks.Create();
        c.Required("service_request_id", code, 40).Required("update_id", updateId, 100).Required("description", description, 1000)
            .When(status is not ("OPEN" or "CLOSED"), "status", "Status is OPEN or CLOSED.")
            .When(!Open311Endpoints.TryDate(Value("updated_datetime"), out _), "updated_datetime", "This is not an ISO-8601 date and time.")
            .Optional("email", Value("email"), 200).Optional("first_name", Value("first_name"), 50).Optional("last_name", Value("last_name"), 50);
        if (!c.Ok)
        {
            return Errors(xml, c);
        }
        // The client acts for the reporter of a report it names: the system reads it wherever it is.
        db.Jurisdiction.GrantAll();
        var client = protector.Hash(key);
        if (await SameUpdateAsync(db, client, updateId!, ct) is { } earlier)
        {
            return Answer(xml, earlier, 200);
        }
        var r = await db.ResidentRequests.FirstOrDefaultAsync(x => x.Code == code, ct);
        if (r is null)
        {
            return Open311Format.Errors(xml, 404, l["There is no request '{0}'.", code!]);
        }
        var update = new RequestUpdate
        {
            RequestId = r.Id, RequestCode = r.Code, AreaPath = r.AreaPath, Status = status!.ToLowerInvariant(), ExternalStatus = "ClientUpdate",
            Note = description, At = clock.Now, Client = client, ClientUpdateId = updateId,
        };
        db.RequestUpdates.Add(update);
        try
        {
            // OPEN on a resolved report is the resident's "not resolved": the same path as the notice's link, in the same save.
            var outcome = status == "OPEN" ? await feedback.ReopenAsync(c, r, description, ct) : FeedbackOutcome.NotResolvedYet;
            switch (outcome)
            {
                case FeedbackOutcome.NotResolvedYet:
                    await db.SaveChangesAsync(ct);
                    break;
                case FeedbackOutcome.Invalid:
                    return Errors(xml, c);
                case FeedbackOutcome.Conflict:
                    return Open311Format.Errors(xml, 409, l["Someone else changed this record while you were editing it. Review the current version and try again."]);
            }
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same update sent twice at once: the other one was saved.
            db.ChangeTracker.Clear();
            if (await SameUpdateAsync(db, client, updateId!, ct) is not { } other)
            {
                throw;
            }
            return Answer(xml, other, 200);
        }
        return Answer(xml, update.Id, 201);
    }

    private static async Task<long?> SameUpdateAsync(AppDb db, string client, string updateId, CancellationToken ct) =>
        await db.RequestUpdates.IgnoreQueryFilters().Where(u => u.Client == client && u.ClientUpdateId == updateId).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);

    private static IResult Answer(bool xml, long id, int status) =>
        Open311Format.Write(xml, "service_request_updates", new[]
        {
            new Dictionary<string, object?> { ["update_id"] = id.ToString(CultureInfo.InvariantCulture) },
        }, status);

    private static IResult Errors(bool xml, Checks c) =>
        Open311Format.Errors(xml, 400, [.. c.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))]);
}
