using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;

namespace Fengqiao.Features.Visits;

/// <summary>
/// A home-visit campaign (走访活动) — the "100-day home visit to ensure safety". Run by an area
/// (<see cref="AreaPath"/>, the scope key), it covers the areas in <see cref="Areas"/>: every
/// household there is a target, or only those with one of <see cref="TargetTags"/>.
/// </summary>
public sealed class Campaign : IVersioned
{
    public const int NameMax = 100;
    public const int DescriptionMax = 2000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The area that runs the campaign.</summary>
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    /// <summary>None: every household in the covered areas; otherwise households with any of these tags.</summary>
    public HouseholdTags TargetTags { get; set; }
    public int? CreatedById { get; set; }
    public List<CampaignArea> Areas { get; set; } = [];
    public long Version { get; set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && day <= EndsOn;
}

/// <summary>An area a campaign covers (a street, community or grid inside the area that runs it).</summary>
public sealed class CampaignArea
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        // A campaign is seen by the area that runs it and by every area it covers, from below (a station in a
        // province-wide campaign) or above; each caller still counts only the households they can see.
        b.InJurisdiction((c, db) => db.ScopeAll || db.ScopePaths.Any(p => c.AreaPath.StartsWith(p))
            || c.Areas.Any(a => db.ScopePaths.Any(p => a.AreaPath.StartsWith(p) || p.StartsWith(a.AreaPath))));
        b.HasIndex(c => c.AreaPath);
        b.HasIndex(c => new { c.StartsOn, c.EndsOn });
        b.Property(c => c.Name).HasMaxLength(Campaign.NameMax);
        b.Property(c => c.Description).HasMaxLength(Campaign.DescriptionMax);
        b.Property(c => c.AreaPath).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Area).WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Areas).WithOne(a => a.Campaign).HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignAreaConfiguration : IEntityTypeConfiguration<CampaignArea>
{
    public void Configure(EntityTypeBuilder<CampaignArea> b)
    {
        b.ToTable("CampaignAreas");
        b.InJurisdiction((a, db) => db.ScopeAll || db.ScopePaths.Any(p => a.AreaPath.StartsWith(p) || p.StartsWith(a.AreaPath)));
        b.HasIndex(a => new { a.CampaignId, a.AreaId }).IsUnique();
        b.HasIndex(a => a.AreaPath);
        b.Property(a => a.AreaPath).HasMaxLength(200);
        b.HasOne(a => a.Area).WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
