namespace Fengqiao.Features.Households.Import;

/// <summary>This feature's tables on the one context: <c>db.ImportJobs</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class ImportSets
{
    extension(AppDb db)
    {
        public DbSet<ImportJob> ImportJobs => db.Set<ImportJob>();
    }
}
