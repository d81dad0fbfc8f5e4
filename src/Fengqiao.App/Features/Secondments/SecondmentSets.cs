namespace Fengqiao.Features.Secondments;

/// <summary>This feature's tables on the one context: <c>db.Secondments</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class SecondmentSets
{
    extension(AppDb db)
    {
        public DbSet<Secondment> Secondments => db.Set<Secondment>();
    }
}
