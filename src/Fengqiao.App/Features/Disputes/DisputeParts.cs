using Fengqiao.Features.People;

namespace Fengqiao.Features.Disputes;

public enum PartyRole
{
    Applicant = 1,
    Respondent = 2,
    ThirdParty = 3,
}

public enum HandlerRole
{
    PoliceCoHandler = 1,
    CommunityCadre = 2,
    GridOfficer = 3,
}

public enum SessionOutcome
{
    Agreement = 1,
    PartialAgreement = 2,
    NoAgreement = 3,
    Adjourned = 4,
}

public sealed class DisputeParty
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public Dispute? Dispute { get; set; }
    public PartyRole Role { get; set; }
    public required string Name { get; set; }
    /// <summary>Set when the party is a registered resident (households arrive with the field-work feature).</summary>
    public int? ResidentId { get; set; }
    public string? Address { get; set; }
}

/// <summary>A co-handler from the police or the community (cadre, grid officer).</summary>
public sealed class DisputeHandler
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public Dispute? Dispute { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public HandlerRole Role { get; set; }
}

public sealed class MediationSession
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public Dispute? Dispute { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public required string Place { get; set; }
    public required string Mediators { get; set; }
    public string? Attendees { get; set; }
    public string? Minutes { get; set; }
    public SessionOutcome Outcome { get; set; }
}

/// <summary>The mediation agreement; the parties may ask a court to confirm it within 30 days.</summary>
public sealed class MediationAgreement
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public Dispute? Dispute { get; set; }
    public required string Terms { get; set; }
    public DateOnly? PerformBy { get; set; }
    public required string SignedBy { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly JudicialConfirmationBy { get; set; }
    public bool JudicialConfirmationRequested { get; set; }
}

/// <summary>A return visit (回访) after resolution.</summary>
public sealed class FollowUpVisit
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public Dispute? Dispute { get; set; }
    public DateOnly VisitedOn { get; set; }
    public bool AgreementKept { get; set; }
    public string? NewRisk { get; set; }
    public int Satisfaction { get; set; }
    public string? Notes { get; set; }
    public int? VisitedById { get; set; }
}

internal sealed class DisputePartsConfiguration :
    IEntityTypeConfiguration<DisputeParty>, IEntityTypeConfiguration<DisputeHandler>, IEntityTypeConfiguration<MediationSession>,
    IEntityTypeConfiguration<MediationAgreement>, IEntityTypeConfiguration<FollowUpVisit>
{
    public void Configure(EntityTypeBuilder<DisputeParty> b)
    {
        b.InJurisdiction(x => x.Dispute!.AreaPath);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Address).HasMaxLength(200);
        b.HasIndex(p => p.Name);
        b.HasOne(p => p.Dispute).WithMany(d => d.Parties).HasForeignKey(p => p.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DisputeHandler> b)
    {
        b.InJurisdiction(x => x.Dispute!.AreaPath);
        b.HasIndex(h => new { h.DisputeId, h.PersonId }).IsUnique();
        b.HasIndex(h => h.PersonId);
        b.HasOne(h => h.Dispute).WithMany(d => d.Handlers).HasForeignKey(h => h.DisputeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(h => h.Person).WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MediationSession> b)
    {
        b.ToTable("MediationSessions");
        b.InJurisdiction(x => x.Dispute!.AreaPath);
        b.Property(s => s.Place).HasMaxLength(200);
        b.Property(s => s.Mediators).HasMaxLength(300);
        b.Property(s => s.Attendees).HasMaxLength(500);
        b.Property(s => s.Minutes).HasMaxLength(4000);
        b.HasIndex(s => s.DisputeId);
        b.HasOne(s => s.Dispute).WithMany().HasForeignKey(s => s.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MediationAgreement> b)
    {
        b.ToTable("MediationAgreements");
        b.InJurisdiction(x => x.Dispute!.AreaPath);
        b.Property(a => a.Terms).HasMaxLength(4000);
        b.Property(a => a.SignedBy).HasMaxLength(300);
        b.HasIndex(a => a.DisputeId);
        b.HasOne(a => a.Dispute).WithMany().HasForeignKey(a => a.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FollowUpVisit> b)
    {
        b.ToTable("FollowUpVisits");
        b.InJurisdiction(x => x.Dispute!.AreaPath);
        b.Property(f => f.NewRisk).HasMaxLength(1000);
        b.Property(f => f.Notes).HasMaxLength(2000);
        b.HasIndex(f => f.DisputeId);
        b.HasOne(f => f.Dispute).WithMany().HasForeignKey(f => f.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
