using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fengqiao.BrowserTests;

/// <summary>
/// One-window services, end to end: a resident books an ID-card renewal, the clerk issues the
/// ticket and calls it (the waiting-room display shows it without a reload), handles and
/// completes the service; the resident gives a bad review, and the rectification it opens is
/// put right and closed after the follow-up.
/// </summary>
public sealed partial class ServiceWindowStoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [GeneratedRegex(@"appointment number is (\d+)")]
    private static partial Regex AppointmentNumber();

    [Fact]
    public async Task AResidentBooksTheClerkServesAndABadReviewIsPutRight()
    {
        // The resident signs up on a phone and books.
        var resident = await app.NewPageAsync(new() { Width = 390, Height = 844 });
        await resident.GotoAsync("/portal/register");
        var phone = "1390" + (DateTime.UtcNow.Ticks % 10_000_000).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
        await resident.FillAsync("#Input_UserName", phone);
        await resident.FillAsync("#Input_DisplayName", "Mr Wang");
        await resident.FillAsync("#Input_Password", "Resident-Pass-1");
        await resident.ClickAsync("#register-form button[type=submit]");
        await resident.WaitForURLAsync($"{app.BaseUrl}/portal");

        await resident.GotoAsync("/portal/book");
        await resident.SelectOptionAsync("#service", "ID-RENEW");
        var outlet = await resident.Locator("#outlet option", new() { HasText = "Chongqing Road" }).First.GetAttributeAsync("value");
        await resident.SelectOptionAsync("#outlet", outlet!);
        await resident.ClickAsync("#show-slots");
        await resident.Locator("button.slot:not([data-free='0'])").First.ClickAsync();
        var booked = await resident.InnerTextAsync("#portal-message");
        var number = AppointmentNumber().Match(booked).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(number), booked);
        await Assertions.Expect(resident.Locator("#my-appointments")).ToContainTextAsync("Booked");
        await Assertions.Expect(resident.Locator("#reminder")).ToContainTextAsync("Bring");

        // The clerk's desk and the waiting-room screen.
        var clerk = await app.SignInAsync("demo.director");
        await clerk.GotoAsync($"/services/outlets/{outlet}");
        var screen = await app.NewPageAsync(new() { Width = 1280, Height = 720 });
        await screen.GotoAsync($"/display/{outlet}");

        await clerk.FillAsync("#ticket-form input[name=appointmentId]", number);
        await clerk.ClickAsync("#ticket-form button[type=submit]");
        await Assertions.Expect(clerk.Locator("#desk-message")).ToContainTextAsync("Y0");
        var label = Regex.Match(await clerk.InnerTextAsync("#desk-message"), @"Y\d{3}").Value;
        await clerk.Locator("button.call-next").First.ClickAsync();
        await Assertions.Expect(clerk.Locator("#called")).ToContainTextAsync(label);
        // The screen was not reloaded: htmx brings the called number in place.
        await Assertions.Expect(screen.Locator("#display-board .called-ticket").First).ToContainTextAsync(label, new() { Timeout = 10_000 });

        var ticketId = await clerk.Locator("#queue tr", new() { HasText = label }).GetAttributeAsync("data-ticket-id");
        await clerk.SelectOptionAsync("#record-service", "ID-RENEW");
        await clerk.FillAsync("#record-ticket", ticketId!);
        await clerk.ClickAsync("#record-form button[type=submit]");
        await Assertions.Expect(clerk.Locator("#record-status")).ToContainTextAsync("Received");
        await clerk.ClickAsync("#start-form button[type=submit]");
        await clerk.ClickAsync("#complete-form button[type=submit]");
        await Assertions.Expect(clerk.Locator("#record-status")).ToContainTextAsync("Completed");
        var recordPath = new Uri(clerk.Url).AbsolutePath;

        // The resident rates it badly from their own page.
        await resident.GotoAsync("/portal");
        var rate = resident.Locator("form.rate-form").First;
        foreach (var question in new[] { "overall", "efficiency", "attitude", "serviceLevel" })
        {
            await rate.Locator($"select[name={question}]").SelectOptionAsync("2");
        }
        await rate.Locator("textarea[name=comment]").FillAsync("Waited too long");
        await rate.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(resident.Locator("#portal-message")).ToContainTextAsync("rectification");

        // The rectification appears at the outlet, is put right, and closes after the follow-up.
        await clerk.GotoAsync("/services/rectifications?status=Open");
        var row = clerk.Locator($"#rectifications tbody tr:has(a[href='{recordPath}'])");
        await row.Locator("form.rectify-form textarea[name=note]").FillAsync("A guide now helps at the entrance");
        await row.Locator("form.rectify-form button[type=submit]").ClickAsync();
        await clerk.GotoAsync("/services/rectifications?status=Rectified");
        var rectified = clerk.Locator("#rectifications tbody tr", new() { HasText = "A guide now helps" });
        await rectified.Locator("form.follow-up-form textarea[name=note]").FillAsync("Called Mr Wang: satisfied now");
        await rectified.Locator("form.follow-up-form select[name=satisfied]").SelectOptionAsync("true");
        await rectified.Locator("form.follow-up-form button[type=submit]").ClickAsync();
        await clerk.GotoAsync("/services/rectifications?status=Closed");
        await Assertions.Expect(clerk.Locator("#rectifications")).ToContainTextAsync("Called Mr Wang");
    }
}
