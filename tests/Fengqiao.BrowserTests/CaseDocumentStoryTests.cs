using System.Security.Cryptography;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Fengqiao.BrowserTests;

/// <summary>
/// Printing the agreement: Wu Hui mediates a case to an agreement, follows the case page's link and gets the PDF;
/// the timeline then shows the document was issued with the SHA-256 of the file he holds. A Chinese-speaking
/// colleague does the same from the Chinese page and gets the Chinese document.
/// </summary>
public sealed class CaseDocumentStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ChongqingGrid = "220104001001001";

    private static async Task<(byte[] Bytes, string Text)> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        using var pdf = PdfDocument.Open(bytes);
        return (bytes, string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public async Task TheAgreementIsPrintedFromTheCasePageAndItsHashIsOnTheTimeline()
    {
        var page = await app.SignInAsync("demo.officer");
        await page.GotoAsync("/disputes/new?source=WalkIn");
        await page.FillAsync("#Input_Title", "Water leaking through the ceiling");
        await page.FillAsync("#Input_Summary", "Water from the flat above has stained the ceiling of the flat below for a month.");
        await page.SelectOptionAsync("#Input_Category", "neighbour");
        await page.SelectOptionAsync("#Input_Risk", "Blue");
        await page.SelectOptionAsync("#Input_AreaCode", ChongqingGrid);
        await page.FillAsync("#Input_Parties_0__Name", "Downstairs Sun");
        await page.FillAsync("#Input_Parties_1__Name", "Upstairs Qian");
        await page.ClickAsync("#case-form button[type=submit]");
        if (await page.Locator("#repeats").IsVisibleAsync())
        {
            await page.ClickAsync("#case-form button[type=submit]");
        }
        await Assertions.Expect(page.Locator("#case-title")).ToContainTextAsync("Water leaking");
        await Assertions.Expect(page.Locator("#doc-agreement")).ToHaveCountAsync(0);

        await page.ClickAsync("#act-session summary");
        await page.FillAsync("#act-session input[name=place]", "Community mediation room");
        await page.FillAsync("#act-session input[name=mediators]", "Wu Hui");
        await page.SelectOptionAsync("#act-session select[name=outcome]", "Agreement");
        await page.ClickAsync("#act-session button[type=submit]");
        await page.ClickAsync("#act-resolve summary");
        await page.FillAsync("#act-resolve textarea[name=terms]", "Qian repairs the pipe and repaints the ceiling within two weeks");
        await page.FillAsync("#act-resolve input[name=signedBy]", "Sun, Qian");
        await page.ClickAsync("#act-resolve button[type=submit]");
        await Assertions.Expect(page.Locator("#case-state")).ToContainTextAsync("Resolved");

        await Assertions.Expect(page.Locator("#doc-agreement")).ToHaveTextAsync("People's mediation agreement (PDF)");
        var (bytes, text) = await DownloadAsync(page, "#doc-agreement");
        Assert.Contains("People's mediation agreement", text, StringComparison.Ordinal);
        Assert.Contains("Upstairs Qian", text, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var caseUrl = page.Url;
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Document issued");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync(hash);

        // The same case from a Chinese page: Chinese link text, Chinese document, Chinese timeline wording.
        var zh = await app.SignInAsync("demo.director", "zh-CN");
        await zh.GotoAsync(caseUrl);
        await Assertions.Expect(zh.Locator("#doc-agreement")).ToHaveTextAsync("人民调解协议书 (PDF)");
        var (zhBytes, zhText) = await DownloadAsync(zh, "#doc-agreement");
        Assert.Contains("人民调解协议书", zhText, StringComparison.Ordinal);
        Assert.Contains("按指印", zhText, StringComparison.Ordinal);
        await zh.ReloadAsync();
        await Assertions.Expect(zh.Locator("#timeline")).ToContainTextAsync("出具文书");
        await Assertions.Expect(zh.Locator("#timeline")).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(zhBytes)));
    }
}
