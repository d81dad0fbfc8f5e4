using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>The foundation's main story in a real browser: sign in, see your own station's people and no one else's, switch language.</summary>
public sealed class StaffPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACommunityOfficerSeesOwnStationsPeopleAndSwitchesLanguage()
    {
        var page = await app.SignInAsync("demo.officer");
        await Assertions.Expect(page.Locator("#my-posts")).ToContainTextAsync("Chongqing Road Police Station");

        // People are under "Organisation" in the menu.
        await page.ClickAsync("#nav-organisation");
        await page.ClickAsync("nav >> text=People");
        var people = page.Locator("#people");
        await Assertions.Expect(people).ToContainTextAsync("Wu Hui");
        await Assertions.Expect(people).Not.ToContainTextAsync("Zhang Chunmin");

        await page.FillAsync("input[name=q]", "Zhang Chunmin");
        await page.PressAsync("input[name=q]", "Enter");
        await Assertions.Expect(people).ToContainTextAsync("Nothing found.");

        await page.ClickAsync("#language-switch >> text=中文");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("人员");
        await Assertions.Expect(page.Locator("nav")).ToContainTextAsync("区划");
        await Assertions.Expect(people).ToContainTextAsync("没有找到记录。");

        await page.ClickAsync("#language-switch >> text=English");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("People");
    }

    [Fact]
    public async Task ADirectorAddsAPostAndIsToldWhatIsWrongInChinese()
    {
        var page = await app.SignInAsync("demo.director", "zh-CN");
        await page.GotoAsync("/people?q=" + Uri.EscapeDataString("吴辉"));
        await page.ClickAsync("#people >> text=吴辉");
        await page.ClickAsync("#add-post");

        await page.SelectOptionAsync("#Input_UnitId", new SelectOptionValue { Label = "东园社区居委会 (社区“两委”)" });
        await page.SelectOptionAsync("#Input_Role", "CommitteeMember");
        await page.FillAsync("#Input_StartDate", "2024-05-01");
        await page.FillAsync("#Input_EndDate", "2024-01-01");
        await page.ClickAsync("#post-form button[type=submit]");
        await Assertions.Expect(page.Locator("#post-form")).ToContainTextAsync("结束日期不能早于开始日期。");

        await page.FillAsync("#Input_EndDate", "");
        await page.FillAsync("#Input_Title", "社区“两委”委员");
        await page.ClickAsync("#post-form button[type=submit]");
        await Assertions.Expect(page.Locator("#posts")).ToContainTextAsync("社区“两委”委员");
    }

    [Fact]
    public async Task TheAreaMapDrawsChildAreasAndDrillsDown()
    {
        var page = await app.SignInAsync("demo.province");
        await page.GotoAsync("/areas/22");
        var shapes = page.Locator("#area-map path.leaflet-interactive");
        await Assertions.Expect(shapes.First).ToBeVisibleAsync();
        Assert.True(await shapes.CountAsync() >= 9, "every city of Jilin is drawn");
        await page.ClickAsync("#areas >> text=Changchun");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Changchun");
    }
}
