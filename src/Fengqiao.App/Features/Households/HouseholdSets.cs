namespace Fengqiao.Features.Households;

/// <summary>This feature's tables on the one context: <c>db.Households</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class HouseholdSets
{
    extension(AppDb db)
    {
        public DbSet<Household> Households => db.Set<Household>();
        public DbSet<Resident> Residents => db.Set<Resident>();
    }
}
