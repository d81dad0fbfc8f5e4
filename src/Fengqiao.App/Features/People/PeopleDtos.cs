using Fengqiao.Features.Units;

namespace Fengqiao.Features.People;

public sealed record PersonDto(
    int Id, string NameZh, string NameEn, PersonKind Kind, string? BadgeNumber, int? ServiceSinceYear,
    int HomeUnitId, string HomeUnitNameZh, string HomeUnitNameEn, long Version);

public sealed record PostDto(
    int Id, int PersonId, string PersonNameZh, string PersonNameEn, int UnitId, string UnitNameZh, string UnitNameEn, UnitKind UnitKind,
    PostRole Role, string? Title, bool PartTime, DateOnly StartDate, DateOnly? EndDate, int? SecondmentId, long Version);

public sealed record PersonDetailDto(PersonDto Person, IReadOnlyList<PostDto> Posts);

public sealed record PersonInput(string? NameZh, string? NameEn, PersonKind? Kind, string? BadgeNumber, int? ServiceSinceYear, int? HomeUnitId, long? Version);

public sealed record EndInput(DateOnly? EndDate, long? Version);

public static class PeopleProjections
{
    public static IQueryable<PersonDto> ToDto(this IQueryable<Person> q) =>
        q.Select(p => new PersonDto(p.Id, p.NameZh, p.NameEn, p.Kind, p.BadgeNumber, p.ServiceSinceYear,
            p.HomeUnitId, p.HomeUnit!.NameZh, p.HomeUnit.NameEn, p.Version));

    public static IQueryable<PostDto> ToDto(this IQueryable<Post> q) =>
        q.Select(p => new PostDto(p.Id, p.PersonId, p.Person!.NameZh, p.Person.NameEn, p.UnitId, p.Unit!.NameZh, p.Unit.NameEn, p.Unit.Kind,
            p.Role, p.Title, p.PartTime, p.StartDate, p.EndDate, p.SecondmentId, p.Version));
}
