namespace Fengqiao.Features.People;

/// <summary>The People feature's answers to Infrastructure about staff (see <see cref="IStaffDirectory"/>).</summary>
internal sealed class StaffDirectory : IStaffDirectory
{
    public Task<bool> ExistsAsync(AppDb db, int personId, CancellationToken ct) => db.People.AnyAsync(p => p.Id == personId, ct);

    public async Task<IReadOnlyList<(string AreaPath, int UnitId)>> PostsOnAsync(AppDb db, int personId, DateOnly day, CancellationToken ct) =>
        (await db.Posts.IgnoreQueryFilters()
            .Where(p => p.PersonId == personId && p.StartDate <= day && (p.EndDate == null || p.EndDate >= day))
            .Select(p => new { p.AreaPath, p.UnitId })
            .ToListAsync(ct))
        .Select(p => (p.AreaPath, p.UnitId)).ToList();
}
