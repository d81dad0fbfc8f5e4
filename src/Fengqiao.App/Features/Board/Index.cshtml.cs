using QRCoder;

namespace Fengqiao.Features.Board;

/// <summary>
/// A community's public police board: who the community police officer and the grid officers are,
/// the station, current priorities, upcoming events, the boundary, and a QR code to report a problem.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(AppDb db, LocalClock clock, IConfiguration config) : PageModel
{
    public CommunityBoard Board { get; private set; } = null!;
    public string ReportPath { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public string? TileUrl => config["Map:TileUrl"];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var board = await BoardQueries.LoadAsync(db, clock, code, ct);
        if (board is null)
        {
            return NotFound();
        }
        Board = board;
        ReportPath = "/report?community=" + Uri.EscapeDataString(board.Community.Code);
        var url = $"{Request.Scheme}://{Request.Host}{ReportPath}";
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var qr = new SvgQRCode(data);
        QrSvg = qr.GetGraphic(4);
        return Page();
    }

    public string Time(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Clock(DateTimeOffset at) => clock.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    public string Iso(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string? Coordinate(double? value) => value is { } v ? NeighbourhoodEndpoints.Degrees(v) : null;
}
