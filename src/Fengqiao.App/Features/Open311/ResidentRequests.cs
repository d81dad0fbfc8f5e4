using Fengqiao.Features.Areas;
using Fengqiao.Features.Calendar;
using Fengqiao.Features.Disputes;

namespace Fengqiao.Features.Open311;

public sealed record NewRequest(
    string? ServiceCode, string? Description, double? Lat, double? Lng, string? AddressString, string? AddressId,
    string? FirstName, string? LastName, string? Email, string? Phone, string? DeviceId, string? AccountId, bool Anonymous,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Attributes);

/// <summary>
/// Taking in a resident's report from any channel (Open311 clients, the portal): checks it,
/// locates it in its grid, routes it to the station that answers for the grid, and gives it
/// the deadline a yellow dispute's first session would have.
/// </summary>
public sealed class ResidentRequests(
    AppDb db, GridLocator locator, RequestServices services, CalendarService calendar, IOptions<DeadlineOptions> deadlines, LocalClock clock,
    Infrastructure.Privacy.FieldProtector protector, ReportWriter writer, ReportRouting routing)
{
    /// <summary>A reporter's contact details are stored encrypted, like every personal field.</summary>
    private string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : protector.Protect(value.Trim());

    public const int MaxDescription = 4000;

    /// <summary>
    /// Checks, locates and routes the report, then has <see cref="ReportWriter"/> commit it with the others waiting
    /// (group commit); <paramref name="writeNow"/> writes it in a transaction of its own instead (the crash test's
    /// control run, which holds that commit back). <paramref name="complete"/> sets what only the caller knows (a bridge's
    /// order number and time limit) before the write.
    /// </summary>
    public async Task<ResidentRequest?> CreateAsync(Checks c, NewRequest i, string? apiKeyName, string? userId, CancellationToken ct, bool writeNow = false,
        Action<ResidentRequest>? complete = null)
    {
        c.When(services.Find(i.ServiceCode) is null, "service_code", "There is no such service.")
            .Required("description", i.Description, MaxDescription)
            .When(i.Lat is null != (i.Lng is null), "long", "Give both latitude and longitude.")
            .When(i.Lat is null && string.IsNullOrWhiteSpace(i.AddressString) && string.IsNullOrWhiteSpace(i.AddressId), "lat",
                "Give a location: lat and long, address_string or address_id.")
            .When(i.Lat is < -90 or > 90, "lat", "Latitude is between -90 and 90.")
            .When(i.Lng is < -180 or > 180, "long", "Longitude is between -180 and 180.")
            .Optional("address_string", i.AddressString, 300).Optional("email", i.Email, 200)
            .When(!string.IsNullOrWhiteSpace(i.Email) && !IsEmail(i.Email.Trim()), "email", "This is not an e-mail address.").Optional("phone", i.Phone, 30)
            .Optional("first_name", i.FirstName, 50).Optional("last_name", i.LastName, 50)
            .Optional("address_id", i.AddressId, 100).Optional("device_id", i.DeviceId, 100).Optional("account_id", i.AccountId, 100);
        CheckAttributes(c, i.Attributes);
        if (!c.Ok)
        {
            return null;
        }
        var area = await LocateAsync(c, i, ct);
        if (!c.Ok)
        {
            return null;
        }
        var province = area?.Path ?? await ProvincePathAsync(ct);
        var township = province.Trim('/').Split('/').ElementAtOrDefault(3) ?? province.Trim('/').Split('/')[0];
        var today = clock.Today;
        var request = new ResidentRequest
        {
            Code = "",
            ServiceCode = i.ServiceCode!, Description = i.Description!.Trim(), Lat = i.Lat, Lng = i.Lng,
            AddressString = i.AddressString?.Trim(), AddressId = i.AddressId?.Trim(), AreaId = area?.Id, AreaPath = province,
            StationUnitId = area is null ? null : await routing.StationAsync(area.Path, ct),
            Status = RequestStatus.Submitted, RequestedAt = clock.Now, UpdatedAt = clock.Now,
            ExpectedOn = (await calendar.FreshAsync(ct)).AddWorkingDays(today, deadlines.Value.YellowFirstSession),
            FirstName = i.FirstName?.Trim(), LastName = i.LastName?.Trim(), Email = Protect(i.Email), Phone = Protect(i.Phone),
            Language = System.Globalization.CultureInfo.CurrentUICulture.Name,
            DeviceId = i.DeviceId, AccountId = i.AccountId, Anonymous = i.Anonymous, UserId = userId, ApiKeyName = apiKeyName,
            AttributesJson = i.Attributes is { Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(i.Attributes) : null,
        };
        complete?.Invoke(request);
        if (writeNow)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            request.Code = "R" + await CaseCodes.NextAsync(db, "R", township, today.Year, ct);
            db.Add(request);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        else
        {
            await writer.WriteAsync(request, township, today.Year, db.Jurisdiction, ct);
        }
        return request;
    }

    /// <summary>One bare address with a domain (<c>name@example.org</c>), as MimeKit reads it.</summary>
    public static bool IsEmail(string value) =>
        MimeKit.MailboxAddress.TryParse(value, out var a) && a.Address.Equals(value, StringComparison.OrdinalIgnoreCase) && a.Domain.Length > 0;

    private async Task<LocatedArea?> LocateAsync(Checks c, NewRequest i, CancellationToken ct)
    {
        if (i.Lat is { } lat && i.Lng is { } lng)
        {
            var located = await locator.LocateAsync(lat, lng, ct);
            if (located is not null)
            {
                return located;
            }
            // Not in a grid: inside the province it waits for the province to route it; outside, it is refused.
            var root = await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.ParentId == null && a.BoundaryGeoJson != null)
                .Select(a => a.BoundaryGeoJson).FirstOrDefaultAsync(ct);
            var inside = root is not null && Boundaries.Parse(root).Covers(new NetTopologySuite.Geometries.Point(lng, lat));
            c.When(!inside, "lat", "That point is outside Jilin Province, which this service covers.");
            return null;
        }
        if (!string.IsNullOrWhiteSpace(i.AddressId))
        {
            var area = await routing.AreaAsync(db, i.AddressId.Trim(), ct);
            c.When(area is null, "address_id", "There is no such address id (a grid or community code).");
            return area;
        }
        return null;
    }

    private async Task<string> ProvincePathAsync(CancellationToken ct) =>
        await db.Areas.IgnoreQueryFilters().Where(a => a.ParentId == null).OrderBy(a => a.Id).Select(a => a.Path).FirstOrDefaultAsync(ct) ?? "/";

    private static void CheckAttributes(Checks c, IReadOnlyDictionary<string, IReadOnlyList<string>>? answers)
    {
        foreach (var (code, values) in answers ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var attribute = RequestServices.Attributes.FirstOrDefault(a => a.Code == code);
            if (attribute is null)
            {
                c.Add($"attribute[{code}]", "There is no such attribute.");
                continue;
            }
            var ok = attribute.Datatype switch
            {
                "number" => values.Count == 1 && double.TryParse(values[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                "datetime" => values.Count == 1 && DateTimeOffset.TryParse(values[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                "singlevaluelist" => values.Count == 1 && attribute.Values.Any(v => v.Key == values[0]),
                "multivaluelist" => values.Count >= 1 && values.All(x => attribute.Values.Any(v => v.Key == x)),
                _ => values.Count == 1 && values[0].Length <= 1000,
            } && !values.Any(Checks.HasControl);
            c.When(!ok, $"attribute[{code}]", "This answer does not fit the question.");
        }
    }

    /// <summary>open or closed, for Open311; the finer state goes into status_notes.</summary>
    public static string Open311Status(ResidentRequest r, bool subjectFinished) => r.Status switch
    {
        RequestStatus.Closed or RequestStatus.BecameDemand or RequestStatus.BecameTip => "closed",
        RequestStatus.BecameDispute or RequestStatus.BecameDanger when subjectFinished => "closed",
        _ => "open",
    };
}
