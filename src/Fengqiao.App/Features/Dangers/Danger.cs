using Fengqiao.Features.Areas;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.People;

namespace Fengqiao.Features.Dangers;

public enum DangerKind
{
    FallingObject = 1,
    Fire = 2,
    Electrical = 3,
    Gas = 4,
    Traffic = 5,
    Building = 6,
    PublicOrder = 7,
    Other = 8,
}

public enum DangerStatus
{
    Open = 1,
    Rectified = 2,
    Verified = 3,
}

/// <summary>
/// A hidden danger (安全隐患) — the pigeon plate on the balcony. Found on a visit or from a dispute,
/// rectified by a responsible party by a deadline, and closed only when someone verifies it is gone.
/// </summary>
public sealed class Danger : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public DangerKind Kind { get; set; }
    public required string Description { get; set; }
    public string? Address { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    public required string ResponsibleParty { get; set; }
    public DateOnly RectifyBy { get; set; }
    public DangerStatus Status { get; set; }
    public int? DisputeId { get; set; }
    public Dispute? Dispute { get; set; }
    public int? FoundById { get; set; }
    public Person? FoundBy { get; set; }
    public DateOnly FoundOn { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public string? RectifiedBy { get; set; }
    public string? RectificationNote { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    public int? VerifiedById { get; set; }
    public Person? VerifiedBy { get; set; }
    /// <summary>When it was handed to the responsible party, and what they answered (with their own date, <see cref="RectifyBy"/>).</summary>
    public DateOnly? ReferredOn { get; set; }
    public string? PartyAnswer { get; set; }
    /// <summary>The judgement (研判): how serious, what is to be done, and who decided.</summary>
    public RiskColour? Risk { get; set; }
    public string? Measures { get; set; }
    public int? AssessedById { get; set; }
    public Person? AssessedBy { get; set; }
    public long Version { get; set; }
    /// <summary>The id the officer's phone gave the draft: a replay of the same draft finds this danger instead of making another.</summary>
    public Guid? ClientId { get; set; }
}

internal sealed class DangerConfiguration : IEntityTypeConfiguration<Danger>
{
    public void Configure(EntityTypeBuilder<Danger> b)
    {
        b.ToTable("Dangers");
        b.InJurisdiction(d => d.AreaPath);
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => d.AreaPath);
        b.HasIndex(d => d.ClientId).IsUnique();
        b.HasIndex(d => new { d.Status, d.RectifyBy });
        b.Property(d => d.Code).HasMaxLength(40);
        b.Property(d => d.Description).HasMaxLength(2000);
        b.Property(d => d.Address).HasMaxLength(200);
        b.Property(d => d.AreaPath).HasMaxLength(200);
        b.Property(d => d.ResponsibleParty).HasMaxLength(200);
        b.Property(d => d.RectifiedBy).HasMaxLength(300);
        b.Property(d => d.RectificationNote).HasMaxLength(2000);
        b.Property(d => d.PartyAnswer).HasMaxLength(1000);
        b.Property(d => d.Measures).HasMaxLength(1000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne(d => d.Area).WithMany().HasForeignKey(d => d.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Dispute).WithMany().HasForeignKey(d => d.DisputeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.FoundBy).WithMany().HasForeignKey(d => d.FoundById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.VerifiedBy).WithMany().HasForeignKey(d => d.VerifiedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.AssessedBy).WithMany().HasForeignKey(d => d.AssessedById).OnDelete(DeleteBehavior.Restrict);
    }
}
