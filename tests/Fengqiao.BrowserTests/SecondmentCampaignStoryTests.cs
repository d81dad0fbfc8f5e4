using Fengqiao.Features.Secondments;
using System.Globalization;
using Fengqiao.Features.People;
using Fengqiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// Two of the article's stories as their users see them: Wang Mingxue, sent down from the provincial department, is seen
/// by the station that receives him and by his mentor; a station director asks for an officer of the Changchun bureau and
/// the province confirms. And the hundred-day action reports the disputes its visits found and resolved, down to the cases.
/// </summary>
public sealed class SecondmentCampaignStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheMentorSeesTheOfficerSentDownToHisStationAndHisPostThere()
    {
        var page = await app.SignInAsync("demo.officer2");
        await page.GotoAsync("/secondments");
        var row = page.Locator("#secondments tbody tr", new() { HasText = "Wang Mingxue" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Zhang Chunmin");
        await row.Locator("a", new() { HasText = "Wang Mingxue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Wang Mingxue");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Xi'an Square");
    }

    [Fact]
    public async Task ADirectorAsksForABureauOfficerAndTheProvinceConfirms()
    {
        var director = await app.SignInAsync("demo.director", "zh-CN");
        await director.GotoAsync("/secondments/edit");
        // The directory of the organs' staff answers a name search with names and home units only.
        var officerName = await OrganOfficerNameAsync("长春市公安局");
        await director.FillAsync("#find", officerName);
        await director.ClickAsync("#find-officer button[type=submit]");
        var option = director.Locator("#Input_PersonId option", new() { HasText = officerName + " · 长春市公安局" });
        await Assertions.Expect(option).ToHaveCountAsync(1);
        await director.SelectOptionAsync("#Input_PersonId", new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await director.SelectOptionAsync("#Input_FromUnitId", new SelectOptionValue { Label = "长春市公安局" });
        await director.SelectOptionAsync("#Input_ToUnitId", new SelectOptionValue { Label = "重庆路派出所" });
        await director.SelectOptionAsync("#Input_MentorId", new SelectOptionValue { Label = "吴辉 · 重庆路派出所" });
        await director.FillAsync("#Input_StartDate", "2034-01-01");
        await director.FillAsync("#Input_EndDate", "2034-12-31");
        await director.ClickAsync("#secondment-form button[type=submit]");
        await Assertions.Expect(director.Locator("#secondment-pending")).ToHaveTextAsync("待派出单位确认");
        await Assertions.Expect(director.Locator("#confirm-secondment")).ToHaveCountAsync(0);
        var path = new Uri(director.Url).AbsolutePath;

        var province = await app.SignInAsync("demo.province");
        await province.GotoAsync(path);
        await Assertions.Expect(province.Locator("#secondment-pending")).ToHaveTextAsync("Awaiting the sending organ's confirmation");
        await province.ClickAsync("#confirm-secondment button[type=submit]");
        await Assertions.Expect(province.Locator("#secondment-confirmed")).ToContainTextAsync("demo.province");

        await director.ReloadAsync();
        await Assertions.Expect(director.Locator("#secondment-confirmed")).ToContainTextAsync("确认");
    }

    /// <summary>An officer of the organ never sent down, whose name no one else in the directory shares.</summary>
    private async Task<string> OrganOfficerNameAsync(string organ)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var names = await db.People.IgnoreQueryFilters()
            .Where(p => p.Kind == PersonKind.PoliceOfficer && p.HomeUnit!.NameZh == organ && !db.Set<Secondment>().IgnoreQueryFilters().Any(s => s.PersonId == p.Id))
            .Select(p => p.NameZh).ToListAsync();
        return names.GroupBy(n => n).First(g => g.Count() == 1).Key;
    }

    [Theory]
    [InlineData("en-US", "What the visits found and resolved")]
    [InlineData("zh-CN", "走访发现和化解情况")]
    public async Task TheHundredDayActionShowsWhatItsVisitsFoundAndResolvedDownToTheCases(string locale, string heading)
    {
        var page = await app.SignInAsync("demo.officer", locale);
        await page.GotoAsync("/campaigns");
        await page.Locator("#campaigns a.campaign-link", new() { HasText = "百日大走访" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#results-title")).ToHaveTextAsync(heading);
        var found = int.Parse((await page.InnerTextAsync("#results-disputes")).Trim(), CultureInfo.InvariantCulture);
        var resolved = int.Parse((await page.InnerTextAsync("#results-resolved")).Trim(), CultureInfo.InvariantCulture);
        Assert.True(found > 0 && resolved <= found, $"found {found}, resolved {resolved}");

        await page.ClickAsync("#results-resolved");
        await Assertions.Expect(page.Locator("#cases tbody tr")).ToHaveCountAsync(Math.Min(resolved, 25));
    }
}
