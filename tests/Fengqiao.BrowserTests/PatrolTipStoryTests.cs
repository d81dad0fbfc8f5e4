using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// A volunteer of the Chongqing Road Street patrol team (the demo's 王淑芬, a building leader) on
/// her phone: she logs the evening's patrol — a patrol that ends before it starts is refused —
/// and sends a tip. Wu Hui at the receiving station sees the tip with her name and acknowledges
/// it; Zhang Chunmin at another station cannot open it; the province sees it without the tipster.
/// </summary>
public sealed class PatrolTipStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Tipster = "王淑芬";

    [Fact]
    public async Task AVolunteerLogsAPatrolAndSendsATipThatOnlyHerStationCanTraceToHer()
    {
        var phone = await app.NewPageAsync(new() { Width = 390, Height = 844 });
        await phone.GotoAsync("/portal/login");
        await phone.FillAsync("#Input_UserName", "demo.volunteer");
        await phone.FillAsync("#Input_Password", Fengqiao.Features.Demo.DemoAccounts.Password);
        await phone.ClickAsync("#resident-login-form button[type=submit]");
        await phone.WaitForURLAsync($"{app.BaseUrl}/portal");

        // A patrol that ends before it starts is refused, on the field.
        await phone.GotoAsync("/portal/patrol");
        await Assertions.Expect(phone.Locator("#my-teams")).ToContainTextAsync("重庆路街道平安志愿巡逻队");
        await phone.FillAsync("#patrol-ended", "2020-01-01T10:00");
        await phone.FillAsync("#Input_Route", "East gate — building 6 — car park");
        await phone.ClickAsync("#patrol-submit");
        await Assertions.Expect(phone.Locator("#ended-error")).ToContainTextAsync("The patrol must end after it starts.");

        // The form starts at the last hour: route, what was seen, how many.
        await phone.GotoAsync("/portal/patrol");
        await phone.FillAsync("#Input_Route", "East gate — building 6 — car park");
        await phone.FillAsync("#Input_Observations", "E-bike charging in the stairwell of building 6; told the owner.");
        await phone.FillAsync("#Input_Participants", "3");
        await phone.ClickAsync("#patrol-submit");
        await Assertions.Expect(phone.Locator("#patrol-message")).ToContainTextAsync("logged");
        await Assertions.Expect(phone.Locator("#my-patrols")).ToContainTextAsync("East gate — building 6 — car park");

        // The tip goes to the station of her team.
        await phone.ClickAsync("#tip-link");
        var text = "Boxes of e-bike batteries carried into the basement of building 6 at night " + Guid.NewGuid().ToString("N")[..6];
        await phone.FillAsync("#Input_Text", text);
        await phone.ClickAsync("#tip-submit");
        await Assertions.Expect(phone.Locator("#tip-message")).ToContainTextAsync("has gone to the police station");
        var code = (await phone.Locator("#my-tips li", new() { HasText = text[^6..] }).Locator(".tip-code").InnerTextAsync()).Trim();
        Assert.StartsWith("T220104001-", code, StringComparison.Ordinal);

        // Wu Hui, at the receiving station, sees who sent it and acknowledges it.
        var officer = await app.SignInAsync("demo.officer");
        await officer.GotoAsync($"/tips?q={code}");
        var row = officer.Locator("#tips tr", new() { HasText = code });
        await Assertions.Expect(row.Locator(".tipster")).ToContainTextAsync(Tipster);
        await row.Locator("a").First.ClickAsync();
        await Assertions.Expect(officer.Locator("#tipster-name")).ToHaveTextAsync(Tipster);
        await Assertions.Expect(officer.Locator("#tipster-phone")).ToContainTextAsync("****");
        await Assertions.Expect(officer.Locator("#tip-text")).ToContainTextAsync(text);
        var tipPath = new Uri(officer.Url).AbsolutePath;
        await officer.ClickAsync("#acknowledge-form button[type=submit]");
        await Assertions.Expect(officer.Locator("#tip-status")).ToContainTextAsync("Acknowledged");

        // Another station: there is no such tip.
        var other = await app.SignInAsync("demo.officer2");
        var response = await other.GotoAsync(tipPath);
        Assert.Equal(404, response!.Status);

        // The province sees that it exists and how it goes, not who gave it.
        var province = await app.SignInAsync("demo.province");
        await province.GotoAsync(tipPath);
        await Assertions.Expect(province.Locator("#tip-text")).ToContainTextAsync(text);
        await Assertions.Expect(province.Locator("#tipster-hidden")).ToContainTextAsync("Confidential");
        Assert.DoesNotContain(Tipster, await province.InnerTextAsync("main"), StringComparison.Ordinal);
        await Assertions.Expect(province.Locator("#acknowledge-form")).ToHaveCountAsync(0);

        // Back on her phone, she follows it.
        await phone.GotoAsync("/portal/tip");
        await Assertions.Expect(phone.Locator("#my-tips li", new() { HasText = code })).ToContainTextAsync("Acknowledged");
    }
}
