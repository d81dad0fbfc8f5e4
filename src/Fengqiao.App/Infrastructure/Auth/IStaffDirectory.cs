namespace Fengqiao.Infrastructure.Auth;

/// <summary>
/// What sign-in, the jurisdiction and the operator commands need to know of staff: whether a person exists, and the areas
/// and units of their posts on a day. Answered by the People feature (registered from its AddPeople), so Infrastructure
/// names no feature.
/// </summary>
public interface IStaffDirectory
{
    Task<bool> ExistsAsync(AppDb db, int personId, CancellationToken ct);

    /// <summary>Past every filter: the posts decide the filter.</summary>
    Task<IReadOnlyList<(string AreaPath, int UnitId)>> PostsOnAsync(AppDb db, int personId, DateOnly day, CancellationToken ct);
}
