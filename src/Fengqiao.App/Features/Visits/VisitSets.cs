namespace Fengqiao.Features.Visits;

/// <summary>This feature's tables on the one context: <c>db.Campaigns</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class VisitSets
{
    extension(AppDb db)
    {
        public DbSet<Campaign> Campaigns => db.Set<Campaign>();
        public DbSet<CampaignArea> CampaignAreas => db.Set<CampaignArea>();
        public DbSet<Visit> Visits => db.Set<Visit>();
    }
}
