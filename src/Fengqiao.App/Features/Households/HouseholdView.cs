namespace Fengqiao.Features.Households;

/// <summary>Display helpers for household pages.</summary>
public static class HouseholdView
{
    public static readonly HouseholdTags[] AllTags = [.. Enum.GetValues<HouseholdTags>().Where(t => t != HouseholdTags.None)];

    /// <summary>The single tags in a combination, in a stable order.</summary>
    public static IEnumerable<HouseholdTags> Split(HouseholdTags tags) => AllTags.Where(t => (tags & t) != 0);

    public static HouseholdTags Combine(IEnumerable<HouseholdTags>? tags) =>
        (tags ?? []).Aggregate(HouseholdTags.None, (all, t) => all | t);

    public static int Age(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>Only the known tags: an integer sent for the flags must not smuggle in undefined bits.</summary>
    public static bool IsValid(HouseholdTags? tags) => tags is null || (tags.Value & ~Combine(AllTags)) == 0;
}
