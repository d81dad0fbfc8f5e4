namespace Fengqiao.Features.People;

/// <summary>This feature's tables on the one context: <c>db.People</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class PeopleSets
{
    extension(AppDb db)
    {
        public DbSet<Person> People => db.Set<Person>();
        public DbSet<Post> Posts => db.Set<Post>();
    }
}
