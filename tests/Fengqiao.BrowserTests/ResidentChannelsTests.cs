using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// A resident without an account, on a phone: the community police board shows Fubei
/// Community's officer, its QR code opens the report form for that community, a bad photo is
/// refused, the report is sent and then followed by its code.
/// </summary>
public sealed class ResidentChannelsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task AnAnonymousResidentFindsTheBoardReportsAndFollowsTheReport()
    {
        var page = await app.NewPageAsync(new() { Width = 390, Height = 844 });
        await page.GotoAsync("/board?q=Fubei");
        await page.ClickAsync("#board-communities a >> text=Fubei");
        await Assertions.Expect(page.Locator("#board-name")).ToContainTextAsync("Fubei");
        await Assertions.Expect(page.Locator("#board-people")).ToContainTextAsync("Wei Dong");
        await Assertions.Expect(page.Locator("#board-qr svg")).ToBeVisibleAsync();
        var reportUrl = await page.GetAttributeAsync("#board-report-link", "href");
        Assert.Contains("/report?community=", reportUrl, StringComparison.Ordinal);

        await page.ClickAsync("#board-report-link");
        await Assertions.Expect(page.Locator("#report-community")).ToContainTextAsync("Fubei");
        await page.SelectOptionAsync("#Input_ServiceCode", "danger-electrical");
        await page.FillAsync("#Input_Description", "E-bikes are charged with a cable from the third floor window every night.");
        await page.CheckAsync("#Input_Anonymous");
        await page.SetInputFilesAsync("#report-photos", new FilePayload { Name = "not-a-photo.png", MimeType = "image/png", Buffer = "hello"u8.ToArray() });
        await page.ClickAsync("#report-submit");
        await Assertions.Expect(page.Locator("#photo-errors")).ToContainTextAsync("not-a-photo.png");

        await page.SetInputFilesAsync("#report-photos", new FilePayload { Name = "cable.png", MimeType = "image/png", Buffer = Png });
        await page.ClickAsync("#report-submit");
        await Assertions.Expect(page.Locator("#track-message")).ToContainTextAsync("Its code is");
        var code = (await page.InnerTextAsync("#track-code")).Trim();
        Assert.StartsWith("R", code, StringComparison.Ordinal);

        await page.GotoAsync("/report/track");
        await page.FillAsync("#code", code);
        await page.PressAsync("#code", "Enter");
        await Assertions.Expect(page.Locator("#track-status")).ToContainTextAsync("Submitted");
        await Assertions.Expect(page.Locator("#track-station")).ToContainTextAsync("Jilu");

        // The receiving station sees it, without the reporter's name.
        var officer = await app.SignInAsync("demo.weidong");
        await officer.GotoAsync("/requests");
        var row = officer.Locator("#requests tr", new() { HasText = code });
        await Assertions.Expect(row).ToContainTextAsync("Anonymous");
    }
}
