namespace Fengqiao.Features.Areas;

/// <summary>This feature's tables on the one context: <c>db.Areas</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class AreaSets
{
    extension(AppDb db)
    {
        public DbSet<Area> Areas => db.Set<Area>();

        /// <summary>
        /// The path prefix of an area's subtree for list filters, or a prefix nothing matches when the
        /// code is unknown or outside the caller's jurisdiction (so the list is empty, not unfiltered).
        /// </summary>
        public string SubtreePrefix(string areaCode) =>
            db.Areas.Where(a => a.Code == areaCode).Select(a => a.Path).FirstOrDefault() ?? AppDb.NoArea;

        /// <summary>The top of what the caller can see: the root for an unrestricted caller, else the areas of their posts.</summary>
        public IQueryable<Area> TopAreas()
        {
            var paths = db.Jurisdiction.Paths.ToList();
            return db.Jurisdiction.Unrestricted ? db.Areas.Where(a => a.ParentId == null) : db.Areas.Where(a => paths.Contains(a.Path));
        }
    }
}
