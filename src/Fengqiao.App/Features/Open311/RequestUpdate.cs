namespace Fengqiao.Features.Open311;

/// <summary>
/// One public update to a resident's report, as Open311's <c>servicerequestupdates</c> lists it: a change of status with its
/// public note (written by <see cref="UpdateInterceptor"/> in the save that made it), or an update a client posted (the
/// resident commented or said it is not fixed in FixMyStreet), kept with the client's own id so that a repeat creates
/// nothing. Never a name, phone or e-mail.
/// </summary>
public sealed class RequestUpdate : IAppendOnly, INotAudited
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public required string RequestCode { get; set; }
    /// <summary>The report's area: who may see it among staff.</summary>
    public required string AreaPath { get; set; }
    /// <summary><c>open</c> or <c>closed</c>, as Open311 has it.</summary>
    public required string Status { get; set; }
    /// <summary>The finer state for the client's mapping: the report's status or the case's event (<c>Closed</c>, <c>Resolved</c> …).</summary>
    public required string ExternalStatus { get; set; }
    /// <summary>The public note as staff or the client wrote it.</summary>
    public string? Note { get; set; }
    /// <summary>Or a note from the app's own texts, shown in the reader's language.</summary>
    public string? NoteKey { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>For an update a client posted: its api_key as a keyed hash (the key itself is a secret), and its own id for the update.</summary>
    public string? Client { get; set; }
    public string? ClientUpdateId { get; set; }
}

internal sealed class RequestUpdateConfiguration : IEntityTypeConfiguration<RequestUpdate>
{
    public void Configure(EntityTypeBuilder<RequestUpdate> b)
    {
        b.InJurisdiction(x => x.AreaPath);
        b.ToTable("RequestUpdates");
        b.HasOne<ResidentRequest>().WithMany().HasForeignKey(u => u.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(u => u.At);
        b.HasIndex(u => u.AreaPath);
        b.HasIndex(u => new { u.Client, u.ClientUpdateId }).IsUnique();
        b.Property(u => u.RequestCode).HasMaxLength(40);
        b.Property(u => u.AreaPath).HasMaxLength(200);
        b.Property(u => u.Status).HasMaxLength(10);
        b.Property(u => u.ExternalStatus).HasMaxLength(40);
        b.Property(u => u.Note).HasMaxLength(1000);
        b.Property(u => u.NoteKey).HasMaxLength(300);
        b.Property(u => u.Client).HasMaxLength(64);
        b.Property(u => u.ClientUpdateId).HasMaxLength(100);
    }
}
