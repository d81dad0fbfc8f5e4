namespace Fengqiao.Features.Households.Import;

public enum ImportStatus
{
    Queued = 1,
    Checking = 2,
    Importing = 3,
    Succeeded = 4,
    Rejected = 5,
    Failed = 6,
}

public enum ImportFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>
/// One bulk import of residents into an area. Rows are all checked first; if any is rejected,
/// nothing is imported and the job lists why. The rows go in as one transaction, and the job is
/// marked Succeeded in that same transaction: a crash leaves either everything or nothing.
/// </summary>
public sealed class ImportJob : Fengqiao.Infrastructure.Data.INotAudited
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public required string AreaPath { get; set; }
    public required string FileName { get; set; }
    public required string StoredPath { get; set; }
    public ImportFormat Format { get; set; }
    public required string Culture { get; set; }
    public ImportStatus Status { get; set; }
    public int RowsRead { get; set; }
    public int RowsRejected { get; set; }
    public int HouseholdsCreated { get; set; }
    public int ResidentsCreated { get; set; }
    /// <summary>The first rejected rows as JSON (line, column, message); all of them are in the rejects file.</summary>
    public string? RejectsJson { get; set; }
    public string? Message { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("ImportJobs");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(j => j.AreaPath);
        b.HasIndex(j => j.Status);
        b.Property(j => j.AreaPath).HasMaxLength(200);
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.StoredPath).HasMaxLength(500);
        b.Property(j => j.Culture).HasMaxLength(10);
        b.Property(j => j.Message).HasMaxLength(2000);
        b.Property(j => j.CreatedBy).HasMaxLength(256);
    }
}

/// <summary>A rejected row: the line in the file (header = line 1), the column, and why.</summary>
public sealed record RejectedRow(int Line, string Column, string Message);
