namespace Fengqiao.Infrastructure.Scope;

/// <summary>
/// What the current caller may see: the area subtrees (materialised-path prefixes) covered by
/// their active posts, or everything. Filled once per request by <see cref="JurisdictionMiddleware"/>;
/// the DbContext applies it to every query of a scoped entity. It starts closed: a caller who was
/// never resolved (anonymous, or code that forgot) sees nothing.
/// </summary>
public sealed class Jurisdiction
{
    public bool Unrestricted { get; private set; }
    public string[] Paths { get; private set; } = [];
    /// <summary>The smallest path range that holds every path in <see cref="Paths"/>: what the query filters narrow by first, from the index.</summary>
    public string Low { get; private set; } = "";
    public string High { get; private set; } = "";
    /// <summary>True when the range is exactly what the caller sees (one subtree, or everything); otherwise each path is checked too.</summary>
    public bool OneRange { get; private set; } = true;
    /// <summary>
    /// The areas above the caller's subtrees ("/22/", "/22/2201/" for a street in Changchun): the chain of organs they answer to.
    /// Units serving these are visible by name (the bureau that sends an officer down, the department a demand is referred to),
    /// never their people or records.
    /// </summary>
    public string[] Above { get; private set; } = [];
    public int? PersonId { get; private set; }
    /// <summary>The units of the caller's active posts: for what belongs to a unit rather than an area (a station's tipsters).</summary>
    public IReadOnlySet<int> UnitIds { get; private set; } = new HashSet<int>();
    /// <summary>Who is acting, for timelines and audit.</summary>
    public string? UserName { get; set; }
    /// <summary>Changes saved under this caller are audited one by one; only the demo seed turns it off (it audits itself once).</summary>
    public bool AuditChanges { get; set; } = true;

    public bool Covers(string areaPath) =>
        Unrestricted || Paths.Any(p => areaPath.StartsWith(p, StringComparison.Ordinal));

    public void Grant(int? personId, IEnumerable<string> paths, IEnumerable<int>? unitIds = null)
    {
        PersonId = personId;
        Paths = Minimal(paths);
        UnitIds = (unitIds ?? []).ToHashSet();
        OneRange = Paths.Length <= 1;
        Above = [.. Paths.SelectMany(PathRange.Ancestors).Distinct().Where(a => !Covers(a))];
        (Low, High) = Paths.Length == 0 ? ("", "") : (Paths.Min(StringComparer.Ordinal)!, Paths.Select(PathRange.Upper).Max(StringComparer.Ordinal)!);
    }

    public void GrantAll(int? personId = null)
    {
        PersonId = personId;
        Unrestricted = true;
        Paths = ["/"];
        // Everything, including a path that might not start with a slash.
        (Low, High, OneRange) = ("", "\uffff", true);
    }

    /// <summary>For start-up work, commands and tests that act as the system, not as a person.</summary>
    public static Jurisdiction System()
    {
        var j = new Jurisdiction();
        j.GrantAll();
        return j;
    }

    /// <summary>Drops paths already covered by a shorter one, so the SQL stays small.</summary>
    private static string[] Minimal(IEnumerable<string> paths)
    {
        var sorted = paths.Distinct().OrderBy(p => p.Length).ToList();
        var kept = new List<string>();
        foreach (var p in sorted)
        {
            if (!kept.Any(k => p.StartsWith(k, StringComparison.Ordinal)))
            {
                kept.Add(p);
            }
        }
        return [.. kept];
    }
}
