using System.Text.Json;
using NetTopologySuite.Features;

namespace Fengqiao.Features.Areas;

public sealed record ImportResult(int Created, int Updated);

/// <summary>
/// Imports areas and boundaries from a GeoJSON FeatureCollection. Each feature's properties give
/// code, parentCode, nameZh, nameEn and level; an existing code gets the new names and boundary.
/// All or nothing: one bad feature and nothing is saved, and the answer names every bad feature.
/// </summary>
public static class AreaImport
{
    public static async Task<ImportResult?> RunAsync(AppDb db, ChecksFactory checksFactory, Checks report, string geoJson, CancellationToken ct)
    {
        FeatureCollection features;
        try
        {
            features = Boundaries.ParseFeatures(geoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            report.Add("file", "The file is not a GeoJSON FeatureCollection.");
            return null;
        }
        if (features.Count == 0)
        {
            report.Add("file", "The file has no features.");
            return null;
        }

        var rows = features.Select((f, i) => (Index: i, Input: ToInput(f))).OrderBy(r => r.Input.Level ?? 0).ThenBy(r => r.Input.Code?.Length ?? 0).ToList();
        var codes = rows.Select(r => r.Input.Code).Where(c => c is not null).ToList();
        var existing = await db.Areas.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, ct);
        int created = 0, updated = 0;
        foreach (var (index, input) in rows)
        {
            var checks = checksFactory.Create();
            if (input.Code is not null && existing.TryGetValue(input.Code, out var area))
            {
                if (AreaCommands.Update(checks, area, input))
                {
                    updated++;
                }
            }
            else if (await AreaCommands.CreateAsync(db, checks, input, ct) is not null)
            {
                created++;
            }
            foreach (var (field, messages) in checks.Errors)
            {
                foreach (var m in messages)
                {
                    report.Add($"features[{index}].{field}", m);
                }
            }
        }
        if (!report.Ok)
        {
            db.ChangeTracker.Clear();
            return null;
        }
        await db.SaveChangesAsync(ct);
        return new ImportResult(created, updated);
    }

    private static AreaInput ToInput(IFeature f)
    {
        string? Text(string name) => f.Attributes?.Exists(name) == true ? f.Attributes[name]?.ToString() : null;
        AreaLevel? level = Enum.TryParse<AreaLevel>(Text("level"), ignoreCase: true, out var l) ? l : null;
        var boundary = f.Geometry is null ? null : Boundaries.Write(f.Geometry);
        return new AreaInput(Text("code"), Text("parentCode"), Text("nameZh"), Text("nameEn"), level, boundary, null, null, null);
    }
}
