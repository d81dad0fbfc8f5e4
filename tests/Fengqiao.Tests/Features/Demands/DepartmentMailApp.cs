using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Outbox;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Demands;

/// <summary>The app with its outbox pointed at the test's SMTP server, the daily checks and the worker driven by the test, digests due at any hour.</summary>
public sealed partial class DepartmentMailApp : SqliteApp
{
    public SmtpSink Sink { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("StaffNotices:Enabled", "false");
        builder.UseSetting("StaffNotices:DigestHour", "0");
        builder.UseSetting("Outbox:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Outbox:Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Outbox:Smtp:Security", "None");
        builder.UseSetting("Outbox:QuietFrom", "00:00");
        builder.UseSetting("Outbox:QuietUntil", "00:00");
        builder.UseSetting("Outbox:MaxPerRecipientPerDay", "0");
    }

    public async Task StartMailAsync()
    {
        await Sink.StartAsync();
        Assert.SkipWhen(Sink.SkipReason is not null, Sink.SkipReason ?? "");
    }

    public async Task DeliverAsync()
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Reads the database as the system.</summary>
    public async Task<T> StoredAsync<T>(Func<AppDb, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        return await read(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    /// <summary>A new demand in Chongqing Road's grid, referred by <paramref name="user"/> to its community committee.</summary>
    public async Task<(HttpClient Client, DemandDetail Demand)> ReferAsync(string description, string user = "demo.officer")
    {
        var client = await ClientAsync(user);
        var created = await client.PostAsJsonAsync("/api/demands", new { category = "ElderlyCare", source = "HomeVisit", description, areaCode = "220104001001001" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var d = (await created.Content.ReadFromJsonAsync<DemandDetail>(Api.Json))!;
        var committee = (await client.GetJsonAsync<List<DemandUnitOption>>($"/api/demands/{d.Demand.Id}/units"))[0];
        var referred = await client.PostAsJsonAsync($"/api/demands/{d.Demand.Id}/refer", new { unitId = committee.Id, note = "请社区上门了解", version = d.Demand.Version });
        Assert.True(referred.IsSuccessStatusCode, await referred.Content.ReadAsStringAsync());
        return (client, (await referred.Content.ReadFromJsonAsync<DemandDetail>(Api.Json))!);
    }

    /// <summary>Posts one of the department page's forms as a browser would: the antiforgery token and version scraped from the page, the link's token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string handler, Dictionary<string, string> fields) =>
        await PostFormAsync(client, pageUrl, handler, fields, await OpenFormAsync(client, pageUrl));

    /// <summary>The same, from a page opened earlier (a tab left open while someone else acted).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string handler, Dictionary<string, string> fields, (string Token, string Version) form)
    {
        fields["__RequestVerificationToken"] = form.Token;
        fields["t"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + pageUrl).Query)["t"]!;
        fields.TryAdd("version", form.Version);
        return await client.PostAsync($"/dept/referral?handler={handler}", new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token and the demand's version of the page's forms.</summary>
    public static async Task<(string Token, string Version)> OpenFormAsync(HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        return (WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value), VersionField().Match(html).Groups[1].Value);
    }

    public static string LinkIn(string? body) => new Uri(DepartmentLink().Match(body ?? "").Value).PathAndQuery;

    [GeneratedRegex(@"http\S+/dept/referral\?t=\S+")]
    private static partial Regex DepartmentLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Sink.Stop();
    }
}
