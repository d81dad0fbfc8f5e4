using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fengqiao.Features.Open311;
using Fengqiao.Features.Outbox;
using Fengqiao.Features.Outbox.Channels;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Features.Outbox;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Bridges;

/// <summary>The app with the 12345 bridge open, and the hotline's webhook pointed at a local receiver; the test drives the outbox.</summary>
public sealed class HotlineSqliteApp : SqliteApp
{
    public HttpReceiver Receiver { get; } = new();
    public const string IntakeSecret = "test-12345-intake";
    public const string HookSecret = "test-12345-answers";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bridges:Hotline12345:Secret", IntakeSecret);
        builder.UseSetting("Bridges:Hotline12345:Categories:楼道堆物", "dispute-neighbour");
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Outbox:Sms:Url", Receiver.Url + "/sms");
        builder.UseSetting("Outbox:Webhooks:0:Name", "hotline12345");
        builder.UseSetting("Outbox:Webhooks:0:Url", Receiver.Url + "/12345");
        builder.UseSetting("Outbox:Webhooks:0:Secret", HookSecret);
        builder.UseSetting("Outbox:Webhooks:0:Bridge", "12345");
        builder.UseSetting("Outbox:QuietFrom", "00:00");
        builder.UseSetting("Outbox:QuietUntil", "00:00");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Receiver.Dispose();
    }
}

/// <summary>
/// 12345 work orders: in signed, kept by their order number, routed like any report, and the answer out to the hotline's
/// webhook with the order number. A re-delivery, a bad signature, a stale timestamp and a missing field change nothing.
/// </summary>
public sealed class HotlineBridgeTests(HotlineSqliteApp app) : IClassFixture<HotlineSqliteApp>
{
    private const string Phone = "13900003333";

    private async Task<Dictionary<string, object?>> OrderAsync(string number)
    {
        var admin = await app.ClientAsync("demo.admin");
        var grid = await admin.GetJsonAsync<Fengqiao.Features.Areas.AreaDetailDto>("/api/areas/220104001001001");
        return new()
        {
            ["orderNumber"] = number, ["category"] = "楼道堆物", ["description"] = "来电反映：楼道长期堆放杂物，存在消防隐患，邻居拒不清理",
            ["address"] = "重庆路街道某小区3栋", ["lat"] = grid.Area.Lat, ["lng"] = grid.Area.Lng, ["callerPhone"] = Phone,
            ["timeLimit"] = DateTimeOffset.UtcNow.AddDays(3).ToString("o", CultureInfo.InvariantCulture),
        };
    }

    private async Task<HttpResponseMessage> DeliverOrderAsync(object order, string secret = HotlineSqliteApp.IntakeSecret, DateTimeOffset? at = null)
    {
        var body = JsonSerializer.Serialize(order);
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bridges/12345/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(Signature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(Signature.Header, Signature.Sign(secret, timestamp, body));
        return await (await app.ClientAsync(null, "zh-CN")).SendAsync(request);
    }

    private async Task<List<ResidentRequest>> StoredAsync(string number)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().ResidentRequests.AsNoTracking().Where(r => r.BridgeOrder == number).ToListAsync();
    }

