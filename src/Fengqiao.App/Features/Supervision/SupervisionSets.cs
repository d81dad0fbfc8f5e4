namespace Fengqiao.Features.Supervision;

/// <summary>This feature's tables on the one context: <c>db.SupervisionNotices</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class SupervisionSets
{
    extension(AppDb db)
    {
        public DbSet<SupervisionNotice> SupervisionNotices => db.Set<SupervisionNotice>();
    }
}
