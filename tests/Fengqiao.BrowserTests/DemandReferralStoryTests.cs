using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// A resident's demand, end to end on a phone: Wu Hui records that two elderly neighbours want
/// handicraft work near home, refers it to their community committee (the deadline is filled in),
/// records the committee's answer and closes it with the resident's five stars; the list shows it
/// closed — and the same page reads in Chinese.
/// </summary>
public sealed partial class DemandReferralStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ChongqingGrid = "220104001001001";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDay();

    /// <summary>Signs in through the sign-in page of a 390-pixel-wide phone.</summary>
    private async Task<IPage> SignInOnPhoneAsync(string userName)
    {
        var page = await app.NewPageAsync(new() { Width = 390, Height = 844 });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Fengqiao.Features.Demo.DemoAccounts.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/", new() { Timeout = 30000, WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    [Fact]
    public async Task AnOfficerOnAPhoneRefersADemandToTheCommunityRecordsTheAnswerAndClosesIt()
    {
        var page = await SignInOnPhoneAsync("demo.officer");
        const string wish = "Two elderly neighbours want handicraft work near home";
        await page.GotoAsync("/demands/new?category=Employment&description=" + Uri.EscapeDataString(wish));
        await Assertions.Expect(page.Locator("#Input_Description")).ToHaveValueAsync(wish);
        await Assertions.Expect(page.Locator("#Input_Category")).ToHaveValueAsync("Employment");
        await page.SelectOptionAsync("#Input_AreaCode", ChongqingGrid);
        await page.SelectOptionAsync("#Input_Source", "HomeVisit");
        await page.ClickAsync("#demand-form button[type=submit]");

        await Assertions.Expect(page.Locator("#demand-status")).ToContainTextAsync("Open");
        var code = (await page.InnerTextAsync("#demand-title code")).Trim();
        Assert.StartsWith("Q220104001-", code, StringComparison.Ordinal);
        var demandPath = new Uri(page.Url).AbsolutePath;

        // The next step is unfolded: the community committee comes first and the deadline is filled in.
        Assert.Contains("Committee", await page.Locator("#refer-unit option").First.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#refer-due")).ToHaveValueAsync(IsoDay());
        await page.FillAsync("#refer-note", "Please ask what they can make");
        await page.ClickAsync("#act-refer button[type=submit]");
        await Assertions.Expect(page.Locator("#demand-status")).ToContainTextAsync("Referred");
        await Assertions.Expect(page.Locator("#demand-due")).ToContainTextAsync("answer due");
        await Assertions.Expect(page.Locator("#referrals")).ToContainTextAsync("Committee");
        await Assertions.Expect(page.Locator("#referrals")).ToContainTextAsync("Waiting for the answer.");

        // The committee's answer.
        await page.FillAsync("#answer-text", "Registered at the street job centre; the knitting team will call them");
        await page.FillAsync("#answer-by", "Director Wang");
        await page.ClickAsync("#act-answer button[type=submit]");
        await Assertions.Expect(page.Locator("#demand-status")).ToContainTextAsync("Answered");
        await Assertions.Expect(page.Locator("#referrals")).ToContainTextAsync("Director Wang");
        await Assertions.Expect(page.Locator("#demand-answer")).ToContainTextAsync("knitting team");

        // Five stars from the residents.
        await page.ClickAsync("label[for=sat-5]");
        await page.ClickAsync("#act-close button[type=submit]");
        await Assertions.Expect(page.Locator("#demand-status")).ToContainTextAsync("Closed");
        await Assertions.Expect(page.Locator("#demand-satisfaction")).ToContainTextAsync("5/5");

        await page.GotoAsync("/demands?q=" + Uri.EscapeDataString(code));
        var row = page.Locator("#demands a", new() { HasText = code });
        await Assertions.Expect(row.Locator(".demand-status")).ToHaveTextAsync("Closed");

        // The same demand for a reader of Chinese.
        var zh = await app.SignInAsync("demo.officer", "zh-CN");
        await zh.GotoAsync(demandPath);
        await Assertions.Expect(zh.Locator("#demand-status")).ToContainTextAsync("已办结");
        await Assertions.Expect(zh.Locator(".breadcrumb")).ToContainTextAsync("群众诉求");
    }
}
