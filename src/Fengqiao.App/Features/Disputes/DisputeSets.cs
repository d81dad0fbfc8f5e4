namespace Fengqiao.Features.Disputes;

/// <summary>This feature's tables on the one context: <c>db.Disputes</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class DisputeSets
{
    extension(AppDb db)
    {
        public DbSet<Dispute> Disputes => db.Set<Dispute>();
        public DbSet<DisputeEvent> DisputeEvents => db.Set<DisputeEvent>();
        public DbSet<MediationSession> MediationSessions => db.Set<MediationSession>();
        public DbSet<MediationAgreement> MediationAgreements => db.Set<MediationAgreement>();
        public DbSet<FollowUpVisit> FollowUpVisits => db.Set<FollowUpVisit>();
    }
}
