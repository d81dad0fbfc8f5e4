namespace Fengqiao.Features.Households;

/// <summary>
/// The rules for a resident's fields, shared by the forms, the API and the bulk import. Each
/// returns a message key (English text, localised by the caller) or null when the value is fine.
/// </summary>
public static class ResidentRules
{
    public const int NameMax = 50;
    public const int AddressMax = 200;

    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "This field is required." : name.Trim().Length > NameMax ? "A name has at most 50 characters." : null;

    public static string? IdProblem(string? id, out string normalised, out DateOnly birthDate)
    {
        normalised = ChineseIdNumber.Normalise(id);
        var problem = ChineseIdNumber.Check(normalised, out birthDate);
        return problem == IdNumberProblem.None ? null : ChineseIdNumber.Message(problem);
    }

    /// <summary>An optional mobile number: blank is fine, anything else must be a valid one.</summary>
    public static string? PhoneProblem(string? phone, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        if (!ChineseMobile.IsValid(phone))
        {
            return ChineseMobile.InvalidMessage;
        }
        normalised = ChineseMobile.Normalise(phone);
        return null;
    }

    /// <summary>The 17th digit of the ID number is odd for men.</summary>
    public static Gender GenderOf(string normalisedId) => (normalisedId[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    private static readonly Dictionary<string, HouseholdTags> TagNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["独居老人"] = HouseholdTags.ElderlyAlone, ["留守儿童"] = HouseholdTags.LeftBehindChild, ["残疾人"] = HouseholdTags.Disability,
        ["特殊关爱"] = HouseholdTags.SpecialCare, ["特殊关爱人员"] = HouseholdTags.SpecialCare, ["出租户"] = HouseholdTags.Rental,
        ["出租房屋"] = HouseholdTags.Rental, ["低保户"] = HouseholdTags.LowIncome, ["退役军人"] = HouseholdTags.Veteran,
    };

    private static readonly Dictionary<string, Relation> RelationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["户主"] = Relation.Head, ["本人"] = Relation.Head, ["配偶"] = Relation.Spouse, ["妻"] = Relation.Spouse, ["夫"] = Relation.Spouse,
        ["子女"] = Relation.Child, ["子"] = Relation.Child, ["女"] = Relation.Child, ["父母"] = Relation.Parent, ["父亲"] = Relation.Parent,
        ["母亲"] = Relation.Parent, ["孙子女"] = Relation.Grandchild, ["兄弟姐妹"] = Relation.Sibling, ["租客"] = Relation.Tenant,
        ["租户"] = Relation.Tenant, ["其他"] = Relation.Other,
    };

    private static readonly char[] TagSeparators = [',', '，', '、', ';', '；', '|', ' '];

    /// <summary>Tags from "ElderlyAlone, Rental" or "独居老人、出租户"; null when one is not known.</summary>
    public static HouseholdTags? ParseTags(string? text)
    {
        var tags = HouseholdTags.None;
        foreach (var part in (text ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TagNames.TryGetValue(part, out var t) || (Enum.TryParse(part, true, out t) && !int.TryParse(part, out _) && t != HouseholdTags.None))
            {
                tags |= t;
            }
            else
            {
                return null;
            }
        }
        return tags;
    }

    /// <summary>A relation from "Spouse" or "配偶"; blank means the head of the household.</summary>
    public static Relation? ParseRelation(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            return Relation.Head;
        }
        return RelationNames.TryGetValue(value, out var r) || (Enum.TryParse(value, true, out r) && Enum.IsDefined(r) && !int.TryParse(value, out _)) ? r : null;
    }
}
