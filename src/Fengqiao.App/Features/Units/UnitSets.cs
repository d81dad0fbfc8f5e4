namespace Fengqiao.Features.Units;

/// <summary>This feature's tables on the one context: <c>db.Units</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class UnitSets
{
    extension(AppDb db)
    {
        public DbSet<Unit> Units => db.Set<Unit>();
    }
}
