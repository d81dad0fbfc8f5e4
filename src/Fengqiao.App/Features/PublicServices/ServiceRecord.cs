namespace Fengqiao.Features.PublicServices;

public enum RecordStatus
{
    Received = 1,
    InProgress = 2,
    Completed = 3,
    Rejected = 4,
    Transferred = 5,
}

/// <summary>One service handled for a resident, with its legal time limit in working days.</summary>
public sealed class ServiceRecord : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int OutletId { get; set; }
    public Outlet? Outlet { get; set; }
    public required string AreaPath { get; set; }
    public required string ServiceCode { get; set; }
    public string? BundleCode { get; set; }
    public required string ResidentName { get; set; }
    public string? UserId { get; set; }
    public int? TicketId { get; set; }
    public int? AppointmentId { get; set; }
    public RecordStatus Status { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly? FinishedOn { get; set; }
    public string? RejectionReason { get; set; }
    public int? TransferredToOutletId { get; set; }
    public int? ClerkPersonId { get; set; }
    /// <summary>Which required materials were seen, as 0/1 per material in catalogue order.</summary>
    public string MaterialsChecked { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>好差评: five levels, with the counter's questions. Levels 1 and 2 are bad reviews.</summary>
public sealed class Review
{
    public int Id { get; set; }
    public int ServiceRecordId { get; set; }
    public ServiceRecord? ServiceRecord { get; set; }
    public int OutletId { get; set; }
    public required string AreaPath { get; set; }
    public int? ClerkPersonId { get; set; }
    public int Overall { get; set; }
    public int Efficiency { get; set; }
    public int Attitude { get; set; }
    public int ServiceLevel { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset At { get; set; }
    public DateOnly Day { get; set; }
    public AppealStatus Appeal { get; set; }
    public string? AppealReason { get; set; }

    public bool IsBad => Overall <= 2;
}

public enum AppealStatus
{
    None = 0,
    Pending = 1,
    /// <summary>The review was found mistaken or malicious: it no longer counts.</summary>
    Upheld = 2,
    Rejected = 3,
}

public enum RectificationStatus
{
    Open = 1,
    Rectified = 2,
    Closed = 3,
}

/// <summary>A bad review's rectification: the outlet fixes the cause within 15 working days and follows up with the resident.</summary>
public sealed class Rectification : IVersioned
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public Review? Review { get; set; }
    public int OutletId { get; set; }
    public required string AreaPath { get; set; }
    public DateOnly DueDate { get; set; }
    public RectificationStatus Status { get; set; }
    public string? Measures { get; set; }
    public string? FollowUpNote { get; set; }
    public bool? ResidentSatisfied { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public long Version { get; set; }
}

internal sealed class ServiceRecordConfiguration :
    IEntityTypeConfiguration<ServiceRecord>, IEntityTypeConfiguration<Review>, IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> b)
    {
        b.ToTable("ServiceRecords");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(r => r.Code).IsUnique();
        b.HasIndex(r => r.AreaPath);
        b.HasIndex(r => new { r.OutletId, r.ReceivedOn });
        b.HasIndex(r => new { r.Status, r.DueDate });
        b.HasIndex(r => r.UserId);
        b.Property(r => r.Code).HasMaxLength(40);
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.Property(r => r.ServiceCode).HasMaxLength(20);
        b.Property(r => r.BundleCode).HasMaxLength(20);
        b.Property(r => r.ResidentName).HasMaxLength(50);
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.RejectionReason).HasMaxLength(500);
        b.Property(r => r.MaterialsChecked).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Outlet).WithMany().HasForeignKey(r => r.OutletId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.ToTable("Reviews");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.Property(r => r.Comment).HasMaxLength(1000);
        b.Property(r => r.AppealReason).HasMaxLength(500);
        b.HasIndex(r => r.ServiceRecordId).IsUnique();
        b.HasIndex(r => new { r.OutletId, r.Day });
        b.HasOne(r => r.ServiceRecord).WithMany().HasForeignKey(r => r.ServiceRecordId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("Rectifications");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.Property(r => r.Measures).HasMaxLength(2000);
        b.Property(r => r.FollowUpNote).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.ReviewId).IsUnique();
        b.HasIndex(r => new { r.Status, r.DueDate });
        b.HasOne(r => r.Review).WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
