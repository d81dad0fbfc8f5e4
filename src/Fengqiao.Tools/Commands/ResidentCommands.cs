using Fengqiao.Features.Households;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Households.Import;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Tools.Commands;

/// <summary>
/// Operator commands for residents: <c>import-residents FILE AREA</c> runs an import in the foreground
/// with its progress; <c>make-residents-csv ROWS FILE AREA</c> writes a valid test file (benchmarks);
/// <c>reencrypt</c> moves every encrypted field to the current key after a key rotation.
/// </summary>
public static class ResidentCommands
{
    public static Command ImportResidents(Func<IServiceProvider> services)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file: grid_code, address, name, id_number, phone, relation, tags." };
        file.AcceptExistingOnly();
        var area = new Argument<string>("AREA_CODE") { Description = "The area whose grids the residents live in." };
        var command = new Command("import-residents", "Imports residents in the foreground, all or nothing, with its progress.") { file, area };
        command.SetAction(async (r, ct) =>
        {
            var sp = services();
            await sp.PrepareDatabaseAsync(ct);
            return await ImportAsync(sp, r.GetValue(file)!.FullName, r.GetValue(area)!);
        });
        return command;
    }

    public static Command MakeResidentsCsv(Func<IServiceProvider> services)
    {
        var rows = new Argument<int>("ROWS") { Description = "How many residents." };
        rows.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("ROWS must be at least 1.");
            }
        });
        var file = new Argument<string>("FILE") { Description = "The CSV file to write." };
        var area = new Argument<string>("AREA_CODE") { Description = "The area whose grids the residents live in." };
        var command = new Command("make-residents-csv", "Writes a valid, repeatable file of made-up residents for import-residents (benchmarks).") { rows, file, area };
        command.SetAction(async (r, ct) =>
        {
            var sp = services();
            await sp.PrepareDatabaseAsync(ct);
            return await MakeCsvAsync(sp, r.GetValue(rows), r.GetValue(file)!, r.GetValue(area)!);
        });
        return command;
    }

    public static Command Reencrypt(Func<IServiceProvider> services)
    {
        var command = new Command("reencrypt", "Moves every encrypted field to the current key (Privacy:CurrentKey) after a key rotation.");
        command.SetAction(async (_, ct) =>
        {
            var sp = services();
            await sp.PrepareDatabaseAsync(ct);
            return await ReencryptAsync(sp);
        });
        return command;
    }

    public static async Task<int> ImportAsync(IServiceProvider services, string file, string areaCode)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Code == areaCode);
        if (area is null)
        {
            await Console.Error.WriteLineAsync($"There is no area {areaCode}.");
            return ToolCommands.Failed;
        }
        var job = new ImportJob
        {
            AreaId = area.Id, AreaPath = area.Path, FileName = Path.GetFileName(file), StoredPath = Path.GetFullPath(file),
            Format = file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Xlsx : ImportFormat.Csv,
            Culture = "en", Status = ImportStatus.Checking, CreatedBy = "cli", CreatedAt = DateTime.UtcNow, StartedAt = DateTime.UtcNow,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        var clock = Stopwatch.StartNew();
        var lastShown = TimeSpan.Zero;
        var checkedAt = TimeSpan.Zero;
        await scope.ServiceProvider.GetRequiredService<ResidentImporter>().RunAsync(job, p =>
        {
            if (p.Status == ImportStatus.Importing && checkedAt == TimeSpan.Zero)
            {
                checkedAt = clock.Elapsed;
            }
            if (clock.Elapsed - lastShown > TimeSpan.FromSeconds(2))
            {
                lastShown = clock.Elapsed;
                Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0}s {p.Status,-9} {p.Percent,3}% {p.RowsRead,9:N0} rows {p.RowsRejected:N0} rejected");
            }
        }, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(job.Message);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{job.Status}: {job.RowsRead:N0} rows in {seconds:0.0} s = {job.RowsRead / seconds:N0} rows/s (checking {checkedAt.TotalSeconds:0.0} s, writing {seconds - checkedAt.TotalSeconds:0.0} s)"));
        return job.Status == ImportStatus.Succeeded ? 0 : 1;
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];

    /// <summary>A deterministic file of valid, distinct residents in the area's grids (ID sequence digits 500–999, which the demo never uses).</summary>
    public static async Task<int> MakeCsvAsync(IServiceProvider services, int rows, string file, string areaCode)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var prefix = db.SubtreePrefix(areaCode);
        var grids = await db.Areas.Where(a => a.Path.StartsWith(prefix) && a.Level == AreaLevel.Grid).Select(a => a.Code).OrderBy(c => c).ToListAsync();
        if (grids.Count == 0)
        {
            await Console.Error.WriteLineAsync($"There are no grids under {areaCode}.");
            return ToolCommands.Failed;
        }
        var rng = new Random(20240524);
        var used = new HashSet<string>(StringComparer.Ordinal);
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("grid_code,address,name,id_number,phone,relation,tags");
        var written = 0;
        var householdNo = 0;
        while (written < rows)
        {
            householdNo++;
            var grid = grids[householdNo % grids.Count];
            var address = $"幸福路{householdNo / grids.Count + 1}号";
            var size = Math.Min(rows - written, rng.Next(1, 6));
            for (var m = 0; m < size; m++)
            {
                string id;
                do
                {
                    var birth = new DateOnly(rng.Next(1940, 2024), rng.Next(1, 13), rng.Next(1, 29));
                    var first17 = string.Create(CultureInfo.InvariantCulture, $"{grid[..6]}{birth:yyyyMMdd}{rng.Next(500, 1000):000}");
                    id = first17 + ChineseIdNumber.CheckChar(first17);
                }
                while (!used.Add(id));
                var phone = m == 0 ? string.Create(CultureInfo.InvariantCulture, $"13{rng.Next(100000000, 1000000000)}") : "";
                var relation = m == 0 ? "户主" : m == 1 ? "配偶" : "子女";
                var tags = size == 1 && m == 0 && rng.Next(3) == 0 ? "独居老人" : "";
                await writer.WriteLineAsync($"{grid},{address},{Surnames[rng.Next(Surnames.Length)]}{Given[rng.Next(Given.Length)]},{id},{phone},{relation},{tags}");
                written++;
            }
        }
        Console.WriteLine($"{written:N0} rows in {grids.Count:N0} grids written to {file}.");
        return ToolCommands.Ok;
    }

    /// <summary>Re-encrypts fields written with an older key, in batches, after the current key changed.</summary>
    public static async Task<int> ReencryptAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var current = protector.CurrentKeyId + ":";
        var changed = 0;
        while (true)
        {
            var batch = await db.Residents.Where(r => !r.IdCipher.StartsWith(current) || (r.PhoneCipher != null && !r.PhoneCipher.StartsWith(current)))
                .OrderBy(r => r.Id).Take(1000).ToListAsync();
            var households = await db.Households.Where(h => h.PhoneCipher != null && !h.PhoneCipher.StartsWith(current)).OrderBy(h => h.Id).Take(1000).ToListAsync();
            if (batch.Count == 0 && households.Count == 0)
            {
                break;
            }
            foreach (var r in batch)
            {
                r.IdCipher = protector.Protect(protector.Unprotect(r.IdCipher));
                r.PhoneCipher = r.PhoneCipher is null ? null : protector.Protect(protector.Unprotect(r.PhoneCipher));
            }
            foreach (var h in households)
            {
                h.PhoneCipher = protector.Protect(protector.Unprotect(h.PhoneCipher!));
            }
            await db.SaveChangesAsync();
            changed += batch.Count + households.Count;
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"{changed:N0} records re-encrypted with key {protector.CurrentKeyId}.");
        return ToolCommands.Ok;
    }
}
