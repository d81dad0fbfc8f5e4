using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Fengqiao.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Fengqiao.Infrastructure.Data;

/// <summary>
/// The one database. It names no feature: each feature adds its tables as extension properties
/// (<c>DisputeSets</c>: <c>db.Disputes</c>) and configures its entities, and every entity that belongs to an area
/// declares how it is confined to the caller's <see cref="Jurisdiction"/> (<see cref="ScopeFilter"/>): a record
/// outside it simply does not exist for that caller (404 on every verb). Provider-specific
/// subclasses exist only so that each provider keeps its own migration set.
/// </summary>
public abstract class AppDb(DbContextOptions options, Jurisdiction jurisdiction) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The shared Data Protection key ring, encrypted (<see cref="Privacy.KeyRingStore"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    /// <summary>Not scoped by area: read only through the audit endpoints, which check the reader's role.</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public Jurisdiction Jurisdiction { get; } = jurisdiction;

    // Read by the query filters (ScopeFilter); EF evaluates them per query, per context instance.
    internal bool ScopeAll => Jurisdiction.Unrestricted;
    internal string[] ScopePaths => Jurisdiction.Paths;
    internal string ScopeLow => Jurisdiction.Low;
    internal string ScopeHigh => Jurisdiction.High;
    internal bool ScopeOneRange => Jurisdiction.OneRange;
    internal string[] ScopeAbove => Jurisdiction.Above;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Every entity's configuration lives with its feature, its jurisdiction rule (InJurisdiction) included.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
        ScopeFilter.Apply(builder, this);
    }

    /// <summary>A path prefix that no area has (paths start with one slash), valid text on every database.</summary>
    public const string NoArea = "//";

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveAudited(acceptAllChangesOnSuccess);

    /// <summary>
    /// The change and its audit entries commit together: in the caller's transaction, or in one of their own. What other
    /// features keep in step with a save (statistics' rollups, the report router's directory) they do in interceptors
    /// of their own, registered from their AddX(), inside the same save.
    /// </summary>
    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        BumpVersions();
        var changes = Jurisdiction.AuditChanges ? ChangeAudit.Collect(ChangeTracker) : [];
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(true, cancellationToken);
            ChangeAudit.Write(this, changes);
            await base.SaveChangesAsync(true, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private int SaveAudited(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var changes = Jurisdiction.AuditChanges ? ChangeAudit.Collect(ChangeTracker) : [];
        if (changes.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(true);
        ChangeAudit.Write(this, changes);
        base.SaveChanges(true);
        own?.Commit();
        return saved;
    }

    private void BumpVersions()
    {
        if (ChangeTracker.Entries<IAppendOnly>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Timelines are append-only: events are never changed or deleted.");
        }
        // The only change an audit entry ever sees is its sealing: a sequence number and hash where there were none.
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Deleted || (e.State is EntityState.Modified
            && (e.Property(x => x.Seq).OriginalValue is not null
                || e.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(AuditEntry.Seq) or nameof(AuditEntry.Hash)))))))
        {
            throw new InvalidOperationException("The audit log is append-only: entries are never changed or deleted.");
        }
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            var version = entry.Property(e => e.Version);
            if (entry.State == EntityState.Added)
            {
                version.CurrentValue = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}
