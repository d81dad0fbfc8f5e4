namespace Fengqiao.Features.Open311;

/// <summary>This feature's tables on the one context: <c>db.ResidentRequests</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class RequestSets
{
    extension(AppDb db)
    {
        public DbSet<ResidentRequest> ResidentRequests => db.Set<ResidentRequest>();
        public DbSet<RequestUpdate> RequestUpdates => db.Set<RequestUpdate>();
    }
}
