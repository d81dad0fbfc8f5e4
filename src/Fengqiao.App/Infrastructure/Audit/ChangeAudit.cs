using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fengqiao.Infrastructure.Audit;

/// <summary>
/// Every change saved through the DbContext leaves an audit entry in the same transaction: who, create/update/delete,
/// which table and row, the area, and the names of the fields changed (never their values, which may be personal).
/// Rows that are bookkeeping (<see cref="INotAudited"/>) are left out; bulk paths (the resident import) audit themselves.
/// </summary>
internal static class ChangeAudit
{
    internal sealed record Pending(EntityEntry Entry, string Action, string Table, string? Key, string? Changed, string? AreaPath);

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || e.Entity is AuditEntry or INotAudited or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)
            {
                continue;
            }
            var action = e.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
            var changed = e.State == EntityState.Modified
                ? string.Join(",", e.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version)).Select(p => p.Metadata.Name))
                : null;
            if (e.State == EntityState.Modified && changed is { Length: 0 })
            {
                continue;
            }
            var area = e.Metadata.FindProperty("AreaPath") is null ? null : e.Property("AreaPath").CurrentValue as string;
            // A new row's key may come from the database: read it after the save.
            pending.Add(new Pending(e, action, e.Metadata.GetTableName() ?? e.Metadata.ShortName(), e.State == EntityState.Added ? null : Key(e), changed, area));
        }
        return pending;
    }

    public static void Write(AppDb db, IEnumerable<Pending> pending)
    {
        foreach (var p in pending)
        {
            AuditLog.Write(db, p.Action, p.Table.Length > 40 ? p.Table[..40] : p.Table, p.Key ?? Key(p.Entry), p.Changed, p.AreaPath);
        }
    }

    private static string Key(EntityEntry e) =>
        string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(e.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
}
