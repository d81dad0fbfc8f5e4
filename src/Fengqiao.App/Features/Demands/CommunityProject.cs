using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Demands;

/// <summary>
/// A community project that meets residents' demands together — the "Heart Weaving Mother"
/// (织心妈妈) knitting team formed after home visits found women and elderly residents who wanted
/// work: its members, the orders it wins, and the demands it answered.
/// </summary>
public sealed class CommunityProject : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    /// <summary>Who backs it, as written (e.g. a women's federation).</summary>
    public required string Sponsor { get; set; }
    public DateOnly StartedOn { get; set; }
    public List<ProjectMember> Members { get; set; } = [];
    public List<ProjectOrder> Orders { get; set; } = [];
    public List<Demand> Demands { get; set; } = [];
    public long Version { get; set; }
}

public sealed class ProjectMember
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public CommunityProject? Project { get; set; }
    public required string Name { get; set; }
    /// <summary>As the team says it: 队长, 技术骨干, 队员.</summary>
    public required string Role { get; set; }
    public DateOnly JoinedOn { get; set; }
}

public sealed class ProjectOrder
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public CommunityProject? Project { get; set; }
    public DateOnly OrderedOn { get; set; }
    public required string Customer { get; set; }
    public required string Item { get; set; }
    public int Quantity { get; set; }
    public decimal AmountYuan { get; set; }
}

internal sealed class CommunityProjectConfiguration : IEntityTypeConfiguration<CommunityProject>
{
    public void Configure(EntityTypeBuilder<CommunityProject> b)
    {
        b.ToTable("CommunityProjects");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(p => p.AreaPath);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.AreaPath).HasMaxLength(200);
        b.Property(p => p.Sponsor).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Area).WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Members).WithOne(m => m.Project).HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Orders).WithOne(o => o.Project).HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> b)
    {
        b.ToTable("ProjectMembers");
        b.InJurisdiction(x => x.Project!.AreaPath);
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.Role).HasMaxLength(50);
    }
}

internal sealed class ProjectOrderConfiguration : IEntityTypeConfiguration<ProjectOrder>
{
    public void Configure(EntityTypeBuilder<ProjectOrder> b)
    {
        b.ToTable("ProjectOrders");
        b.InJurisdiction(x => x.Project!.AreaPath);
        b.Property(o => o.Customer).HasMaxLength(200);
        b.Property(o => o.Item).HasMaxLength(200);
        b.Property(o => o.AmountYuan).HasPrecision(12, 2);
    }
}
