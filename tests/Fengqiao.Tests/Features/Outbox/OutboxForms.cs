using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fengqiao.Features.Outbox;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Outbox;

/// <summary>What the outbox tests do again and again: report through Open311, run the worker dry, post a page's form.</summary>
public static partial class OutboxForms
{
    public static async Task<string> ReportAsync(FengqiaoApp app, string gridCode, string culture, string? email, string description = "楼道堆放杂物堵塞消防通道")
    {
        var admin = await app.ClientAsync("demo.admin");
        var grid = await admin.GetJsonAsync<Fengqiao.Features.Areas.AreaDetailDto>($"/api/areas/{gridCode}");
        var client = await app.ClientAsync(null, culture);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "dispute-neighbour", ["description"] = description,
            ["lat"] = grid.Area.Lat!.Value.ToString(inv), ["long"] = grid.Area.Lng!.Value.ToString(inv), ["email"] = email ?? "",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    public static async Task DeliverAsync(FengqiaoApp app)
    {
        var worker = app.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Opens <paramref name="pageUrl"/> for its antiforgery token, then posts the form to <paramref name="handler"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string? handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value);
        var url = handler is null ? pageUrl : pageUrl + (pageUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
