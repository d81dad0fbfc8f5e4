namespace Fengqiao.Features.Teams;

/// <summary>
/// Who may know who gave a tip. The jurisdiction filter lets the county, city and province above
/// the receiving station see that a tip exists (for their numbers and supervision), but the
/// tipster's name and phone are for the receiving station alone: the caller must hold a post in
/// that station (not merely in its area — a street office or hospital police office there does
/// not count). Administrators and leaders above do not see the tipster.
/// </summary>
public static class TipPrivacy
{
    /// <summary>What every page and API shows in place of the tipster for everyone else (a localisation key).</summary>
    public const string Hidden = "Confidential — only the receiving station sees the tipster";

    public static bool CanSeeTipster(Jurisdiction j, int stationUnitId) =>
        !j.Unrestricted && j.UnitIds.Contains(stationUnitId);

    /// <summary>The tip as this caller may see it: the tipster blanked unless they are at the receiving station.</summary>
    public static TipDto For(this TipDto tip, Jurisdiction j) =>
        CanSeeTipster(j, tip.StationUnitId)
            ? tip with { TipsterVisible = true }
            : tip with { TipsterVisible = false, TipsterName = null, TipsterPhoneMasked = null };
}
