using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Secondments;

/// <summary>
/// An officer of a provincial or city organ sent down to a station for a period, paired with a
/// front-line mentor (Wang Mingxue with Zhang Chunmin). While it runs the officer holds a
/// <see cref="PostRole.SecondedOfficer"/> post at the station.
/// </summary>
public sealed class Secondment : IVersioned
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int FromUnitId { get; set; }
    public Unit? FromUnit { get; set; }
    public required string FromAreaPath { get; set; }
    public int ToUnitId { get; set; }
    public Unit? ToUnit { get; set; }
    public required string ToAreaPath { get; set; }
    public int MentorId { get; set; }
    public Person? Mentor { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Set when the secondment ends early or is closed; otherwise it ends on <see cref="EndDate"/>.</summary>
    public DateOnly? EndedOn { get; set; }
    public string? Notes { get; set; }
    /// <summary>Who recorded it. A receiving station proposes; the sending side (the organ's or the province's leaders) confirms.</summary>
    public string? RequestedBy { get; set; }
    /// <summary>Null while the sending side has not confirmed: no post at the station, no officer counted as sent down.</summary>
    public DateOnly? ConfirmedOn { get; set; }
    public string? ConfirmedBy { get; set; }
    public long Version { get; set; }

    public bool Confirmed => ConfirmedOn is not null;

    public DateOnly LastDay => EndedOn ?? EndDate;
}

internal sealed class SecondmentConfiguration : IEntityTypeConfiguration<Secondment>
{
    public void Configure(EntityTypeBuilder<Secondment> b)
    {
        b.ToTable("Secondments");
        b.InJurisdiction((s, db) => db.ScopeAll || db.ScopePaths.Any(p => s.ToAreaPath.StartsWith(p) || s.FromAreaPath.StartsWith(p)));
        b.Property(s => s.FromAreaPath).HasMaxLength(200);
        b.Property(s => s.ToAreaPath).HasMaxLength(200);
        b.Property(s => s.Notes).HasMaxLength(500);
        b.Property(s => s.RequestedBy).HasMaxLength(100);
        b.Property(s => s.ConfirmedBy).HasMaxLength(100);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.ToAreaPath);
        b.HasIndex(s => s.FromAreaPath);
        b.HasIndex(s => s.PersonId);
        b.HasOne(s => s.Person).WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Mentor).WithMany().HasForeignKey(s => s.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.FromUnit).WithMany().HasForeignKey(s => s.FromUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.ToUnit).WithMany().HasForeignKey(s => s.ToUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