    private async Task DeliverOutboxAsync()
    {
        var worker = app.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    [Fact]
    public async Task AnOrderBecomesARoutedReportOnceAndTheAnswerGoesBackSignedWithItsOrderNumber()
    {
        const string number = "GD20261207000123";
        var order = await OrderAsync(number);
        var created = await DeliverOrderAsync(order);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = (await created.Content.ReadFromJsonAsync<JsonElement>())!;
        var code = receipt.GetProperty("trackingCode").GetString()!;
        Assert.Equal(number, receipt.GetProperty("orderNumber").GetString());
        Assert.Equal("dispute-neighbour", receipt.GetProperty("serviceCode").GetString()); // the configured category map

        // Delivered again (a lost acknowledgement): the same code, no second report.
        var again = await DeliverOrderAsync(order);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(code, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString());
        var request = Assert.Single(await StoredAsync(number));
        Assert.Equal(code, request.Code);
        Assert.NotNull(request.StationUnitId); // routed to its grid's station like any report
        Assert.DoesNotContain(Phone, request.Phone!, StringComparison.Ordinal); // encrypted like residents' numbers
        Assert.InRange(request.ExpectedOn!.Value.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber, 3, 4); // the hotline's time limit, in local days

        // Another resident's report through Open311 is none of the hotline's business.
        var client = await app.ClientAsync(null);
        var other = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "demand", ["description"] = "希望社区开办老年食堂",
            ["lat"] = Convert.ToString(order["lat"], CultureInfo.InvariantCulture)!, ["long"] = Convert.ToString(order["lng"], CultureInfo.InvariantCulture)!,
        }));
        var otherCode = JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        // The station answers it.
        var officer = await app.ClientAsync("demo.officer");
        var row = Assert.Single((await officer.PageAsync<RequestRow>("/api/requests?status=Submitted&pageSize=200")).Items, r => r.Code == code);
        var closed = await officer.PostAsJsonAsync($"/api/requests/{row.Id}/triage", new { action = "close", reason = "已督促物业清理楼道，消防通道已畅通", version = row.Version });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        await DeliverOutboxAsync();

        var hooks = app.Receiver.All.Where(r => r.Path == "/12345").ToList();
        Assert.DoesNotContain(hooks, h => h.Body.Contains(otherCode, StringComparison.Ordinal));
        var resolved = Assert.Single(hooks, h => h.Body.Contains("request.resolved", StringComparison.Ordinal));
        Assert.True(Signature.Verify(HotlineSqliteApp.HookSecret, resolved.Headers[Signature.TimestampHeader], resolved.Headers[Signature.Header], resolved.Body, DateTimeOffset.UtcNow));
        var payload = JsonDocument.Parse(resolved.Body).RootElement;
        Assert.Equal(number, payload.GetProperty("orderNumber").GetString());
        Assert.Equal(code, payload.GetProperty("serviceRequestId").GetString());
        Assert.Equal("closed", payload.GetProperty("status").GetString());
        Assert.Equal("已督促物业清理楼道，消防通道已畅通", payload.GetProperty("statusNotes").GetString());
        Assert.Contains(hooks, h => h.Body.Contains("request.received", StringComparison.Ordinal) && h.Body.Contains(number, StringComparison.Ordinal));
        Assert.All(hooks, h => Assert.DoesNotContain(Phone, h.Body, StringComparison.Ordinal)); // no personal data leaves by webhook
    }

    [Fact]
    public async Task ABadSignatureOrAStaleTimestampIsRefusedAndCreatesNothing()
    {
        var order = await OrderAsync("GD20261207000456");
        var forged = await DeliverOrderAsync(order, secret: "guessed-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("签名", (await forged.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        var stale = await DeliverOrderAsync(order, at: DateTimeOffset.UtcNow.AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("5", (await stale.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/bridges/12345/orders") { Content = JsonContent.Create(order) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync(null)).SendAsync(unsigned)).StatusCode);
        Assert.Empty(await StoredAsync("GD20261207000456"));
    }

    [Fact]
    public async Task AnOrderMissingItsFieldsIsRefusedFieldByFieldAndCreatesNothing()
    {
        var order = await OrderAsync("GD20261207000789");
        order.Remove("timeLimit");
        order["description"] = "";
        order.Remove("lat");
        order.Remove("address");
        var refused = await DeliverOrderAsync(order);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await refused.ErrorsAsync();
        Assert.Equal(["address", "description", "lng", "timeLimit"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("此项为必填项。", errors["timeLimit"][0]);
        Assert.Empty(await StoredAsync("GD20261207000789"));

        var unreadable = await DeliverOrderAsync(new { orderNumber = "GD1", timeLimit = "next tuesday" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("timeLimit", (await unreadable.ErrorsAsync()).Keys);
    }
}
