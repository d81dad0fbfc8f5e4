using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Tests.Infrastructure;
using Fengqiao.Tools.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Fengqiao.Tests.Features.People;

/// <summary>
/// <c>import-staff</c> fills an empty (production) database from the personnel department's workbook: all or nothing,
/// every problem named by sheet, row and column, and a second import of the same workbook changes nothing.
/// </summary>
public abstract class StaffImportTests(FengqiaoApp app)
{
    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value);

    private static string Workbook(Dictionary<string, object> sheets)
    {
        var path = Path.Combine(Path.GetTempPath(), $"staff-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, sheets);
        return path;
    }

    private static Dictionary<string, object> Chongqing() => new()
    {
        ["Areas"] = new List<Dictionary<string, object?>>
        {
            // Children before parents on purpose, levels in either language.
            Row(("code", "220104001001001"), ("parent_code", "220104001001"), ("name_zh", "富北社区第一网格"), ("name_en", "Fubei Grid 1"), ("level", "网格"), ("lat", null), ("lng", null)),
            Row(("code", "22"), ("parent_code", null), ("name_zh", "吉林省"), ("name_en", "Jilin Province"), ("level", "Province"), ("lat", 43.9), ("lng", 125.3)),
            Row(("code", "2201"), ("parent_code", "22"), ("name_zh", "长春市"), ("name_en", "Changchun"), ("level", "City"), ("lat", null), ("lng", null)),
            Row(("code", "220104"), ("parent_code", "2201"), ("name_zh", "朝阳区"), ("name_en", "Chaoyang District"), ("level", "区"), ("lat", null), ("lng", null)),
            Row(("code", "220104001"), ("parent_code", "220104"), ("name_zh", "重庆路街道"), ("name_en", "Chongqing Road Street"), ("level", "Township"), ("lat", null), ("lng", null)),
            Row(("code", "220104001001"), ("parent_code", "220104001"), ("name_zh", "富北社区"), ("name_en", "Fubei Community"), ("level", "社区"), ("lat", null), ("lng", null)),
        },
        ["Units"] = new List<Dictionary<string, object?>>
        {
            Row(("code", "CQ-PS"), ("name_zh", "重庆路派出所"), ("name_en", "Chongqing Road Police Station"), ("kind", "PoliceStation"), ("area_code", "220104001"), ("parent_code", "JL-PSD"), ("address", "重庆路1号")),
            Row(("code", "JL-PSD"), ("name_zh", "吉林省公安厅"), ("name_en", "Jilin Provincial Public Security Department"), ("kind", "省公安厅"), ("area_code", "22"), ("parent_code", null), ("address", null)),
            Row(("code", "FB-CC"), ("name_zh", "富北社区两委"), ("name_en", "Fubei Community Committees"), ("kind", "社区两委"), ("area_code", "220104001001"), ("parent_code", null), ("address", null)),
        },
        ["People"] = new List<Dictionary<string, object?>>
        {
            Row(("警号", "220001"), ("姓名", "魏东"), ("英文姓名", "Wei Dong"), ("人员类别", "民警"), ("所在单位代码", "CQ-PS"), ("从业年份", 2005), ("身份证号", "220104198001010011")),
            Row(("警号", null), ("姓名", "刘晓燕"), ("英文姓名", "Liu Xiaoyan"), ("人员类别", "GridOfficer"), ("所在单位代码", "FB-CC"), ("从业年份", null), ("身份证号", null)),
        },
        ["Posts"] = new List<Dictionary<string, object?>>
        {
            Row(("badge_number", "220001"), ("name_zh", "魏东"), ("home_unit_code", null), ("unit_code", "CQ-PS"), ("role", "CommunityPolice"), ("title", "社区民警"), ("part_time", null), ("start_date", new DateTime(2020, 1, 1)), ("end_date", null)),
            Row(("badge_number", "220001"), ("name_zh", "魏东"), ("home_unit_code", null), ("unit_code", "FB-CC"), ("role", "CommitteeDeputyDirector"), ("title", "社区副主任"), ("part_time", "是"), ("start_date", "2021-03-01"), ("end_date", null)),
            Row(("badge_number", null), ("name_zh", "刘晓燕"), ("home_unit_code", "FB-CC"), ("unit_code", "FB-CC"), ("role", "网格员"), ("title", null), ("part_time", "否"), ("start_date", "2022-05-01"), ("end_date", null)),
        },
    };

    private async Task<(int Code, string Output)> ImportAsync(string path, string language = "en")
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        using var output = new StringWriter();
        var code = await StaffCommands.RunAsync(app.Services, path, language, output);
        return (code, output.ToString());
    }

    private async Task<T> ReadAsync<T>(Func<AppDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Jurisdiction.GrantAll();
        return await read(db);
    }

    private Task<string> CountsAsync() => ReadAsync(async db =>
        $"{await db.Areas.CountAsync()} areas, {await db.Units.CountAsync()} units, {await db.People.CountAsync()} people, {await db.Posts.CountAsync()} posts");

    [Fact]
    public async Task TheWorkbookFillsAnEmptyDatabaseAndAReimportDuplicatesNothing()
    {
        var path = Workbook(Chongqing());

        var (code, output) = await ImportAsync(path);

        Assert.True(code == 0, output);
        Assert.Contains("Created: 6 areas, 3 units, 2 people, 3 posts. Updated: 0 areas", output, StringComparison.Ordinal);
        Assert.Contains("People!身份证号", output, StringComparison.Ordinal);
        var grid = await ReadAsync(db => db.Areas.SingleAsync(a => a.Code == "220104001001001"));
        Assert.Equal("/22/2201/220104/220104001/220104001001/220104001001001/", grid.Path);
        var station = await ReadAsync(db => db.Units.Include(u => u.ParentUnit).SingleAsync(u => u.Code == "CQ-PS"));
        Assert.Equal((UnitKind.PoliceStation, "/22/2201/220104/220104001/", "JL-PSD"), (station.Kind, station.AreaPath, station.ParentUnit!.Code));
        var wei = await ReadAsync(db => db.People.Include(p => p.Posts).ThenInclude(p => p.Unit).SingleAsync(p => p.BadgeNumber == "220001"));
        Assert.Equal((PersonKind.PoliceOfficer, 2005, station.Id), (wei.Kind, wei.ServiceSinceYear, wei.HomeUnitId));
        var deputy = Assert.Single(wei.Posts, p => p.Role == PostRole.CommitteeDeputyDirector);
        Assert.Equal(("FB-CC", "/22/2201/220104/220104001/220104001001/", true, new DateOnly(2021, 3, 1)), (deputy.Unit!.Code, deputy.AreaPath, deputy.PartTime, deputy.StartDate));
        Assert.Equal(new DateOnly(2020, 1, 1), Assert.Single(wei.Posts, p => p.Role == PostRole.CommunityPolice).StartDate);
        var liu = await ReadAsync(db => db.People.Include(p => p.Posts).SingleAsync(p => p.NameZh == "刘晓燕"));
        Assert.Equal((PersonKind.GridOfficer, PostRole.GridOfficer), (liu.Kind, Assert.Single(liu.Posts).Role));
        var counts = await CountsAsync();

        var (again, secondOutput) = await ImportAsync(path);

        Assert.True(again == 0, secondOutput);
        Assert.Contains("Created: 0 areas, 0 units, 0 people, 0 posts. Updated: 0 areas, 0 units, 0 people, 0 posts.", secondOutput, StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());

        // A changed name is an update of the same record, not a new one.
        var renamed = Chongqing();
        ((List<Dictionary<string, object?>>)renamed["Units"])[0]["name_en"] = "Chongqing Road Station";
        var (third, thirdOutput) = await ImportAsync(Workbook(renamed));
        Assert.True(third == 0, thirdOutput);
        Assert.Contains("Updated: 0 areas, 1 units, 0 people, 0 posts.", thirdOutput, StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal("Chongqing Road Station", (await ReadAsync(db => db.Units.SingleAsync(u => u.Code == "CQ-PS"))).NameEn);
    }

    [Fact]
    public async Task OneBadRowWritesNothingAndIsNamedBySheetRowAndColumnInTheReadersLanguage()
    {
        var sheets = new Dictionary<string, object>
        {
            ["Areas"] = new List<Dictionary<string, object?>>
            {
                Row(("code", "23"), ("parent_code", null), ("name_zh", "黑龙江省"), ("name_en", "Heilongjiang"), ("level", "Province")),
                Row(("code", "2301"), ("parent_code", "23"), ("name_zh", "哈尔滨市"), ("name_en", "Harbin"), ("level", "City")),
            },
            ["Units"] = new List<Dictionary<string, object?>>
            {
                Row(("code", "HRB-PSB"), ("name_zh", "哈尔滨市公安局"), ("name_en", "Harbin Public Security Bureau"), ("kind", "CityBureau"), ("area_code", "2301")),
                Row(("code", "HRB-X"), ("name_zh", "某单位"), ("name_en", "Some unit"), ("kind", "Nonsense"), ("area_code", "2301")),
            },
            ["People"] = new List<Dictionary<string, object?>>
            {
                Row(("badge_number", "230001"), ("name_zh", "张三"), ("name_en", "Zhang San"), ("kind", "PoliceOfficer"), ("home_unit_code", "HRB-PSB")),
            },
        };
        var before = await CountsAsync();

        var (code, output) = await ImportAsync(Workbook(sheets), "zh-CN");

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("工作表\t行\t列\t问题", lines[0]);
        Assert.Equal("Units\t3\tkind\t请选择单位类型。", Assert.Single(lines[1..^1]));
        Assert.Contains("未写入任何数据", lines[^1], StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.False(await ReadAsync(db => db.Areas.AnyAsync(a => a.Code == "23")));
    }
}

public sealed class SqliteStaffImportTests(ProductionSqliteApp app) : StaffImportTests(app), IClassFixture<ProductionSqliteApp>;

public sealed class PostgresStaffImportTests(ProductionPostgresApp app) : StaffImportTests(app), IClassFixture<ProductionPostgresApp>;
