namespace Fengqiao.Features.PublicServices;

/// <summary>An appointment slot of an outlet. <see cref="Booked"/> never passes <see cref="Capacity"/>: it is raised by a conditional UPDATE.</summary>
public sealed class Slot
{
    public int Id { get; set; }
    public int OutletId { get; set; }
    public Outlet? Outlet { get; set; }
    public required string AreaPath { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
}

public enum AppointmentStatus
{
    Booked = 1,
    Cancelled = 2,
    CheckedIn = 3,
    Missed = 4,
}

public sealed class Appointment
{
    public int Id { get; set; }
    public int SlotId { get; set; }
    public Slot? Slot { get; set; }
    public int OutletId { get; set; }
    public required string AreaPath { get; set; }
    public required string ServiceCode { get; set; }
    /// <summary>The resident's sign-in; residents see only their own appointments.</summary>
    public required string UserId { get; set; }
    public required string ResidentName { get; set; }
    public AppointmentStatus Status { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}

public enum TicketStatus
{
    Waiting = 1,
    Called = 2,
    Done = 3,
    NoShow = 4,
}

/// <summary>A queue ticket (排队号) taken at the outlet, called at a counter.</summary>
public sealed class Ticket
{
    public int Id { get; set; }
    public int OutletId { get; set; }
    public required string AreaPath { get; set; }
    public DateOnly Day { get; set; }
    public int Number { get; set; }
    public required string Label { get; set; }
    public required string ServiceCode { get; set; }
    public int? AppointmentId { get; set; }
    public TicketStatus Status { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? CalledAt { get; set; }
    public int? CounterId { get; set; }
    public string? CounterName { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Slot>, IEntityTypeConfiguration<Appointment>, IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Slot> b)
    {
        b.ToTable("Slots");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(s => s.AreaPath).HasMaxLength(200);
        b.HasIndex(s => new { s.OutletId, s.Date, s.Start }).IsUnique();
        b.HasOne(s => s.Outlet).WithMany().HasForeignKey(s => s.OutletId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("Appointments");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(a => a.AreaPath).HasMaxLength(200);
        b.Property(a => a.ServiceCode).HasMaxLength(20);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.ResidentName).HasMaxLength(50);
        // One booking per resident per slot; a cancelled one is reused if they book the slot again.
        b.HasIndex(a => new { a.SlotId, a.UserId }).IsUnique();
        b.HasIndex(a => a.UserId);
        b.HasIndex(a => new { a.OutletId, a.Status });
        b.HasOne(a => a.Slot).WithMany().HasForeignKey(a => a.SlotId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("Tickets");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(t => t.AreaPath).HasMaxLength(200);
        b.Property(t => t.Label).HasMaxLength(10);
        b.Property(t => t.ServiceCode).HasMaxLength(20);
        b.Property(t => t.CounterName).HasMaxLength(50);
        b.HasIndex(t => new { t.OutletId, t.Day, t.Number }).IsUnique();
        b.HasIndex(t => new { t.OutletId, t.Day, t.Status });
    }
}
