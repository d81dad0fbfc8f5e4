using Fengqiao.Features.Areas;
using System.Text.Json;
using Fengqiao.Infrastructure.Telemetry;

namespace Fengqiao.Features.Households.Import;

public sealed class ImportOptions
{
    public const string Section = "Import";
    /// <summary>Where uploaded files wait for their import (deleted once it finishes).</summary>
    public string Folder { get; set; } = "data/imports";
    public long MaxBytes { get; set; } = 1L << 30;
}

public sealed record ImportJobDto(
    int Id, string FileName, string AreaCode, ImportStatus Status, int Percent, int RowsRead, int RowsRejected, int HouseholdsCreated, int ResidentsCreated,
    string? Message, IReadOnlyList<RejectedRow> Rejects, DateTime CreatedAt, DateTime? FinishedAt, bool HasRejectsFile);

/// <summary>Starting an import (page or API), and reading how it goes.</summary>
public static class ResidentImport
{
    public static WebApplicationBuilder AddResidentImport(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.Section));
        // A relative folder is under the app's content root, like the SQLite file.
        builder.Services.PostConfigure<ImportOptions>(o => o.Folder = Path.Combine(builder.Environment.ContentRootPath, o.Folder));
        builder.Services.AddSingleton<ImportQueue>();
        builder.Services.AddDatabaseGauge("fengqiao.imports.waiting", "Resident imports queued, not yet started",
            (db, ct) => db.Set<ImportJob>().LongCountAsync(j => j.Status == ImportStatus.Queued, ct));
        builder.Services.AddDatabaseGauge("fengqiao.imports.running", "Resident imports being checked or imported",
            (db, ct) => db.Set<ImportJob>().LongCountAsync(j => j.Status == ImportStatus.Checking || j.Status == ImportStatus.Importing, ct));
        builder.Services.AddScoped<ResidentImporter>();
        builder.Services.AddHostedService<ImportWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapResidentImport(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/households/import").WithTags("Households and residents").RequireAuthorization(Policies.Staff);
        g.MapPost("/", Start).WithName("ImportResidents")
            .WithSummary("Upload a CSV or .xlsx file as the request body (?area=CODE&fileName=NAME); the import runs in the background.")
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30));
        g.MapGet("/{id:int}", Get).WithName("GetImport");
        g.MapGet("/{id:int}/rejects.csv", Rejects).WithName("GetImportRejects");
        return app;
    }

    /// <summary>Saves the upload, records the job and queues it. Null with errors in <paramref name="c"/> when it cannot start.</summary>
    public static async Task<ImportJob?> StartAsync(AppDb db, ImportQueue queue, ImportOptions options, Checks c, Stream body, string? fileName, string? areaCode,
        CancellationToken ct)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        c.When(extension is not (".csv" or ".xlsx"), "file", "Choose a .csv or .xlsx file.");
        var area = string.IsNullOrWhiteSpace(areaCode) ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == areaCode, ct);
        c.When(area is null, "area", "Choose an area in your jurisdiction.");
        if (!c.Ok)
        {
            return null;
        }
        Directory.CreateDirectory(options.Folder);
        var stored = Path.GetFullPath(Path.Combine(options.Folder, Guid.NewGuid().ToString("N") + extension));
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        long size;
        await using (var file = new FileStream(stored, fileOptions))
        {
            await body.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
            size = file.Length;
        }
        if (size == 0 || size > options.MaxBytes)
        {
            File.Delete(stored);
            c.Add("file", size == 0 ? "The file is empty." : "The file is larger than {0} MB: split it into smaller files.", options.MaxBytes >> 20);
            return null;
        }
        var job = new ImportJob
        {
            AreaId = area!.Id, AreaPath = area.Path, FileName = Path.GetFileName(fileName!), StoredPath = stored,
            Format = extension == ".csv" ? ImportFormat.Csv : ImportFormat.Xlsx, Culture = CultureInfo.CurrentUICulture.Name is "zh-CN" ? "zh-CN" : "en",
            Status = ImportStatus.Queued, CreatedBy = db.Jurisdiction.UserName ?? "system", CreatedAt = DateTime.UtcNow,
        };
        db.Set<ImportJob>().Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return job;
    }

    /// <summary>A job the caller may see (its area is in their jurisdiction), with its live progress.</summary>
    public static async Task<ImportJobDto?> FindAsync(AppDb db, ImportQueue queue, int id, CancellationToken ct)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return null;
        }
        var code = await db.Areas.IgnoreQueryFilters().Where(a => a.Id == job.AreaId).Select(a => a.Code).FirstAsync(ct);
        var live = queue.Progress(id);
        var percent = job.Status switch
        {
            ImportStatus.Succeeded => 100,
            ImportStatus.Rejected or ImportStatus.Failed => 100,
            _ => live?.Percent ?? 0,
        };
        return new ImportJobDto(job.Id, job.FileName, code, live?.Status is { } s && job.Status is ImportStatus.Checking or ImportStatus.Importing ? s : job.Status,
            percent, live?.RowsRead ?? job.RowsRead, live?.RowsRejected ?? job.RowsRejected, job.HouseholdsCreated, job.ResidentsCreated, job.Message,
            job.RejectsJson is null ? [] : JsonSerializer.Deserialize<List<RejectedRow>>(job.RejectsJson) ?? [], job.CreatedAt, job.FinishedAt,
            File.Exists(job.StoredPath + ".rejects.csv"));
    }

    /// <summary>The caller's recent imports.</summary>
    public static Task<List<ImportJob>> RecentAsync(AppDb db, CancellationToken ct) =>
        db.Set<ImportJob>().AsNoTracking().OrderByDescending(j => j.Id).Take(20).ToListAsync(ct);

    private static async Task<Results<Accepted<ImportJobDto>, ValidationProblem>> Start(AppDb db, ImportQueue queue, IOptions<ImportOptions> options,
        ChecksFactory checks, HttpContext http, string? area, string? fileName, CancellationToken ct)
    {
        var c = checks.Create();
        var job = await StartAsync(db, queue, options.Value, c, http.Request.Body, fileName, area, ct);
        return job is null ? c.Problem() : TypedResults.Accepted($"/api/households/import/{job.Id}", (await FindAsync(db, queue, job.Id, ct))!);
    }

    private static async Task<Results<Ok<ImportJobDto>, NotFound>> Get(AppDb db, ImportQueue queue, int id, CancellationToken ct) =>
        await FindAsync(db, queue, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> Rejects(AppDb db, ImportQueue queue, int id, CancellationToken ct)
    {
        var dto = await FindAsync(db, queue, id, ct);
        var path = dto is null ? null : await db.Set<ImportJob>().Where(j => j.Id == id).Select(j => j.StoredPath + ".rejects.csv").FirstAsync(ct);
        return path is not null && File.Exists(path) ? TypedResults.PhysicalFile(path, "text/csv", $"rejected-rows-{id}.csv") : TypedResults.NotFound();
    }
}
