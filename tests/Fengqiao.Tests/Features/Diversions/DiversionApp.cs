using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fengqiao.Features.Outbox;
using Fengqiao.Features.Outbox.Channels;
using Fengqiao.Tests.Features.Outbox;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Diversions;

/// <summary>The app as the 110 bridge sees it: 110's shared secret, its webhook on a local receiver, mail to the test SMTP server.</summary>
public sealed class DiversionApp : SqliteApp
{
    public SmtpSink Sink { get; } = new();
    public HttpReceiver Receiver { get; } = new();
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    public const string Secret = "test-110-secret";
    public const string HookSecret = "test-110-hook-secret";
    /// <summary>A grid of Chongqing Road (demo.officer's station), in Changchun.</summary>
    public const string Grid = "220104001001001";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bridges:Police110:Secret", Secret);
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Outbox:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Outbox:Smtp:Port", Sink.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Outbox:Smtp:Security", "None");
        builder.UseSetting("Outbox:Webhooks:0:Name", "police110");
        builder.UseSetting("Outbox:Webhooks:0:Url", Receiver.Url + "/110");
        builder.UseSetting("Outbox:Webhooks:0:Secret", HookSecret);
        builder.UseSetting("Outbox:Webhooks:0:Events:0", "diversion.accepted");
        builder.UseSetting("Outbox:Webhooks:0:Events:1", "diversion.answered");
        builder.UseSetting("Outbox:Webhooks:0:Events:2", "diversion.returned");
    }

    public async Task DeliverAsync()
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>110 posts an incident, signed with <paramref name="secret"/> at <paramref name="at"/> (now by default).</summary>
    public async Task<HttpResponseMessage> PostIncidentAsync(object incident, string secret = Secret, DateTimeOffset? at = null)
    {
        var client = await ClientAsync(null);
        var body = JsonSerializer.Serialize(incident, Web);
        var ts = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bridges/110/incidents") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(Signature.TimestampHeader, ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(Signature.Header, Signature.Sign(secret, ts, body));
        return await client.SendAsync(request);
    }

    public static object Incident(string number, string kind = "neighbour-property", string? area = Grid, string summary = "楼上邻居占用楼道堆放杂物，双方争吵") => new
    {
        incidentNumber = number, receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3), kindCode = kind, summary, address = "重庆路街道某小区3栋2单元",
        areaCode = area, callerPhone = "13900001111",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Sink.Stop();
        Receiver.Dispose();
    }
}

/// <summary>The department's page as a browser uses it: read the antiforgery token and the version from the page, then post the form.</summary>
public static partial class DeptPage
{
    /// <summary>Posts a form of the page as read now, or as read earlier (<paramref name="html"/>: a tab left open while things changed).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string handler, Dictionary<string, string>? fields = null, string? html = null)
    {
        html ??= await ReadAsync(client, token);
        var form = new Dictionary<string, string>(fields ?? [])
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value),
            ["t"] = token,
            ["version"] = VersionField().Match(html).Groups[1].Value,
        };
        return await client.PostAsync($"/dept/diversion?handler={handler}", new FormUrlEncodedContent(form));
    }

    public static Task<string> ReadAsync(HttpClient client, string token) => client.GetStringAsync("/dept/diversion?t=" + Uri.EscapeDataString(token));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
