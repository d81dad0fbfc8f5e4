using Fengqiao.Features.Areas;
using System.Security.Claims;
using Fengqiao.Features.Open311;
using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Report;

/// <summary>
/// A resident reports a problem to their community police, from a phone: what it is, where (a tap
/// on the map, an address, or the community of the board whose QR code they scanned), optionally who
/// they are and how to reach them, and up to three photos. Anyone may report; a signed-in resident's
/// report is also listed under their own reports.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AppDb db, ResidentRequests requests, RequestServices services, ChecksFactory checks, LocalClock clock,
    IConfiguration config, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The report kinds in the order they are offered.</summary>
    public static readonly string[] Groups = ["dispute", "danger", "demand", "tip"];

    public sealed class InputModel
    {
        public string? ServiceCode { get; set; }
        public string? Description { get; set; }
        public double? Lat { get; set; }
        public double? Lng { get; set; }
        public string? AddressString { get; set; }
        public string? AddressId { get; set; }
        public string? FirstName { get; set; }
        public bool Anonymous { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public List<IFormFile>? Photos { get; set; }

    public IReadOnlyList<RequestService> Services => services.All;
    /// <summary>The community (or grid) the report is for, when it came from a community board's QR code.</summary>
    public string? CommunityName { get; private set; }
    public bool CommunityUnknown { get; private set; }
    public double CentreLat { get; private set; } = 43.8;
    public double CentreLng { get; private set; } = 126.0;
    public int Zoom { get; private set; } = 6;
    public string? TileUrl => config["Map:TileUrl"];

    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public string GroupName(string group) => group switch
    {
        "dispute" => l["Disputes"],
        "danger" => l["Hidden dangers"],
        "demand" => l["Needs and requests"],
        _ => l["Tips to the police"],
    };

    public async Task OnGetAsync(string? community, double? lat, double? lng, CancellationToken ct)
    {
        Input.AddressId = string.IsNullOrWhiteSpace(community) ? null : community.Trim();
        await LoadAsync(ct);
        if (lat is { } la and >= -90 and <= 90 && lng is { } ln and >= -180 and <= 180)
        {
            (CentreLat, CentreLng, Zoom) = (la, ln, 16);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = checks.Create();
        c.When(services.Find(Input.ServiceCode) is null, nameof(Input.ServiceCode), "Choose what you are reporting.")
            .Required(nameof(Input.Description), Input.Description, ResidentRequests.MaxDescription)
            .When(Input.Lat is null != (Input.Lng is null) || Input.Lat is < -90 or > 90 || Input.Lng is < -180 or > 180,
                nameof(Input.Lat), "Tap the map again to mark the place.")
            .When(Input.Lat is null && string.IsNullOrWhiteSpace(Input.AddressString) && string.IsNullOrWhiteSpace(Input.AddressId),
                nameof(Input.Lat), "Tap the map where it is, or write the address.")
            .Optional(nameof(Input.AddressString), Input.AddressString, 300)
            .Optional(nameof(Input.FirstName), Input.FirstName, 50)
            .Optional(nameof(Input.Phone), Input.Phone, 30)
            .Optional(nameof(Input.Email), Input.Email, 200);
        var photos = await PhotoUploads.ReadAsync(c, nameof(Photos), Photos, clock.Now, ct);
        if (!c.Ok)
        {
            return await ShowAsync(c, ct);
        }
        var input = new NewRequest(Input.ServiceCode, Input.Description, Input.Lat, Input.Lng, Blank(Input.AddressString), Blank(Input.AddressId),
            Blank(Input.FirstName), null, Blank(Input.Email), Blank(Input.Phone), null, null, Input.Anonymous, null);
        var request = await requests.CreateAsync(c, input, null, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        if (request is null)
        {
            return await ShowAsync(c, ct);
        }
        if (photos.Count > 0)
        {
            foreach (var photo in photos)
            {
                photo.RequestId = request.Id;
            }
            db.Set<RequestPhoto>().AddRange(photos);
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = l["Your report was received. Its code is {0}: keep it to follow the report.", request.Code].Value;
        return Redirect($"/report/track?code={Uri.EscapeDataString(request.Code)}");
    }

    private async Task<PageResult> ShowAsync(Checks c, CancellationToken ct)
    {
        foreach (var (field, messages) in c.Errors)
        {
            var key = Field(field);
            messages.ForEach(m => ModelState.AddModelError(key, m));
        }
        await LoadAsync(ct);
        if (Input.Lat is { } lat && Input.Lng is { } lng)
        {
            (CentreLat, CentreLng, Zoom) = (lat, lng, 16);
        }
        return Page();
    }

    /// <summary>The form field for a check's field: the page's own names, and the Open311 names the shared checks use.</summary>
    private static string Field(string field) => field switch
    {
        nameof(Photos) => nameof(Photos),
        "service_code" or nameof(InputModel.ServiceCode) => "Input.ServiceCode",
        "description" or nameof(InputModel.Description) => "Input.Description",
        "lat" or "long" or nameof(InputModel.Lat) => "Input.Lat",
        "address_string" or nameof(InputModel.AddressString) => "Input.AddressString",
        "address_id" or nameof(InputModel.AddressId) => "Input.AddressId",
        "first_name" or nameof(InputModel.FirstName) => "Input.FirstName",
        "phone" or nameof(InputModel.Phone) => "Input.Phone",
        "email" or nameof(InputModel.Email) => "Input.Email",
        _ => "",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The community from the QR code: its name, and the map centred on it.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        if (Input.AddressId is null)
        {
            return;
        }
        var code = Input.AddressId.Trim();
        var area = await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.Code == code)
            .Select(a => new { a.NameZh, a.NameEn, a.CentreLat, a.CentreLng }).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            CommunityUnknown = true;
            Input.AddressId = null;
            return;
        }
        CommunityName = LocalizationSetup.Pick(area.NameZh, area.NameEn);
        if (area.CentreLat is { } lat && area.CentreLng is { } lng)
        {
            (CentreLat, CentreLng, Zoom) = (lat, lng, 14);
        }
    }
}
