namespace Fengqiao.Features.Open311;

/// <summary>
/// A photo a resident attached to their report (JPEG, PNG or WebP, checked by content type and
/// by its first bytes on upload). Photos have no area of their own: they have their request's scope
/// (the query filter in AppDb goes through <see cref="Request"/>), so a photo is seen exactly where its
/// report is. A public read, as of the report itself, says IgnoreQueryFilters.
/// </summary>
public sealed class RequestPhoto
{
    public const int MaxContentType = 100;
    public const int MaxFileName = 200;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public ResidentRequest? Request { get; set; }
    public required string ContentType { get; set; }
    public required string FileName { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class RequestPhotoConfiguration : IEntityTypeConfiguration<RequestPhoto>
{
    public void Configure(EntityTypeBuilder<RequestPhoto> b)
    {
        b.InJurisdiction(x => x.Request!.AreaPath);
        b.HasIndex(p => p.RequestId);
        b.HasOne(p => p.Request).WithMany().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.ContentType).HasMaxLength(RequestPhoto.MaxContentType);
        b.Property(p => p.FileName).HasMaxLength(RequestPhoto.MaxFileName);
    }
}
