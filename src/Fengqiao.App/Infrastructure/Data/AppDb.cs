using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Dangers;
using Fengqiao.Features.Demands;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.Households.Import;
using Fengqiao.Features.Open311;
using Fengqiao.Features.People;
using Fengqiao.Features.PublicServices;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Statistics;
using Fengqiao.Features.Supervision;
using Fengqiao.Features.Teams;
using Fengqiao.Features.Units;
using Fengqiao.Features.Visits;
using Fengqiao.Infrastructure.Audit;
using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Infrastructure.Data;

/// <summary>
/// The one database. Every entity that belongs to an area carries that area's path, and the
/// query filters below confine every query to the caller's <see cref="Jurisdiction"/>: a record
/// outside it simply does not exist for that caller (404 on every verb). Provider-specific
/// subclasses exist only so that each provider keeps its own migration set.
/// </summary>
public abstract class AppDb(DbContextOptions options, Jurisdiction jurisdiction) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The shared Data Protection key ring, encrypted (<see cref="Privacy.KeyRingStore"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Secondment> Secondments => Set<Secondment>();
    public DbSet<Dispute> Disputes => Set<Dispute>();
    public DbSet<DisputeEvent> DisputeEvents => Set<DisputeEvent>();
    public DbSet<MediationSession> MediationSessions => Set<MediationSession>();
    public DbSet<MediationAgreement> MediationAgreements => Set<MediationAgreement>();
    public DbSet<FollowUpVisit> FollowUpVisits => Set<FollowUpVisit>();
    public DbSet<Danger> Dangers => Set<Danger>();
    public DbSet<DangerEvent> DangerEvents => Set<DangerEvent>();
    public DbSet<SupervisionNotice> SupervisionNotices => Set<SupervisionNotice>();
    public DbSet<PublicService> PublicServices => Set<PublicService>();
    public DbSet<ServiceBundle> ServiceBundles => Set<ServiceBundle>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<Slot> Slots => Set<Slot>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<ResidentRequest> ResidentRequests => Set<ResidentRequest>();
    public DbSet<RequestUpdate> RequestUpdates => Set<RequestUpdate>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<Referral> DemandReferrals => Set<Referral>();
    public DbSet<CommunityProject> CommunityProjects => Set<CommunityProject>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<ProjectOrder> ProjectOrders => Set<ProjectOrder>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignArea> CampaignAreas => Set<CampaignArea>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<PatrolLog> PatrolLogs => Set<PatrolLog>();
    public DbSet<Tip> Tips => Set<Tip>();
    public DbSet<OutreachActivity> OutreachActivities => Set<OutreachActivity>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingTask> MeetingTasks => Set<MeetingTask>();
    /// <summary>Not scoped by area: read only through the audit endpoints, which check the reader's role.</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    /// <summary>Counts, not records: per area code (no path), read only through <see cref="Features.Statistics"/>, which scopes by area.</summary>
    public DbSet<AreaRollup> Rollups => Set<AreaRollup>();

    public Jurisdiction Jurisdiction { get; } = jurisdiction;

    // Read by the query filters; EF evaluates them per query, per context instance.
    private bool ScopeAll => Jurisdiction.Unrestricted;
    private string[] ScopePaths => Jurisdiction.Paths;
    private string ScopeLow => Jurisdiction.Low;
    private string ScopeHigh => Jurisdiction.High;
    private bool ScopeOneRange => Jurisdiction.OneRange;
    private string[] ScopeAbove => Jurisdiction.Above;

    /// <summary>
    /// Confines <typeparamref name="T"/> to the caller's jurisdiction by its area path: first the range that holds all
    /// of the caller's subtrees (answered from the path index), then, for a caller posted to several, each subtree.
    /// </summary>
    private void Scope<T>(ModelBuilder builder, Expression<Func<T, string>> path) where T : class =>
        builder.Entity<T>().HasQueryFilter(PathRange.Compose(path, p => string.Compare(p, ScopeLow) >= 0 && string.Compare(p, ScopeHigh) < 0
            && (ScopeOneRange || ScopePaths.Any(s => p.StartsWith(s)))));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);

        Scope<Area>(builder, a => a.Path);
        // Units are seen in the caller's subtrees and, by name, along the chain above them: a record in scope may name the
        // organ that sent an officer down or the department a demand went to, and must not vanish from a list because of it.
        // Choosing a unit to act in (a post, a home unit, an outlet) still needs the unit inside the jurisdiction (Covers).
        builder.Entity<Unit>().HasQueryFilter(PathRange.Compose<Unit>(u => u.AreaPath, p => (string.Compare(p, ScopeLow) >= 0 && string.Compare(p, ScopeHigh) < 0
            && (ScopeOneRange || ScopePaths.Any(s => p.StartsWith(s)))) || ScopeAbove.Contains(p)));
        Scope<Post>(builder, x => x.AreaPath);
        // A person is seen where they are homed, where they hold a post, and by the station they are (to be) sent down to.
        builder.Entity<Person>().HasQueryFilter(x => ScopeAll
            || ScopePaths.Any(p => x.HomeAreaPath.StartsWith(p))
            || x.Posts.Any(post => ScopePaths.Any(p => post.AreaPath.StartsWith(p)))
            || Set<Secondment>().Any(s => s.PersonId == x.Id && ScopePaths.Any(p => s.ToAreaPath.StartsWith(p))));
        builder.Entity<Secondment>().HasQueryFilter(s => ScopeAll
            || ScopePaths.Any(p => s.ToAreaPath.StartsWith(p) || s.FromAreaPath.StartsWith(p)));

        Scope<Dispute>(builder, d => d.AreaPath);
        Scope<DisputeEvent>(builder, e => e.AreaPath);
        Scope<DisputeParty>(builder, x => x.Dispute!.AreaPath);
        Scope<DisputeHandler>(builder, x => x.Dispute!.AreaPath);
        Scope<MediationSession>(builder, x => x.Dispute!.AreaPath);
        Scope<MediationAgreement>(builder, x => x.Dispute!.AreaPath);
        Scope<FollowUpVisit>(builder, x => x.Dispute!.AreaPath);
        Scope<Danger>(builder, d => d.AreaPath);
        Scope<DangerEvent>(builder, e => e.AreaPath);
        Scope<DangerPhoto>(builder, x => x.Danger!.AreaPath);
        // Outlets and their slots are public places, but their records belong to the outlet's area.
        // Resident-facing reads (slots, own bookings) say so explicitly with IgnoreQueryFilters.
        Scope<Outlet>(builder, x => x.AreaPath);
        Scope<Counter>(builder, x => x.Outlet!.AreaPath);
        Scope<Slot>(builder, x => x.AreaPath);
        Scope<Appointment>(builder, x => x.AreaPath);
        Scope<Ticket>(builder, x => x.AreaPath);
        Scope<ServiceRecord>(builder, x => x.AreaPath);
        Scope<Review>(builder, x => x.AreaPath);
        Scope<Rectification>(builder, x => x.AreaPath);
        // A resident's report belongs to its grid's station (unrouted ones to the province). Public
        // reads by tracking code and Open311 lists say IgnoreQueryFilters and expose no contact details.
        Scope<ResidentRequest>(builder, x => x.AreaPath);
        Scope<RequestPhoto>(builder, x => x.Request!.AreaPath);
        Scope<RequestUpdate>(builder, x => x.AreaPath);
        // Households and residents belong to their grid; an import to the area it fills.
        Scope<Household>(builder, x => x.AreaPath);
        Scope<Resident>(builder, x => x.AreaPath);
        Scope<ImportJob>(builder, x => x.AreaPath);
        // A message belongs to the area of the record it is about.
        Scope<Features.Outbox.OutboxMessage>(builder, x => x.AreaPath);
        // An area alert belongs to its community; the public pages that subscribe and the alert hook say IgnoreQueryFilters.
        Scope<Features.Outbox.Alerts.AlertSubscription>(builder, x => x.AreaPath);
        // A demand and its referrals belong to the demand's area, even when referred to a provincial department.
        Scope<Demand>(builder, x => x.AreaPath);
        Scope<Referral>(builder, x => x.AreaPath);
        Scope<CommunityProject>(builder, x => x.AreaPath);
        // A 110 diversion and its timeline belong to the call's area, even when the department lies above it.
        Scope<Features.Diversions.Diversion>(builder, x => x.AreaPath);
        Scope<Features.Diversions.DiversionEvent>(builder, x => x.AreaPath);
        Scope<ProjectMember>(builder, x => x.Project!.AreaPath);
        Scope<ProjectOrder>(builder, x => x.Project!.AreaPath);
        // A campaign is seen by the area that runs it and by every area it covers, from below (a station in a
        // province-wide campaign) or above; each caller still counts only the households they can see.
        builder.Entity<Campaign>().HasQueryFilter(c => ScopeAll || ScopePaths.Any(p => c.AreaPath.StartsWith(p))
            || c.Areas.Any(a => ScopePaths.Any(p => a.AreaPath.StartsWith(p) || p.StartsWith(a.AreaPath))));
        builder.Entity<CampaignArea>().HasQueryFilter(a => ScopeAll || ScopePaths.Any(p => a.AreaPath.StartsWith(p) || p.StartsWith(a.AreaPath)));
        Scope<Visit>(builder, x => x.AreaPath);
        // Teams and their work belong to the area they serve. A tip belongs to its receiving station's area: those
        // above see that it exists; only the station sees the tipster (TipPrivacy).
        Scope<Team>(builder, x => x.AreaPath);
        Scope<TeamMember>(builder, x => x.AreaPath);
        Scope<PatrolLog>(builder, x => x.AreaPath);
        Scope<Tip>(builder, x => x.AreaPath);
        Scope<OutreachActivity>(builder, x => x.AreaPath);
        Scope<Meeting>(builder, x => x.AreaPath);
        Scope<MeetingTask>(builder, x => x.AreaPath);
        // A notice is seen by the level it is addressed to, and by the people whose case it is about.
        builder.Entity<SupervisionNotice>().HasQueryFilter(n => ScopeAll
            || ScopePaths.Any(p => n.AreaPath.StartsWith(p) || n.SubjectAreaPath.StartsWith(p)));
    }

    /// <summary>
    /// The path prefix of an area's subtree for list filters, or a prefix nothing matches when the
    /// code is unknown or outside the caller's jurisdiction (so the list is empty, not unfiltered).
    /// </summary>
    public string SubtreePrefix(string areaCode) =>
        Areas.Where(a => a.Code == areaCode).Select(a => a.Path).FirstOrDefault() ?? NoArea;

    /// <summary>A path prefix that no area has (paths start with one slash), valid text on every database.</summary>
    public const string NoArea = "//";

    /// <summary>The top of what the caller can see: the root for an unrestricted caller, else the areas of their posts.</summary>
    public IQueryable<Area> TopAreas()
    {
        var paths = Jurisdiction.Paths.ToList();
        return Jurisdiction.Unrestricted ? Areas.Where(a => a.ParentId == null) : Areas.Where(a => paths.Contains(a.Path));
    }

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
