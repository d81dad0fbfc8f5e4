namespace Fengqiao.Features.Households;

public sealed record ResidentInput(string? Name, string? IdNumber, string? Phone, Relation? Relation, HouseholdTags? Tags, long? Version = null);

public sealed record HouseholdInput(string? Address, string? AreaCode, string? Phone, HouseholdTags? Tags, List<ResidentInput>? Members, long? Version = null);

public sealed record ResidentLookupInput(string? IdNumber, string? Phone, string? Name, int? Page = null, int? PageSize = null);

public sealed record RevealInput(string? Field, string? Reason);

public sealed record RevealedDto(string Field, string Value);

public sealed record HouseholdRow(
    int Id, string Code, string Address, string AreaCode, string AreaNameZh, string AreaNameEn, HouseholdTags Tags,
    string? PhoneMasked, int MemberCount, long Version);

public sealed record ResidentDto(
    int Id, int HouseholdId, string HouseholdCode, string Name, string IdMasked, DateOnly BirthDate, Gender Gender, Relation Relation,
    HouseholdTags Tags, string? PhoneMasked, long Version);

public sealed record HouseholdDto(HouseholdRow Household, IReadOnlyList<ResidentDto> Members);
