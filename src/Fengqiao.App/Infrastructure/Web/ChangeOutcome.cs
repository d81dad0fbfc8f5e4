namespace Fengqiao.Infrastructure.Web;

/// <summary>
/// What became of a command on a record, the same for every feature: the API turns it into a status code
/// (<see cref="ChangeOutcome.Conflict"/> is 409 with the current version), the pages into a message (<see cref="RecordPage"/>).
/// </summary>
public enum ChangeOutcome
{
    Ok,
    /// <summary>Not there, or outside the caller's jurisdiction: the same answer for both.</summary>
    NotFound,
    /// <summary>The input failed its checks; the checks say which field and why.</summary>
    Invalid,
    /// <summary>The record's state does not allow this step (a closed case cannot be mediated).</summary>
    WrongState,
    /// <summary>Someone else changed the record since the caller read it (the version check).</summary>
    Conflict,
    /// <summary>In the jurisdiction, but not the caller's to change (another officer's visit, a team they do not lead).</summary>
    Forbidden,
}
