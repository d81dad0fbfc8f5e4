namespace Fengqiao.Features.Dangers;

/// <summary>This feature's tables on the one context: <c>db.Dangers</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class DangerSets
{
    extension(AppDb db)
    {
        public DbSet<Danger> Dangers => db.Set<Danger>();
        public DbSet<DangerEvent> DangerEvents => db.Set<DangerEvent>();
    }
}
