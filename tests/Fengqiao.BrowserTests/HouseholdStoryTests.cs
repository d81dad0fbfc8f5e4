using System.Text;
using System.Text.RegularExpressions;
using Fengqiao.Infrastructure.Privacy;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// Wu Hui keeps his households' register: he imports a file of new residents and watches its
/// progress (a file with a bad ID number is refused whole, with the row to correct), finds an
/// imported resident by the full ID number, sees it masked, and reveals it only by giving a reason.
/// </summary>
public sealed partial class HouseholdStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [GeneratedRegex(@"/households/import/\d+$")]
    private static partial Regex JobPage();

    private static string Id(string first17) => first17 + ChineseIdNumber.CheckChar(first17);

    [Fact]
    public async Task AnOfficerImportsResidentsFindsOneAndRevealsTheIdNumberWithAReason()
    {
        var page = await app.SignInAsync("demo.officer");
        var (head, spouse) = (Id("22010419620311731"), Id("22010419650802742"));
        var wrong = spouse[..17] + (spouse[17] == '0' ? '1' : '0');
        const string header = "网格编码,地址,姓名,身份证号,手机号,与户主关系,标签\n";

        // A file with a mistyped ID number imports nothing and points at the row.
        await page.GotoAsync("/households/import");
        await page.SelectOptionAsync("#area", "220104001");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "new-residents.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(header + $"220104001001003,重庆路20号 5栋302,冯建国,{head},13904310001,户主,独居老人\n220104001001003,重庆路20号 5栋302,冯桂英,{wrong},,配偶,\n"),
        });
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForURLAsync(JobPage());
        await Assertions.Expect(page.Locator("#import-progress")).ToHaveAttributeAsync("data-status", "Rejected", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#rejects")).ToContainTextAsync("last character");
        await Assertions.Expect(page.Locator("#rejects tbody tr").First).ToContainTextAsync("3");

        // Corrected, it goes in: the progress bar follows the job to the end without a reload.
        await page.GotoAsync("/households/import");
        await page.SelectOptionAsync("#area", "220104001");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "new-residents.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(header + $"220104001001003,重庆路20号 5栋302,冯建国,{head},13904310001,户主,独居老人\n220104001001003,重庆路20号 5栋302,冯桂英,{spouse},,配偶,\n"),
        });
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForURLAsync(JobPage());
        await Assertions.Expect(page.Locator("#import-progress")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#import-message")).ToContainTextAsync("2 residents in 1 households");

        // Found by the full ID number; shown masked.
        await page.GotoAsync("/households");
        await page.FillAsync("input[name=q]", head);
        await page.PressAsync("input[name=q]", "Enter");
        await page.Locator("#households tbody a").First.ClickAsync();
        var members = page.Locator("#members");
        await Assertions.Expect(members).ToContainTextAsync("冯建国");
        await Assertions.Expect(members).ToContainTextAsync(head[..6] + "********" + head[^4..]);
        Assert.DoesNotContain(head, await page.ContentAsync(), StringComparison.Ordinal);

        // Revealed only with a reason, and said to be audited.
        var row = members.Locator("tr", new() { HasText = "冯建国" });
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error").First).ToContainTextAsync("audit log");
        Assert.DoesNotContain(head, await page.ContentAsync(), StringComparison.Ordinal);
        row = page.Locator("#members tr", new() { HasText = "冯建国" });
        await row.Locator("input[name=reason]").FillAsync("Checking the identity of a mediation party");
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#revealed-value")).ToHaveTextAsync(head);
        await Assertions.Expect(page.Locator("#revealed")).ToContainTextAsync("audit log");

        // The same page in Chinese.
        var zh = await app.SignInAsync("demo.officer", "zh-CN");
        await zh.GotoAsync(page.Url);
        await Assertions.Expect(zh.Locator("#members thead")).ToContainTextAsync("身份证号");
        await Assertions.Expect(zh.Locator("#members")).ToContainTextAsync("户主");
    }
}
