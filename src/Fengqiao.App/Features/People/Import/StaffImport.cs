using Fengqiao.Features.Areas;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.People.Import;

/// <summary>One thing to correct: where (sheet, Excel row, column) and what, in the reader's language.</summary>
public sealed record StaffProblem(string Sheet, int Row, string Column, string Message);

public sealed record StaffImportResult(int AreasCreated, int AreasUpdated, int UnitsCreated, int UnitsUpdated, int PeopleCreated, int PeopleUpdated,
    int PostsCreated, int PostsUpdated, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Fills (or brings up to date) areas, units, people and posts from the personnel department's workbook. Every row
/// of every sheet is checked first, by the same rules as the API; one problem anywhere and nothing is written, and
/// every problem is reported. Otherwise one transaction writes it all. Matching, so that a second import changes
/// rather than duplicates: areas and units by code; people by badge number, or (without one) by Chinese name and home
/// unit; posts by person, unit, role and start date.
/// </summary>
public sealed class StaffImport(AppDb db, ChecksFactory checksFactory)
{
    private static readonly Dictionary<string, AreaLevel> LevelNames = new()
    {
        ["省"] = AreaLevel.Province, ["市"] = AreaLevel.City, ["县"] = AreaLevel.County, ["区"] = AreaLevel.County, ["县区"] = AreaLevel.County,
        ["乡镇"] = AreaLevel.Township, ["街道"] = AreaLevel.Township, ["乡镇街道"] = AreaLevel.Township, ["社区"] = AreaLevel.Community,
        ["村"] = AreaLevel.Community, ["网格"] = AreaLevel.Grid,
    };

    private static readonly Dictionary<string, UnitKind> UnitNames = new()
    {
        ["公安厅"] = UnitKind.ProvincialDepartment, ["省公安厅"] = UnitKind.ProvincialDepartment, ["公安局"] = UnitKind.CityBureau, ["市公安局"] = UnitKind.CityBureau,
        ["公安分局"] = UnitKind.CountyBranch, ["分局"] = UnitKind.CountyBranch, ["县公安局"] = UnitKind.CountyBranch, ["派出所"] = UnitKind.PoliceStation,
        ["边境派出所"] = UnitKind.BorderPoliceStation, ["医院警务室"] = UnitKind.HospitalPoliceOffice, ["街道办事处"] = UnitKind.TownshipOffice,
        ["乡镇政府"] = UnitKind.TownshipOffice, ["社区两委"] = UnitKind.CommunityCommittee, ["村两委"] = UnitKind.CommunityCommittee,
        ["居委会"] = UnitKind.CommunityCommittee, ["共建部门"] = UnitKind.CoBuildingDepartment,
    };

    private static readonly Dictionary<string, PersonKind> PersonNames = new()
    {
        ["民警"] = PersonKind.PoliceOfficer, ["辅警"] = PersonKind.AuxiliaryPolice, ["文职"] = PersonKind.CivilianStaff, ["职工"] = PersonKind.CivilianStaff,
        ["社区干部"] = PersonKind.CommunityCadre, ["网格员"] = PersonKind.GridOfficer, ["志愿者"] = PersonKind.Volunteer,
    };

    private static readonly Dictionary<string, PostRole> RoleNames = new()
    {
        ["领导"] = PostRole.Leader, ["所长"] = PostRole.StationDirector, ["社区民警"] = PostRole.CommunityPolice, ["民警"] = PostRole.PoliceOfficer,
        ["辅警"] = PostRole.AuxiliaryPolice, ["文职"] = PostRole.CivilianStaff, ["窗口"] = PostRole.ServiceClerk, ["窗口办事员"] = PostRole.ServiceClerk,
        ["班子成员"] = PostRole.TownshipTeamMember, ["两委委员"] = PostRole.CommitteeMember, ["副主任"] = PostRole.CommitteeDeputyDirector,
        ["书记"] = PostRole.CommunitySecretary, ["网格员"] = PostRole.GridOfficer, ["志愿者"] = PostRole.Volunteer,
    };

    private readonly List<StaffProblem> _problems = [];

    public async Task<(StaffImportResult? Result, IReadOnlyList<StaffProblem> Problems)> RunAsync(string path, CancellationToken ct)
    {
        List<StaffSheet> sheets;
        var ignored = new List<string>();
        try
        {
            sheets = StaffWorkbook.Read(path, ignored);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            Problem("", 0, "", "The file is not an Excel workbook (.xlsx).");
            return (null, _problems);
        }
        if (sheets.Count == 0)
        {
            Problem("", 0, "", "The workbook has none of the sheets Areas, Units, People and Posts.");
            return (null, _problems);
        }
        foreach (var sheet in sheets)
        {
            sheet.Missing.ToList().ForEach(m => Problem(sheet.Name, 1, m, "The column {0} is missing.", m));
        }
        var complete = sheets.Where(s => s.Missing.Count == 0).ToList();
        StaffSheet? Sheet(string kind) => complete.FirstOrDefault(s => s.Kind == kind);

        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        if (Sheet(StaffWorkbook.Areas) is { } areaSheet)
        {
            await AreasAsync(areaSheet, ct);
        }
        if (Sheet(StaffWorkbook.Units) is { } unitSheet)
        {
            await UnitsAsync(unitSheet, units, ct);
        }
        if (Sheet(StaffWorkbook.People) is { } peopleSheet)
        {
            await PeopleAsync(peopleSheet, units, people, ct);
        }
        if (Sheet(StaffWorkbook.Posts) is { } postSheet)
        {
            await PostsAsync(postSheet, units, people, ct);
        }
        if (_problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return (null, _problems);
        }
        int Count<T>(EntityState state) where T : class => db.ChangeTracker.Entries<T>().Count(e => e.State == state);
        var result = new StaffImportResult(Count<Area>(EntityState.Added), Count<Area>(EntityState.Modified), Count<Unit>(EntityState.Added),
            Count<Unit>(EntityState.Modified), Count<Person>(EntityState.Added), Count<Person>(EntityState.Modified), Count<Post>(EntityState.Added),
            Count<Post>(EntityState.Modified), ignored);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (result, _problems);
    }

    private void Problem(string sheet, int row, string column, string message, params object[] args)
    {
        var c = checksFactory.Create().Add(column, message, args);
        _problems.Add(new StaffProblem(sheet, row, column, c.Errors.Single().Value.Single()));
    }

    /// <summary>The problems of one row's checks, each under the sheet's column for the rule's field.</summary>
    private void Report(StaffSheet sheet, StaffRow row, Checks c, IReadOnlyDictionary<string, string> columnOf)
    {
        foreach (var (field, messages) in c.Errors)
        {
            var column = columnOf.GetValueOrDefault(field, field);
            messages.ForEach(m => _problems.Add(new StaffProblem(sheet.Name, row.Row, column, m)));
        }
    }

    private static readonly Dictionary<string, string> AreaColumns = new()
    {
        ["code"] = "code", ["parentCode"] = "parent_code", ["nameZh"] = "name_zh", ["nameEn"] = "name_en", ["level"] = "level", ["lat"] = "lat", ["lng"] = "lng",
    };

    private async Task AreasAsync(StaffSheet sheet, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AreaLevel? Level(StaffRow r) => StaffWorkbook.TryEnum<AreaLevel>(r.Text("level"), LevelNames, out var l) ? l : null;
        // Parents before children, as the GeoJSON import does.
        foreach (var row in sheet.Rows.OrderBy(r => Level(r) ?? 0).ThenBy(r => r.Text("code")?.Length ?? 0).ThenBy(r => r.Row))
        {
            var c = checksFactory.Create();
            var code = row.Text("code");
            var input = new AreaInput(code, row.Text("parent_code"), row.Text("name_zh"), row.Text("name_en"), Level(row), null,
                Number(c, row, "lat"), Number(c, row, "lng"), null);
            c.When(row.Text("level") is not null && input.Level is null, "level", "Choose a level.");
            if (code is not null && !seen.Add(code))
            {
                c.Add("code", "The code {0} appears twice in this sheet.", code);
            }
            else if (c.Ok && code is not null && await db.Areas.FirstOrDefaultAsync(a => a.Code == code, ct) is { } existing)
            {
                var parentCode = existing.ParentId is null ? null : await db.Areas.Where(a => a.Id == existing.ParentId).Select(a => a.Code).FirstAsync(ct);
                c.When(input.Level != existing.Level || (input.ParentCode ?? "") != (parentCode ?? ""), "code",
                    "The area {0} already exists with another parent or level; a re-import cannot move it.", code);
                if (c.Ok)
                {
                    AreaCommands.Update(c, existing, input with { BoundaryGeoJson = existing.BoundaryGeoJson });
                }
            }
            else if (c.Ok)
            {
                await AreaCommands.CreateAsync(db, c, input, ct);
            }
            Report(sheet, row, c, AreaColumns);
        }
    }

    private async Task<Area?> AreaAsync(string? code, CancellationToken ct) =>
        code is null ? null : db.Areas.Local.FirstOrDefault(a => a.Code == code) ?? await db.Areas.FirstOrDefaultAsync(a => a.Code == code, ct);

    private async Task<Unit?> UnitAsync(Dictionary<string, Unit> units, string? code, CancellationToken ct)
    {
        if (code is null)
        {
            return null;
        }
        if (!units.TryGetValue(code, out var unit) && await db.Units.FirstOrDefaultAsync(u => u.Code == code, ct) is { } stored)
        {
            units[code] = unit = stored;
        }
        return unit;
    }

    private static readonly Dictionary<string, string> Same = new();

    private async Task UnitsAsync(StaffSheet sheet, Dictionary<string, Unit> units, CancellationToken ct)
    {
        var rows = new List<(StaffRow Row, Unit Unit, Checks Checks)>();
        var inSheet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var c = checksFactory.Create();
            var code = row.Text("code");
            var kindText = row.Text("kind");
            UnitKind? kind = StaffWorkbook.TryEnum<UnitKind>(kindText, UnitNames, out var k) ? k : null;
            var (lat, lng) = (Number(c, row, "lat"), Number(c, row, "lng"));
            c.Required("code", code, 32).Required("name_zh", row.Text("name_zh"), 100).Required("name_en", row.Text("name_en"), 150)
                .Optional("address", row.Text("address"), 200)
                .When(kind is null, "kind", "Choose a kind of unit.")
                .When(lat is < -90 or > 90, "lat", "Latitude is between -90 and 90.")
                .When(lng is < -180 or > 180, "lng", "Longitude is between -180 and 180.");
            var area = await AreaAsync(row.Text("area_code"), ct);
            c.When(area is null, "area_code", "There is no area with code {0}.", row.Text("area_code") ?? "");
            if (code is not null && !inSheet.Add(code))
            {
                c.Add("code", "The code {0} appears twice in this sheet.", code);
            }
            var unit = c.Ok ? await UnitAsync(units, code, ct) : null;
            if (c.Ok && unit is not null && unit.AreaPath != area!.Path)
            {
                c.Add("area_code", "The unit {0} already exists in another area; move it on its own page, not by a re-import.", code!);
            }
            if (c.Ok)
            {
                if (unit is null)
                {
                    unit = new Unit { Code = code!, NameZh = "", NameEn = "", AreaPath = area!.Path, Area = area };
                    db.Units.Add(unit);
                    units[code!] = unit;
                }
                unit.NameZh = row.Text("name_zh")!;
                unit.NameEn = row.Text("name_en")!;
                unit.Kind = kind!.Value;
                unit.Address = row.Text("address");
                (unit.Lat, unit.Lng) = (lat ?? unit.Lat, lng ?? unit.Lng);
                rows.Add((row, unit, c));
            }
            else
            {
                Report(sheet, row, c, Same);
            }
        }
        // Parents once every unit of the sheet is known, so a parent may come below its children.
        foreach (var (row, unit, c) in rows)
        {
            var parentCode = row.Text("parent_code");
            var parent = await UnitAsync(units, parentCode, ct);
            c.When(parentCode is not null && (parent is null || parent == unit), "parent_code", "There is no unit with code {0}.", parentCode ?? "");
            if (c.Ok && parent is not null)
            {
                unit.ParentUnit = parent;
            }
            Report(sheet, row, c, Same);
        }
    }

    /// <summary>A person is known by badge number, or without one by Chinese name and home unit.</summary>
    private static string Key(string? badge, string? nameZh, string? homeUnit) => badge ?? $"{nameZh}@{homeUnit}";

    private async Task<Person?> PersonAsync(Dictionary<string, Person> people, string? badge, string? nameZh, string? homeUnit, CancellationToken ct)
    {
        var key = Key(badge, nameZh, homeUnit);
        if (people.TryGetValue(key, out var person))
        {
            return person;
        }
        var found = badge is not null
            ? await db.People.Where(p => p.BadgeNumber == badge).ToListAsync(ct)
            : await db.People.Where(p => p.BadgeNumber == null && p.NameZh == nameZh && p.HomeUnit!.Code == homeUnit).ToListAsync(ct);
        if (found.Count == 1)
        {
            people[key] = found[0];
        }
        return found.Count == 1 ? found[0] : null;
    }

    private async Task PeopleAsync(StaffSheet sheet, Dictionary<string, Unit> units, Dictionary<string, Person> people, CancellationToken ct)
    {
        var year = DateTime.UtcNow.Year;
        var inSheet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var c = checksFactory.Create();
            var (badge, nameZh, homeCode) = (row.Text("badge_number"), row.Text("name_zh"), row.Text("home_unit_code"));
            PersonKind? kind = StaffWorkbook.TryEnum<PersonKind>(row.Text("kind"), PersonNames, out var k) ? k : null;
            int? since = null;
            if (row.Text("service_since_year") is { } sinceText)
            {
                since = int.TryParse(sinceText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : -1;
            }
            c.Required("name_zh", nameZh, 50).Required("name_en", row.Text("name_en"), 100).Optional("badge_number", badge, 20)
                .When(kind is null, "kind", "Choose what kind of staff this person is.")
                .When(since is { } s && (s < 1950 || s > year), "service_since_year", "Give a year between 1950 and {0}.", year)
                .When(badge is not null && kind is not null && kind != PersonKind.PoliceOfficer, "badge_number", "Only police officers have a badge number.");
            var home = await UnitAsync(units, homeCode, ct);
            c.When(home is null, "home_unit_code", "There is no unit with code {0}.", homeCode ?? "");
            if (c.Ok && !inSheet.Add(Key(badge, nameZh, homeCode)))
            {
                c.Add(badge is null ? "name_zh" : "badge_number", "This person appears twice in this sheet: people of the same name in one unit need badge numbers.");
            }
            if (!c.Ok)
            {
                Report(sheet, row, c, Same);
                continue;
            }
            var person = await PersonAsync(people, badge, nameZh, homeCode, ct);
            if (person is null)
            {
                person = new Person { NameZh = "", NameEn = "", HomeAreaPath = "" };
                db.People.Add(person);
                people[Key(badge, nameZh, homeCode)] = person;
            }
            person.NameZh = nameZh!;
            person.NameEn = row.Text("name_en")!;
            person.Kind = kind!.Value;
            person.BadgeNumber = badge;
            person.ServiceSinceYear = since ?? person.ServiceSinceYear;
            person.HomeUnit = home;
            person.HomeAreaPath = home!.AreaPath;
        }
    }

    private async Task PostsAsync(StaffSheet sheet, Dictionary<string, Unit> units, Dictionary<string, Person> people, CancellationToken ct)
    {
        var written = new List<Post>();
        foreach (var row in sheet.Rows)
        {
            var c = checksFactory.Create();
            var (badge, nameZh, homeCode) = (row.Text("badge_number"), row.Text("name_zh"), row.Text("home_unit_code"));
            PostRole? role = StaffWorkbook.TryEnum<PostRole>(row.Text("role"), RoleNames, out var r) ? r : null;
            var partTime = StaffWorkbook.YesNo(row.Text("part_time"));
            var startRead = StaffWorkbook.TryDate(row.Cells.GetValueOrDefault("start_date"), out var start);
            var endRead = StaffWorkbook.TryDate(row.Cells.GetValueOrDefault("end_date"), out var end);
            c.When(role is null, "role", "Choose a role.")
                .When(role == PostRole.SecondedOfficer, "role", "Seconded posts are made by recording a secondment.")
                .When(!startRead, "start_date", "This date cannot be read: write it as yyyy-MM-dd.")
                .When(startRead && start is null, "start_date", "This field is required.")
                .When(!endRead, "end_date", "This date cannot be read: write it as yyyy-MM-dd.")
                .When(start is not null && end < start, "end_date", "The end date cannot be before the start date.")
                .When(partTime is null, "part_time", "Write yes or no.")
                .Optional("title", row.Text("title"), 100);
            var unit = await UnitAsync(units, row.Text("unit_code"), ct);
            c.When(unit is null, "unit_code", "There is no unit with code {0}.", row.Text("unit_code") ?? "");
            var person = badge is null && homeCode is null ? null : await PersonAsync(people, badge, nameZh, homeCode, ct);
            c.When(person is null, badge is null ? "name_zh" : "badge_number", "There is no such person in the People sheet or the database (give the badge number, or the name and home_unit_code).");
            if (unit is not null && person is not null && role is { } fit)
            {
                c.When(!PostRules.RoleFitsUnit(fit, unit.Kind), "role", "A {0} post cannot be held in this kind of unit.", fit)
                    .When(PostRules.IsSworn(fit) && person.Kind != PersonKind.PoliceOfficer, "role", "Only a police officer can hold this post.");
            }
            if (!c.Ok)
            {
                Report(sheet, row, c, Same);
                continue;
            }
            var stored = person!.Id == 0 || unit!.Id == 0 ? [] : await db.Posts.Where(p => p.PersonId == person.Id && p.UnitId == unit.Id && p.Role == role).ToListAsync(ct);
            var post = stored.FirstOrDefault(p => p.StartDate == start);
            var others = stored.Where(p => p != post).Concat(written.Where(p => p.Person == person && p.Unit == unit && p.Role == role));
            if (others.Any(p => Post.Overlaps(p.StartDate, p.EndDate, start!.Value, end)))
            {
                c.Add("start_date", "This person already holds this post in this unit during these dates.");
                Report(sheet, row, c, Same);
                continue;
            }
            if (post is null)
            {
                post = new Post { AreaPath = unit!.AreaPath, Person = person, Unit = unit, Role = role!.Value, StartDate = start!.Value };
                db.Posts.Add(post);
            }
            post.Person = person;
            post.Unit = unit;
            post.Title = row.Text("title");
            post.PartTime = partTime!.Value;
            post.EndDate = end;
            written.Add(post);
        }
    }

    private static double? Number(Checks c, StaffRow row, string column)
    {
        var text = row.Text(column);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
        {
            return n;
        }
        c.Add(column, "This value cannot be read.");
        return null;
    }
}
