using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Fengqiao.Features.Disputes;
using Fengqiao.Infrastructure.Web;
using Fengqiao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Fengqiao.Tests.Features.Disputes;

/// <summary>The case file's PDFs through the HTTP API: their contents, their font, and their hash on the timeline.</summary>
public abstract class CaseDocumentsTests(FengqiaoApp app)
{
    private const string ChongqingGrid = "220104001001001";
    private const string Terms = "王养鸽赔偿李车主修车费800元，并于三日内拆除阳台鸽子盘";

    private static async Task<DisputeDetail> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<DisputeDetail>(Api.Json))!;
    }

    /// <summary>A pigeon-plate case as the demo has them: two parties, one session that agreed, the agreement signed today.</summary>
    private async Task<(HttpClient Officer, DisputeDetail Case)> MediatedCaseAsync(string culture = "zh-CN", bool resolve = true)
    {
        var officer = await app.ClientAsync("demo.officer", culture);
        var d = await ReadAsync(await officer.PostAsJsonAsync("/api/disputes", new
        {
            title = "楼上鸽子盘坠落砸坏车辆", summary = "住户养鸽的托盘从楼上掉落，砸到楼下居民的车。", source = "ResidentReport", category = "neighbour",
            risk = "Yellow", peopleInvolved = 2, address = "幸福小区3栋", areaCode = ChongqingGrid,
            parties = new[] { new { role = "Applicant", name = "李车主", address = "幸福小区3栋1单元" }, new { role = "Respondent", name = "王养鸽", address = "幸福小区3栋5楼" } },
        }), HttpStatusCode.Created);
        d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/sessions",
            new { heldAt = DateTimeOffset.UtcNow.AddHours(-1), place = "社区调解室", mediators = "吴辉、社区主任", outcome = "Agreement", minutes = "双方同意赔偿并拆除鸽子盘", version = d.Case.Version }));
        if (resolve)
        {
            var today = app.Services.GetRequiredService<LocalClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            d = await ReadAsync(await officer.PostAsJsonAsync($"/api/disputes/{d.Case.Id}/resolve",
                new { terms = Terms, signedBy = "李车主、王养鸽", signedOn = today, version = d.Case.Version }));
        }
        return (officer, d);
    }

    /// <summary>"220104001-2026-00012" → "（2026）220104001调字第00012号".</summary>
    private static string Number(string code) => code.Split('-') is [var street, var year, var serial] ? $"（{year}）{street}调字第{serial}号" : code;

    private sealed record Pdf(byte[] Bytes, string Text, IReadOnlyList<string> Fonts);

    private static async Task<Pdf> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = PdfDocument.Open(bytes);
        var pages = doc.GetPages().ToList();
        // Nothing runs off the page: the wrapping of Chinese (no spaces) and of long English lines holds.
        Assert.All(pages, p => Assert.All(p.Letters, l => Assert.True(l.BoundingBox.Right <= p.Width && l.BoundingBox.Left >= 0 && l.BoundingBox.Bottom >= 0,
            $"'{l.Value}' at {l.BoundingBox} is off page {p.Number}")));
        // Whitespace dropped: Chinese has none, and a wrapped line must not split what is looked for.
        var text = string.Concat(pages.Select(p => p.Text)).Where(ch => !char.IsWhiteSpace(ch)).ToArray();
        return new Pdf(bytes, new string(text), pages.SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList());
    }

    private static void Contains(Pdf pdf, params string[] expected)
    {
        foreach (var e in expected)
        {
            Assert.Contains(string.Concat(e.Where(ch => !char.IsWhiteSpace(ch))), pdf.Text, StringComparison.Ordinal);
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task EachDocumentHasItsTitleNumberPartiesTermsAndSignatureBoxesInChinese()
    {
        var (officer, d) = await MediatedCaseAsync();
        var number = Number(d.Case.Code);
        var url = $"/api/disputes/{d.Case.Id}/documents";

        var acceptance = await PdfAsync(officer, $"{url}/acceptance.pdf");
        Contains(acceptance, "受理通知书", number, "李车主", "王养鸽", "楼上鸽子盘坠落砸坏车辆", "决定受理", "按指印", "（签名）", "重庆路街道人民调解委员会");
        var record = await PdfAsync(officer, $"{url}/record.pdf");
        Contains(record, "调解笔录", number, "李车主", "王养鸽", "社区调解室", "吴辉、社区主任", "双方同意赔偿并拆除鸽子盘", "按指印", "记录人（签名）");
        var agreement = await PdfAsync(officer, $"{url}/agreement.pdf");
        Contains(agreement, "人民调解协议书", number, "申请人：李车主", "被申请人：王养鸽", "住户养鸽的托盘从楼上掉落", Terms, "按指印", "人民调解员", "（签名）", "三十日内");
        var judicial = await PdfAsync(officer, $"{url}/judicial-confirmation.pdf");
        Contains(judicial, "司法确认申请书", number, "李车主", "王养鸽", "请求确认", "人民法院", "按指印", Terms, "附件", "人民调解协议书");

        foreach (var pdf in new[] { acceptance, record, agreement, judicial })
        {
            // Embedded as a TrueType subset: the glyphs used, not the 15 MB font.
            Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(pdf.Bytes), StringComparison.Ordinal);
            Assert.Contains(pdf.Fonts, f => f.Contains('+', StringComparison.Ordinal) && f.Contains("Noto Serif SC", StringComparison.Ordinal));
            Assert.True(pdf.Bytes.Length < 400_000, $"{pdf.Bytes.Length} bytes: the font was not subset");
        }
    }

    [Fact]
    public async Task TheEnglishVersionHasEnglishTitlesAndLabels()
    {
        var (officer, d) = await MediatedCaseAsync(culture: "en");
        var url = $"/api/disputes/{d.Case.Id}/documents";

        Contains(await PdfAsync(officer, $"{url}/agreement.pdf"), "People's mediation agreement", "Applicant", "Fingerprint", "(signature)", Terms, Number(d.Case.Code));
        Contains(await PdfAsync(officer, $"{url}/acceptance.pdf"), "Notice of acceptance", "decided to accept it");
        Contains(await PdfAsync(officer, $"{url}/record.pdf"), "Mediation record", "Recorder (signature)");
        Contains(await PdfAsync(officer, $"{url}/judicial-confirmation.pdf"), "Application for judicial confirmation", "People's Court of", "Attachment");

        // ?lang= chooses over the reader's language, both ways.
        var chinese = await PdfAsync(officer, $"{url}/agreement.pdf?lang=zh-CN");
        Contains(chinese, "人民调解协议书", "按指印");
        Assert.DoesNotContain("Fingerprint", chinese.Text, StringComparison.Ordinal);
        var zhOfficer = await app.ClientAsync("demo.officer", "zh-CN");
        Contains(await PdfAsync(zhOfficer, $"{url}/agreement.pdf?lang=en"), "People's mediation agreement");
    }

    [Fact]
    public async Task TheHashOfTheReturnedBytesIsRecordedOnTheTimelineWithWhoAndWhich()
    {
        var (officer, d) = await MediatedCaseAsync();
        var versionBefore = d.Case.Version;

        var pdf = await PdfAsync(officer, $"/api/disputes/{d.Case.Id}/documents/agreement.pdf");

        var after = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}");
        var issued = after.Timeline[^1];
        Assert.Equal((DisputeEventType.DocumentIssued, "demo.officer"), (issued.Type, issued.ActorName));
        Assert.Contains(Sha256(pdf.Bytes), issued.Note, StringComparison.Ordinal);
        Assert.Contains("人民调解协议书", issued.Note, StringComparison.Ordinal);
        Assert.Contains(Number(d.Case.Code), issued.Note, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - issued.At < TimeSpan.FromMinutes(5));
        // The footer's verification code leads from a paper copy to this entry.
        var code = System.Text.RegularExpressions.Regex.Match(issued.Note!, "[0-9A-F]{4}-[0-9A-F]{4}").Value;
        Assert.Contains(code, pdf.Text, StringComparison.Ordinal);
        // Printing changes nothing about the case: no one's open edit is refused because of it.
        Assert.Equal(versionBefore, after.Case.Version);

        var again = await PdfAsync(officer, $"/api/disputes/{d.Case.Id}/documents/agreement.pdf");
        var timeline = (await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}")).Timeline;
        Assert.Contains(timeline, e => e.Type == DisputeEventType.DocumentIssued && e.Note!.Contains(Sha256(again.Bytes), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADocumentThatCannotExistYetIsRefusedInTheReadersLanguage()
    {
        var (officer, d) = await MediatedCaseAsync(resolve: false);
        var agreement = await officer.GetAsync($"/api/disputes/{d.Case.Id}/documents/agreement.pdf");
        Assert.Equal(HttpStatusCode.Conflict, agreement.StatusCode);
        Assert.Equal("本案尚未记录调解协议，还不能出具人民调解协议书。", (await agreement.ProblemAsync()).GetProperty("title").GetString());
        var judicial = await officer.GetAsync($"/api/disputes/{d.Case.Id}/documents/judicial-confirmation.pdf?lang=en");
        Assert.Equal(HttpStatusCode.Conflict, judicial.StatusCode);
        Assert.Equal("There is no agreement to confirm.", (await judicial.ProblemAsync()).GetProperty("title").GetString());

        var english = await app.ClientAsync("demo.officer", "en");
        var fresh = await ReadAsync(await english.PostAsJsonAsync("/api/disputes", new
        {
            title = "Noise", summary = "Late-night noise", source = "Patrol", category = "neighbour", risk = "Blue", peopleInvolved = 2, areaCode = ChongqingGrid,
            parties = new[] { new { role = "Applicant", name = "Neighbour A" } },
        }), HttpStatusCode.Created);
        var record = await english.GetAsync($"/api/disputes/{fresh.Case.Id}/documents/record.pdf");
        Assert.Equal(HttpStatusCode.Conflict, record.StatusCode);
        Assert.StartsWith("No mediation session has been recorded", (await record.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/disputes/{d.Case.Id}/documents/will.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/disputes/{d.Case.Id}/documents/acceptance.pdf?lang=fr")).StatusCode);
        var after = await officer.GetJsonAsync<DisputeDetail>($"/api/disputes/{d.Case.Id}");
        Assert.DoesNotContain(after.Timeline, e => e.Type == DisputeEventType.DocumentIssued);
    }

    [Fact]
    public async Task ACaseOutsideTheCallersJurisdictionHasNoDocuments()
    {
        var (_, d) = await MediatedCaseAsync();
        var elsewhere = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/disputes/{d.Case.Id}/documents/agreement.pdf")).StatusCode);
        var anonymous = await app.ClientAsync(null);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/disputes/{d.Case.Id}/documents/agreement.pdf")).StatusCode);
    }

    [Fact]
    public async Task TheDocumentsAreInTheApiDescription()
    {
        var client = await app.ClientAsync("demo.officer");
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/disputes/{id}/documents/{kind}.pdf", doc, StringComparison.Ordinal);
        Assert.Contains("application/pdf", doc, StringComparison.Ordinal);
    }
}

public sealed class SqliteCaseDocumentsTests(SqliteApp app) : CaseDocumentsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCaseDocumentsTests(PostgresApp app) : CaseDocumentsTests(app), IClassFixture<PostgresApp>;
