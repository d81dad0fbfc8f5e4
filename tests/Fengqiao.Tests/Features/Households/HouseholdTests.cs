using Fengqiao.Features.Areas;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fengqiao.Features.Households;
using Fengqiao.Features.Households.Import;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Fengqiao.Tools.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Fengqiao.Tests.Features.Households;

/// <summary>Households and residents: personal data encrypted, masked, revealed with an audited reason; bulk import all-or-nothing.</summary>
public abstract class HouseholdTests(FengqiaoApp app)
{
    private const string Grid = "220104001001002";

    /// <summary>A valid ID number nobody else has: region, birth date, a sequence the demo never uses, and its check character.</summary>
    private static string NewId(int sequence, int year = 1985)
    {
        var first17 = $"110101{year}0307{sequence % 1000:000}";
        return first17 + ChineseIdNumber.CheckChar(first17);
    }

    private static int _next = 500 + Random.Shared.Next(0, 400);
    private static string UniqueId() => NewId(Interlocked.Increment(ref _next), 1950 + (_next / 1000 % 60));

    private static async Task<HouseholdDto> CreateAsync(HttpClient client, string id, string phone, string address = "重庆路88号 测试小区1栋1单元101")
    {
        var response = await client.PostAsJsonAsync("/api/households", new
        {
            address, areaCode = Grid, phone, tags = "ElderlyAlone",
            members = new[] { new { name = "赵秀英", idNumber = id, phone, relation = "Head" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<HouseholdDto>(Api.Json))!;
    }

    /// <summary>Residents by full ID number, sent in the body (never in the address).</summary>
    private static async Task<Fengqiao.Infrastructure.Web.Page<ResidentDto>> LookupAsync(HttpClient client, string idNumber)
    {
        var response = await client.PostAsJsonAsync("/api/residents/lookup", new { idNumber });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Fengqiao.Infrastructure.Web.Page<ResidentDto>>(Api.Json))!;
    }

    private async Task<string> StoredTextAsync()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // The database file and its write-ahead log, as bytes: what someone who copied them would have.
            var source = Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "Fengqiao")!["Data Source=".Length..];
            var bytes = new List<byte>(await File.ReadAllBytesAsync(source));
            if (File.Exists(source + "-wal"))
            {
                bytes.AddRange(await File.ReadAllBytesAsync(source + "-wal"));
            }
            return Encoding.UTF8.GetString([.. bytes]);
        }
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var residents = await db.Database.SqlQueryRaw<string>("SELECT coalesce(string_agg(t::text, '|'), '') AS \"Value\" FROM \"Residents\" t").FirstAsync();
        var households = await db.Database.SqlQueryRaw<string>("SELECT coalesce(string_agg(t::text, '|'), '') AS \"Value\" FROM \"Households\" t").FirstAsync();
        return residents + households;
    }

    [Fact]
    public async Task IdAndPhoneAreEncryptedAtRestMaskedOnScreenAndFoundByExactLookup()
    {
        var officer = await app.ClientAsync("demo.officer");
        var id = UniqueId();
        var phone = "139" + Random.Shared.Next(10000000, 99999999);
        var household = await CreateAsync(officer, id, phone);

        var member = Assert.Single(household.Members);
        Assert.Equal(id[..6] + "********" + id[^4..], member.IdMasked);
        Assert.Equal(phone[..3] + "****" + phone[^4..], member.PhoneMasked);
        var page = await officer.GetStringAsync($"/households/{household.Household.Id}");
        Assert.Contains(member.IdMasked, page, StringComparison.Ordinal);
        Assert.DoesNotContain(id, page, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, await officer.GetStringAsync($"/api/households/{household.Household.Id}"), StringComparison.Ordinal);

        // Not in the stored data, in any column: only ciphertext, a keyed hash and the masked form.
        var stored = await StoredTextAsync();
        Assert.Contains(member.IdMasked, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(id, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, stored, StringComparison.Ordinal);

        // Exact look-up by the full number still works, through the hash.
        var found = await LookupAsync(officer, id.ToLowerInvariant());
        Assert.Equal(member.Id, Assert.Single(found.Items).Id);
        var byPhone = await officer.PageAsync<HouseholdRow>($"/api/households?q={phone}");
        Assert.Equal(household.Household.Id, Assert.Single(byPhone.Items).Id);
    }

    [Fact]
    public async Task RevealNeedsAReasonAndAnAllowedRoleAndEveryRevealIsAudited()
    {
        var officer = await app.ClientAsync("demo.officer");
        var id = UniqueId();
        var member = Assert.Single((await CreateAsync(officer, id, "13812345678")).Members);

        var noReason = await officer.PostAsJsonAsync($"/api/residents/{member.Id}/reveal", new { field = "idNumber", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", (await noReason.ErrorsAsync()).Keys);

        var revealed = await officer.PostAsJsonAsync($"/api/residents/{member.Id}/reveal", new { field = "idNumber", reason = "核实调解当事人身份" });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal("no-store", revealed.Headers.CacheControl?.ToString());
        Assert.Equal(id, (await revealed.Content.ReadFromJsonAsync<RevealedDto>(Api.Json))!.Value);

        // An administrator runs the system but is not among the roles that may see personal data.
        var admin = await app.ClientAsync("demo.admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/residents/{member.Id}/reveal", new { field = "idNumber", reason = "只是看看而已" })).StatusCode);
        // Another station's officer: the resident does not exist for them.
        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/residents/{member.Id}/reveal", new { field = "idNumber", reason = "核实身份信息" })).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var entries = await db.AuditLog.Where(e => e.Entity == "Resident" && e.EntityId == member.Id.ToString()).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal(("demo.officer", "reveal:idNumber", "核实调解当事人身份"), (entry.UserName, entry.Action, entry.Reason));
        Assert.DoesNotContain(id, entry.Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoRegisterHasMaskedResidentsWhoseNumbersDecryptToValidIds()
    {
        var officer = await app.ClientAsync("demo.officer");
        var households = await officer.PageAsync<HouseholdRow>("/api/households?area=220104001&tag=ElderlyAlone");
        Assert.True(households.Total > 10, $"{households.Total} elderly people living alone in Chongqing Road Street");
        var household = await officer.GetJsonAsync<HouseholdDto>($"/api/households/{households.Items[0].Id}");
        var member = household.Members[0];
        Assert.Matches("^220104\\*{8}[0-9X]{4}$", member.IdMasked);
        var revealed = await officer.PostAsJsonAsync($"/api/residents/{member.Id}/reveal", new { field = "idNumber", reason = "独居老人走访核实" });
        var id = (await revealed.Content.ReadFromJsonAsync<RevealedDto>(Api.Json))!.Value;
        Assert.Equal(IdNumberProblem.None, ChineseIdNumber.Check(id, out var birth));
        Assert.Equal(member.BirthDate, birth);
        Assert.Equal(member.IdMasked, Mask.IdNumber(id));
    }

    [Fact]
    public async Task AnotherStationCannotSeeOrFindTheHousehold()
    {
        var officer = await app.ClientAsync("demo.officer");
        var id = UniqueId();
        var household = await CreateAsync(officer, id, "13712345678");
        var other = await app.ClientAsync("demo.officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/households/{household.Household.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/households/{household.Household.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/households/{household.Household.Id}",
            new { address = "改掉", version = household.Household.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/households/{household.Household.Id}/members",
            new { name = "钱七", idNumber = UniqueId() })).StatusCode);
        Assert.Empty((await LookupAsync(other, id)).Items);
        Assert.Empty((await other.PageAsync<HouseholdRow>($"/api/households?q={id}")).Items);
    }

    [Fact]
    public async Task BadIdAndMobileNumbersAreExplainedInTheUsersLanguage()
    {
        var officer = await app.ClientAsync("demo.officer", "zh-CN");
        var good = UniqueId();
        var badChecksum = good[..17] + (good[17] == '0' ? '1' : '0');
        var response = await officer.PostAsJsonAsync("/api/households", new
        {
            address = "重庆路1号", areaCode = Grid, phone = "1231234",
            members = new[] { new { name = "孙八", idNumber = badChecksum }, new { name = "", idNumber = "22010219900230123X" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ErrorsAsync();
        Assert.Contains("校验位", errors["members[0].idNumber"][0], StringComparison.Ordinal);
        Assert.Contains("出生日期", errors["members[1].idNumber"][0], StringComparison.Ordinal);
        Assert.Contains("11 位", errors["phone"][0], StringComparison.Ordinal);
        Assert.True(errors.ContainsKey("members[1].name"));
        Assert.Empty((await officer.PageAsync<ResidentDto>($"/api/residents?name=孙八")).Items);
    }

    [Fact]
    public async Task ConcurrentEditsOfAHouseholdDoNotOverwriteEachOther()
    {
        var officer = await app.ClientAsync("demo.officer");
        var household = (await CreateAsync(officer, UniqueId(), "13612345678")).Household;
        var first = await officer.PutAsJsonAsync($"/api/households/{household.Id}", new { address = "重庆路88号 1栋1单元102", version = household.Version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await officer.PutAsJsonAsync($"/api/households/{household.Id}", new { address = "重庆路88号 1栋1单元103", version = household.Version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("重庆路88号 1栋1单元102", (await officer.GetJsonAsync<HouseholdDto>($"/api/households/{household.Id}")).Household.Address);
    }

    private static async Task<ImportJobDto> WaitAsync(HttpClient client, string location)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetJsonAsync<ImportJobDto>(location);
            if (job.Status is ImportStatus.Succeeded or ImportStatus.Rejected or ImportStatus.Failed)
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The import did not finish in a minute.");
    }

    private static async Task<(HttpResponseMessage Response, ImportJobDto? Job)> UploadAsync(HttpClient client, byte[] file, string name, string area = "220104001")
    {
        var response = await client.PostAsync($"/api/households/import?area={area}&fileName={name}", new ByteArrayContent(file));
        return response.StatusCode == HttpStatusCode.Accepted ? (response, await WaitAsync(client, response.Headers.Location!.ToString())) : (response, null);
    }

    [Fact]
    public async Task AnImportWithBadRowsImportsNothingAndSaysWhichRowsAndWhy()
    {
        var officer = await app.ClientAsync("demo.officer");
        var (a, b) = (UniqueId(), UniqueId());
        var csv = "网格编码,地址,姓名,身份证号,手机号,与户主关系,标签\n"
            + $"{Grid},重庆路9号 2栋101,周一,{a},13900000001,户主,独居老人\n"
            + $"{Grid},重庆路9号 2栋101,周二,{a[..17]}{(a[17] == '0' ? '1' : '0')},,配偶,\n"
            + $"220106001001001,西安大路1号,周三,{b},,,\n"
            + $"{Grid},重庆路9号 2栋102,周四,{b},12345,表哥,爱心户\n"
            + $"{Grid},,周五,{a},,,\n";
        var (response, job) = await UploadAsync(officer, Encoding.UTF8.GetBytes(csv), "residents.csv");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(ImportStatus.Rejected, job!.Status);
        Assert.Equal((5, 4), (job.RowsRead, job.RowsRejected));
        Assert.Contains(job.Rejects, r => r is { Line: 3, Column: "id_number" } && r.Message.Contains("last character", StringComparison.Ordinal));
        Assert.Contains(job.Rejects, r => r is { Line: 4, Column: "grid_code" });
        Assert.Contains(job.Rejects, r => r is { Line: 5, Column: "phone" });
        Assert.Contains(job.Rejects, r => r is { Line: 5, Column: "relation" });
        Assert.Contains(job.Rejects, r => r is { Line: 5, Column: "tags" });
        Assert.Contains(job.Rejects, r => r is { Line: 6, Column: "address" });
        Assert.Contains(job.Rejects, r => r is { Line: 6, Column: "id_number" } && r.Message.Contains("line 2", StringComparison.Ordinal));
        // Nothing of it, not even the good first row.
        Assert.Empty((await LookupAsync(officer, a)).Items);
        var rejects = await officer.GetStringAsync($"/api/households/import/{job.Id}/rejects.csv");
        Assert.StartsWith("line,column,message", rejects.TrimStart('\uFEFF'), StringComparison.Ordinal);
        // Another station's officer does not see the job, its rejected rows or its page.
        var other = await app.ClientAsync("demo.officer2");
        foreach (var url in new[] { $"/api/households/import/{job.Id}", $"/api/households/import/{job.Id}/rejects.csv", $"/households/import/{job.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        }

        // A file without the required columns says which are missing.
        var (_, headless) = await UploadAsync(officer, Encoding.UTF8.GetBytes("姓名,电话\n张三,13900000000\n"), "wrong.csv");
        Assert.Equal(ImportStatus.Rejected, headless!.Status);
        Assert.Contains("grid_code", headless.Message, StringComparison.Ordinal);

        var wrongType = await officer.PostAsync("/api/households/import?area=220104001&fileName=residents.txt", new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var outside = await officer.PostAsync("/api/households/import?area=220106001&fileName=residents.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
    }

    [Fact]
    public async Task AGoodCsvOrExcelFileBecomesHouseholdsWithTheirMembers()
    {
        var officer = await app.ClientAsync("demo.officer");
        var (a, b, c) = (UniqueId(), UniqueId(), UniqueId());
        var csv = "grid_code,address,name,id_number,phone,relation,tags\n"
            + $"{Grid},重庆路10号 3栋201,吴一,{a},13900000011,户主,\n"
            + $"{Grid},重庆路10号 3栋201,吴二,{b},,配偶,留守儿童\n"
            + $"{Grid},重庆路10号 3栋202,吴三,{c},,,独居老人、低保户\n";
        // As Chinese Excel saves "CSV": GB18030, not UTF-8.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var (_, job) = await UploadAsync(officer, Encoding.GetEncoding("GB18030").GetBytes(csv), "residents.csv");
        Assert.Equal(ImportStatus.Succeeded, job!.Status);
        Assert.Equal((3, 2), (job.ResidentsCreated, job.HouseholdsCreated));
        var wu = Assert.Single((await LookupAsync(officer, b)).Items);
        Assert.Equal(("吴二", Relation.Spouse, HouseholdTags.LeftBehindChild), (wu.Name, wu.Relation, wu.Tags));
        var household = await officer.GetJsonAsync<HouseholdDto>($"/api/households/{wu.HouseholdId}");
        Assert.Equal(2, household.Members.Count);
        Assert.Equal("139****0011", household.Household.PhoneMasked);
        Assert.Equal(HouseholdTags.LeftBehindChild, household.Household.Tags);

        // The same people again: every row is a duplicate of a registered resident.
        var (_, again) = await UploadAsync(officer, Encoding.UTF8.GetBytes(csv), "again.csv");
        Assert.Equal((ImportStatus.Rejected, 3), (again!.Status, again.RowsRejected));

        var d = UniqueId();
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[] { new Dictionary<string, object> { ["网格编码"] = Grid, ["地址"] = "重庆路11号", ["姓名"] = "郑一", ["身份证号"] = d } });
        var (_, excel) = await UploadAsync(officer, xlsx.ToArray(), "residents.xlsx");
        Assert.Equal((ImportStatus.Succeeded, 1), (excel!.Status, excel.ResidentsCreated));
        Assert.Single((await LookupAsync(officer, d)).Items);
    }

    [Fact]
    public async Task AnImportStoppedWhileWritingLeavesNothingBehind()
    {
        var file = Path.Combine(Path.GetTempPath(), $"residents-{Guid.NewGuid():N}.csv");
        Assert.Equal(0, await ResidentCommands.MakeCsvAsync(app.Services, 6000, file, "220104001"));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var before = (await db.Residents.CountAsync(), await db.Households.CountAsync());
        var area = await db.Areas.FirstAsync(x => x.Code == "220104001");
        var job = new ImportJob
        {
            AreaId = area.Id, AreaPath = area.Path, FileName = "stopped.csv", StoredPath = file, Format = ImportFormat.Csv, Culture = "en",
            Status = ImportStatus.Checking, CreatedBy = "test", CreatedAt = DateTime.UtcNow,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();

        // The process "dies" after 5,000 residents were written inside the import's transaction.
        using var stop = new CancellationTokenSource();
        var importer = scope.ServiceProvider.GetRequiredService<ResidentImporter>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            importer.RunAsync(job, p => { if (p.Status == ImportStatus.Importing && p.Percent > 50) { stop.Cancel(); } }, stop.Token));

        await using var check = app.Services.CreateAsyncScope();
        check.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var fresh = check.ServiceProvider.GetRequiredService<AppDb>();
        Assert.Equal(before, (await fresh.Residents.CountAsync(), await fresh.Households.CountAsync()));
        Assert.NotEqual(ImportStatus.Succeeded, (await fresh.ImportJobs.FirstAsync(j => j.Id == job.Id)).Status);
        File.Delete(file);
    }
}

public sealed class SqliteHouseholdTests(SqliteApp app) : HouseholdTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHouseholdTests(PostgresApp app) : HouseholdTests(app), IClassFixture<PostgresApp>;
