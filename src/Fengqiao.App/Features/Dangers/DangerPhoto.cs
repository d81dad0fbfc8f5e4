namespace Fengqiao.Features.Dangers;

/// <summary>
/// A photo taken where a hidden danger was found (JPEG, PNG or WebP, checked as residents' report photos are).
/// It has its danger's scope (the query filter in AppDb goes through <see cref="Danger"/>).
/// </summary>
public sealed class DangerPhoto
{
    public int Id { get; set; }
    public int DangerId { get; set; }
    public Danger? Danger { get; set; }
    public required string ContentType { get; set; }
    public required string FileName { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class DangerPhotoConfiguration : IEntityTypeConfiguration<DangerPhoto>
{
    public void Configure(EntityTypeBuilder<DangerPhoto> b)
    {
        b.InJurisdiction(x => x.Danger!.AreaPath);
        b.HasIndex(p => p.DangerId);
        b.HasOne(p => p.Danger).WithMany().HasForeignKey(p => p.DangerId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.ContentType).HasMaxLength(100);
        b.Property(p => p.FileName).HasMaxLength(200);
    }
}
