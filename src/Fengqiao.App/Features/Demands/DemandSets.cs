namespace Fengqiao.Features.Demands;

/// <summary>This feature's tables on the one context: <c>db.Demands</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class DemandSets
{
    extension(AppDb db)
    {
        public DbSet<Demand> Demands => db.Set<Demand>();
        public DbSet<Referral> DemandReferrals => db.Set<Referral>();
        public DbSet<CommunityProject> CommunityProjects => db.Set<CommunityProject>();
        public DbSet<ProjectMember> ProjectMembers => db.Set<ProjectMember>();
        public DbSet<ProjectOrder> ProjectOrders => db.Set<ProjectOrder>();
    }
}
