namespace Fengqiao.Features.PublicServices;

/// <summary>This feature's tables on the one context: <c>db.PublicServices</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class ServiceSets
{
    extension(AppDb db)
    {
        public DbSet<PublicService> PublicServices => db.Set<PublicService>();
        public DbSet<ServiceBundle> ServiceBundles => db.Set<ServiceBundle>();
        public DbSet<Outlet> Outlets => db.Set<Outlet>();
        public DbSet<Slot> Slots => db.Set<Slot>();
        public DbSet<Appointment> Appointments => db.Set<Appointment>();
        public DbSet<Ticket> Tickets => db.Set<Ticket>();
        public DbSet<ServiceRecord> ServiceRecords => db.Set<ServiceRecord>();
        public DbSet<Review> Reviews => db.Set<Review>();
        public DbSet<Rectification> Rectifications => db.Set<Rectification>();
    }
}
