using Fengqiao.Features.Households;
using Fengqiao.Features.People;

namespace Fengqiao.Features.Visits;

/// <summary>
/// A home visit (入户走访): who knocked on which door when, with whom, what the officer wrote in
/// the notepad (民情日志), whether anti-fraud advice was given, and what the visit produced — a
/// demand, a dispute case, a hidden danger.
/// </summary>
public sealed class Visit : IVersioned
{
    public const int NotesMax = 4000;
    public const int CompanionMax = 100;

    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    /// <summary>Copied from the household when the visit is logged.</summary>
    public required string AreaPath { get; set; }
    public int? CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    /// <summary>UTC.</summary>
    public DateTime VisitedAt { get; set; }
    /// <summary>The person who logged the visit.</summary>
    public int OfficerId { get; set; }
    public Person? Officer { get; set; }
    /// <summary>The community cadre or grid officer who came along.</summary>
    public string? CompanionName { get; set; }
    public required string Notes { get; set; }
    public bool AntiFraudGiven { get; set; }
    public int? DemandId { get; set; }
    public int? DisputeId { get; set; }
    public int? DangerId { get; set; }
    public long Version { get; set; }
    /// <summary>The id the officer's phone gave the draft: a replay of the same draft finds this visit instead of making another.</summary>
    public Guid? ClientId { get; set; }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("Visits");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(v => v.AreaPath);
        b.HasIndex(v => new { v.CampaignId, v.HouseholdId });
        b.HasIndex(v => v.VisitedAt);
        b.HasIndex(v => v.HouseholdId);
        b.HasIndex(v => v.OfficerId);
        b.HasIndex(v => v.ClientId).IsUnique();
        b.Property(v => v.AreaPath).HasMaxLength(200);
        b.Property(v => v.CompanionName).HasMaxLength(Visit.CompanionMax);
        b.Property(v => v.Notes).HasMaxLength(Visit.NotesMax);
        // Stored as UTC; read back as UTC on every provider (SQLite has no kind of its own).
        b.Property(v => v.VisitedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne(v => v.Household).WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.Campaign).WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.Officer).WithMany().HasForeignKey(v => v.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}
