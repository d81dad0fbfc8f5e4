using Fengqiao.Features.Areas;

namespace Fengqiao.Features.Diversions;

/// <summary>
/// The diversion figures of one area: every call diverted there, those answered by their due day and after it, those
/// returned and waiting on the station, and those still open past their due day. Each is a worklist filter
/// (<see cref="DiversionFilter"/>), so every count drills down to the diversions behind it.
/// </summary>
public sealed record DiversionCounts(int Diverted, int AnsweredInTime, int AnsweredLate, int Returned, int OpenOverdue);

public sealed record DiversionAreaFigures(string AreaCode, string NameZh, string NameEn, DiversionCounts Counts);

/// <summary>The figures of the area asked for (or of the caller's whole jurisdiction), and of each area one level down.</summary>
public sealed record DiversionFigureTable(string? AreaCode, string? NameZh, string? NameEn, DiversionCounts Totals, List<DiversionAreaFigures> Areas);

public static class DiversionFigures
{
    public static async Task<DiversionFigureTable?> ForAsync(AppDb db, string? areaCode, DateOnly today, CancellationToken ct)
    {
        var q = db.Set<Diversion>().AsNoTracking();
        List<(string Code, string NameZh, string NameEn, string Path)> rows;
        (string Code, string NameZh, string NameEn)? area = null;
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            var code = areaCode.Trim();
            var found = await db.Areas.AsNoTracking().Where(a => a.Code == code).Select(a => new { a.Id, a.Code, a.NameZh, a.NameEn, a.Path }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return null;
            }
            area = (found.Code, found.NameZh, found.NameEn);
            q = q.UnderPath(d => d.AreaPath, found.Path);
            rows = [.. (await db.Areas.AsNoTracking().Where(a => a.ParentId == found.Id).OrderBy(a => a.Code).Select(a => new { a.Code, a.NameZh, a.NameEn, a.Path })
                .ToListAsync(ct)).Select(a => (a.Code, a.NameZh, a.NameEn, a.Path))];
        }
        else
        {
            rows = [.. (await db.TopAreas().AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.NameZh, a.NameEn, a.Path }).ToListAsync(ct))
                .Select(a => (a.Code, a.NameZh, a.NameEn, a.Path))];
        }
        var groups = await q.GroupBy(d => d.AreaPath).Select(g => new Group(
            g.Key,
            g.Count(),
            g.Count(d => d.Status == DiversionStatus.Answered && d.AnsweredOn <= d.DueOn),
            g.Count(d => d.Status == DiversionStatus.Answered && d.AnsweredOn > d.DueOn),
            g.Count(d => d.Status == DiversionStatus.Returned),
            g.Count(d => (d.Status == DiversionStatus.Diverted || d.Status == DiversionStatus.Accepted) && d.DueOn < today))).ToListAsync(ct);
        return new DiversionFigureTable(area?.Code, area?.NameZh, area?.NameEn, Sum(groups),
            [.. rows.Select(r => new DiversionAreaFigures(r.Code, r.NameZh, r.NameEn, Sum(groups.Where(g => g.Path.StartsWith(r.Path, StringComparison.Ordinal)))))]);
    }

    private sealed record Group(string Path, int Diverted, int InTime, int Late, int Returned, int Overdue);

    private static DiversionCounts Sum(IEnumerable<Group> groups)
    {
        var list = groups.ToList();
        return new(list.Sum(g => g.Diverted), list.Sum(g => g.InTime), list.Sum(g => g.Late), list.Sum(g => g.Returned), list.Sum(g => g.Overdue));
    }
}
