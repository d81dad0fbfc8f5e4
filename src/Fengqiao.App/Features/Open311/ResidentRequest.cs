namespace Fengqiao.Features.Open311;

public enum RequestStatus
{
    /// <summary>Received, routed to a station, waiting for staff.</summary>
    Submitted = 1,
    /// <summary>Staff turned it into a dispute case.</summary>
    BecameDispute = 2,
    /// <summary>Staff turned it into a hidden danger.</summary>
    BecameDanger = 3,
    /// <summary>Staff recorded it as a demand (referred to the unit that can meet it).</summary>
    BecameDemand = 4,
    /// <summary>Staff passed it on as a confidential tip.</summary>
    BecameTip = 5,
    /// <summary>Closed with a reason (duplicate, not a police matter …).</summary>
    Closed = 6,
}

/// <summary>
/// A resident's report (Open311 service request) — from any Open311 client or the resident
/// portal. Located to its grid by point-in-polygon, routed to the station that answers for it,
/// then turned by staff into a dispute, danger, demand or tip; residents follow it by its code.
/// Contact details are stored but never appear in a public response.
/// </summary>
public sealed class ResidentRequest : IVersioned
{
    public int Id { get; set; }
    /// <summary>Public id, also the tracking code residents follow it by.</summary>
    public required string Code { get; set; }
    public required string ServiceCode { get; set; }
    public required string Description { get; set; }
    public double? Lat { get; set; }
    public double? Lng { get; set; }
    public string? AddressString { get; set; }
    public string? AddressId { get; set; }
    public int? AreaId { get; set; }
    /// <summary>The grid's path: the receiving station's worklist filter.</summary>
    public required string AreaPath { get; set; }
    public int? StationUnitId { get; set; }
    public RequestStatus Status { get; set; }
    /// <summary>What the public sees of progress (never contact details).</summary>
    public string? StatusNotes { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateOnly? ExpectedOn { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>Encrypted (<see cref="Infrastructure.Privacy.FieldProtector"/>): read only to answer the reporter.</summary>
    public string? Email { get; set; }
    /// <summary>Encrypted, like <see cref="Email"/>.</summary>
    public string? Phone { get; set; }
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }
    /// <summary>The reporter asked that their name not be shown, even to staff lists.</summary>
    public bool Anonymous { get; set; }
    /// <summary>Extra answers to the service's attributes, as JSON.</summary>
    public string? AttributesJson { get; set; }
    /// <summary>The resident portal account, when signed in.</summary>
    public string? UserId { get; set; }
    public string? ApiKeyName { get; set; }
    public int? DisputeId { get; set; }
    public int? DangerId { get; set; }
    public int? DemandId { get; set; }
    public int? TipId { get; set; }
    /// <summary>The reporter's language (zh-CN or en): what they are written to in.</summary>
    public string? Language { get; set; }
    /// <summary>The reporter's rating of the handling (1–5), from the resolution notice's link (回访).</summary>
    public int? Rating { get; set; }
    public string? FeedbackComment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    /// <summary>When the reporter last said the matter was not resolved (which reopened it).</summary>
    public DateTimeOffset? NotResolvedAt { get; set; }
    /// <summary>The system it came in from through a bridge (<c>12345</c>, the hotline), or null for Open311 and the portal.</summary>
    public string? Bridge { get; set; }
    /// <summary>That system's own number for it (the 12345 work order's 工单号): its key for intake, and what goes back out with the answer.</summary>
    public string? BridgeOrder { get; set; }
    public long Version { get; set; }
}

internal sealed class ResidentRequestConfiguration : IEntityTypeConfiguration<ResidentRequest>
{
    public void Configure(EntityTypeBuilder<ResidentRequest> b)
    {
        b.ToTable("ResidentRequests");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(r => r.Code).IsUnique();
        b.HasIndex(r => r.AreaPath);
        b.HasIndex(r => new { r.Status, r.RequestedAt });
        b.HasIndex(r => r.UserId);
        b.HasIndex(r => new { r.Bridge, r.BridgeOrder }).IsUnique();
        b.Property(r => r.Code).HasMaxLength(40);
        b.Property(r => r.ServiceCode).HasMaxLength(40);
        b.Property(r => r.Description).HasMaxLength(4000);
        b.Property(r => r.AddressString).HasMaxLength(300);
        b.Property(r => r.AddressId).HasMaxLength(100);
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.Property(r => r.StatusNotes).HasMaxLength(1000);
        b.Property(r => r.FirstName).HasMaxLength(50);
        b.Property(r => r.LastName).HasMaxLength(50);
        b.Property(r => r.Email).HasMaxLength(400);
        b.Property(r => r.Phone).HasMaxLength(200);
        b.Property(r => r.DeviceId).HasMaxLength(100);
        b.Property(r => r.AccountId).HasMaxLength(100);
        b.Property(r => r.AttributesJson).HasMaxLength(4000);
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.ApiKeyName).HasMaxLength(50);
        b.Property(r => r.Language).HasMaxLength(10);
        b.Property(r => r.FeedbackComment).HasMaxLength(1000);
        b.Property(r => r.Bridge).HasMaxLength(20);
        b.Property(r => r.BridgeOrder).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}
