using System.Text.Json;
using System.Text.RegularExpressions;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Outbox.Channels;

namespace Fengqiao.Features.Diversions;

/// <summary>What the 110 command centre sends for a call that is not a police matter (警情编号 is its key).</summary>
public sealed record IncidentInput(
    string? IncidentNumber, DateTimeOffset? ReceivedAt, string? KindCode, string? Summary, string? Address, string? AreaCode, double? Lat, double? Lng,
    string? CallerPhone);

/// <summary>The answer to 110: the diversion its incident became (the same one on every re-delivery).</summary>
public sealed record IncidentReceipt(int Id, string IncidentNumber, DiversionStatus Status, string KindCode, string Department, string DepartmentEn, DateOnly DueOn);

/// <summary>
/// <c>POST /api/bridges/110/incidents</c>: signed by 110 (HMAC-SHA256 over "timestamp.body", <see cref="Signature"/>, its
/// replay window), idempotent on the incident number. A bad signature or a stale timestamp is 401 before anything is
/// read; bad fields are 400 with field errors; a re-delivery is 200 with the diversion it made the first time.
/// </summary>
public static partial class DiversionIntake
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<IncidentReceipt>, Ok<IncidentReceipt>, ValidationProblem, ProblemHttpResult>> Receive(
        HttpRequest request, AppDb db, ChecksFactory checks, DiversionCommands commands, GridLocator grids, FieldProtector protector,
        IOptions<Police110Options> options, IStringLocalizer<SharedResource> l, TimeProvider time, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret) || !Signature.Verify(secret, request.Headers[Signature.TimestampHeader], request.Headers[Signature.Header], body, time.GetUtcNow()))
        {
            return TypedResults.Problem(l["The delivery is not signed by the 110 command centre, or its timestamp is outside the replay window."],
                statusCode: StatusCodes.Status401Unauthorized);
        }
        IncidentInput? i;
        try
        {
            i = JsonSerializer.Deserialize<IncidentInput>(body, Json);
        }
        catch (JsonException)
        {
            i = null;
        }
        if (i is null)
        {
            return TypedResults.Problem(l["The body is not a JSON incident."], statusCode: StatusCodes.Status400BadRequest);
        }
        // The command centre acts for the whole province: it is the system that writes, not a staff member.
        db.Jurisdiction.GrantAll();
        db.Jurisdiction.UserName = l["110 command centre"].Value;
        var number = i.IncidentNumber?.Trim();
        if (number is not null && await ReceiptAsync(db, number, ct) is { } again)
        {
            return TypedResults.Ok(again);
        }

        var c = checks.Create();
        c.Required("incidentNumber", number, 40)
            .When(number is not null && !IncidentNumberPattern().IsMatch(number), "incidentNumber", "An incident number has letters, digits and hyphens only.")
            .When(i.ReceivedAt is null, "receivedAt", "Give the time 110 received the call.")
            .When(i.ReceivedAt > time.GetUtcNow().AddMinutes(5), "receivedAt", "The call cannot have been received in the future.")
            .Required("summary", i.Summary, 2000).Optional("address", i.Address, 200)
            .When(i.CallerPhone is not null && !PhonePattern().IsMatch(i.CallerPhone.Trim()), "callerPhone", "Enter a phone number of digits (5 to 20).");
        var kind = string.IsNullOrWhiteSpace(i.KindCode) ? null
            : await db.Set<DiversionKind>().AsNoTracking().FirstOrDefaultAsync(k => k.Code == i.KindCode.Trim() && k.Active, ct);
        c.When(kind is null, "kindCode", "There is no such kind in the diversion catalogue.");
        var area = await AreaAsync(db, grids, i, ct);
        c.When(area is null, "areaCode", "Give the grid or community of the call, or a location inside the province's grids.");
        var unit = kind is null || area is null ? null : await DiversionCommands.DepartmentAsync(db, kind, area.Path, ct);
        c.When(kind is not null && area is not null && unit is null, "kindCode", "No department of this kind serves the place of the call.");
        if (!c.Ok || kind is null || area is null || unit is null)
        {
            return c.Problem();
        }

        var phone = i.CallerPhone is null ? null : new string(i.CallerPhone.Where(char.IsDigit).ToArray());
        var d = new Diversion
        {
            IncidentNumber = number!, ReceivedAt = i.ReceivedAt!.Value.ToUniversalTime(), Summary = i.Summary!.Trim(),
            Address = string.IsNullOrWhiteSpace(i.Address) ? null : i.Address.Trim(), Lat = i.Lat, Lng = i.Lng, AreaId = area.Id, AreaPath = area.Path,
            CallerPhone = phone is null ? null : protector.Protect(phone), CallerPhoneMasked = phone is null ? null : Mask.Phone(phone),
            UnitNameZh = unit.NameZh, UnitNameEn = unit.NameEn,
        };
        try
        {
            await using var tx = await db.BeginOrJoinAsync(ct);
            await commands.HandOverAsync(d, kind, unit, DiversionEventType.Diverted, db.Jurisdiction.UserName, null, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same incident delivered twice at once: the other delivery made it.
            db.ChangeTracker.Clear();
            return TypedResults.Ok((await ReceiptAsync(db, number!, ct))!);
        }
        commands.Delivered();
        var receipt = (await ReceiptAsync(db, number!, ct))!;
        return TypedResults.Created($"/api/diversions/{receipt.Id}", receipt);
    }

    private static Task<IncidentReceipt?> ReceiptAsync(AppDb db, string number, CancellationToken ct) =>
        db.Set<Diversion>().AsNoTracking().Where(d => d.IncidentNumber == number)
            .Select(d => new IncidentReceipt(d.Id, d.IncidentNumber, d.Status, d.Kind!.Code, d.UnitNameZh, d.UnitNameEn, d.DueOn))
            .FirstOrDefaultAsync(ct);

    private sealed record Place(int Id, string Path);

    private static async Task<Place?> AreaAsync(AppDb db, GridLocator grids, IncidentInput i, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(i.AreaCode))
        {
            var code = i.AreaCode.Trim();
            return await db.Areas.AsNoTracking().Where(a => a.Code == code && a.Level >= AreaLevel.Community).Select(a => new Place(a.Id, a.Path)).FirstOrDefaultAsync(ct);
        }
        if (i.Lat is { } lat && i.Lng is { } lng && await grids.LocateAsync(lat, lng, ct) is { } found)
        {
            return new Place(found.Id, found.Path);
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex IncidentNumberPattern();

    [GeneratedRegex(@"^\+?[0-9 -]{5,20}$")]
    private static partial Regex PhonePattern();
}
