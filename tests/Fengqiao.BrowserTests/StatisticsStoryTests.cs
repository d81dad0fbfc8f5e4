using System.Globalization;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// A provincial leader opens the province's dashboard, drills down through Changchun to Chaoyang
/// District and on to Chongqing Road Police Station, follows a number to its records, and takes the
/// station's table away as a spreadsheet — in English and in Chinese.
/// </summary>
public sealed class StatisticsStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheProvinceDrillsDownToChongqingRoadStationAndExportsTheTable()
    {
        var page = await app.SignInAsync("demo.province");
        await page.ClickAsync("#nav-statistics");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Jilin");
        await Assertions.Expect(page.Locator("#figure-community-police-share")).ToContainTextAsync("article 49.4%");
        await Assertions.Expect(page.Locator("#chart-bars canvas")).ToHaveCountAsync(1);
        var provinceVisits = Number(await page.InnerTextAsync("#figure-visits .figure-value"));

        await page.ClickAsync("#children a.drill:text-is('Changchun')");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Changchun");
        await Assertions.Expect(page.Locator("#breadcrumb")).ToContainTextAsync("Jilin");
        Assert.True(Number(await page.InnerTextAsync("#figure-visits .figure-value")) <= provinceVisits);

        await page.ClickAsync("#children a.drill:has-text('Chaoyang')");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Chaoyang");
        await page.ClickAsync("#children a.drill:has-text('Chongqing Road Police Station')");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Chongqing Road Police Station");
        await Assertions.Expect(page.Locator("#breadcrumb")).ToContainTextAsync("Chaoyang");

        // A number opens the records it counts, for the same area.
        var registered = Number(await page.InnerTextAsync("#figure-disputes-registered .figure-value"));
        Assert.True(registered > 0, "Chongqing Road has disputes this year");
        await page.ClickAsync("#figure-disputes-registered .figure-value");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/disputes\\?area="));
        await page.GoBackAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        Assert.StartsWith("statistics-", download.SuggestedFilename);
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal((byte)'P', bytes[0]); // an Office Open XML file is a zip
        Assert.Equal((byte)'K', bytes[1]);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var text = await File.ReadAllTextAsync(await csv.PathAsync());
        Assert.Contains("Disputes investigated", text);
        Assert.Contains(registered.ToString(CultureInfo.InvariantCulture), text);

        await page.ClickAsync("#monthly-report");
        await Assertions.Expect(page.Locator("#report h1")).ToContainTextAsync("Monthly report");
        await Assertions.Expect(page.Locator("#report-figures")).ToContainTextAsync("Resolution rate");
    }

    [Fact]
    public async Task InChineseTheDashboardNamesTheArticlesFiguresAndDrillsDown()
    {
        var page = await app.SignInAsync("demo.province", "zh-CN");
        await page.GotoAsync("/statistics");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("统计分析");
        await Assertions.Expect(page.Locator("#figure-resolution-rate")).ToContainTextAsync("化解率");
        await Assertions.Expect(page.Locator("#figure-disputes-overdue")).ToContainTextAsync("当前");
        await page.ClickAsync("#children a.drill:text-is('长春市')");
        await page.ClickAsync("#children a.drill:text-is('朝阳区')");
        await page.ClickAsync("#children a.drill:has-text('重庆路派出所')");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("重庆路派出所");

        // A wrong period is explained, and the page still shows this year.
        await page.GotoAsync("/statistics?from=2025-05-01&to=2025-04-01");
        await Assertions.Expect(page.Locator("#period-error")).ToContainTextAsync("结束日期不能早于开始日期");
    }

    private static long Number(string text) => long.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
