namespace Fengqiao.Features.Statistics;

/// <summary>This feature's tables on the one context: <c>db.Rollups</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class RollupSets
{
    extension(AppDb db)
    {
        // Counts, not records: per area code (no path), read only through this feature, which scopes by area.
        public DbSet<AreaRollup> Rollups => db.Set<AreaRollup>();
    }
}
