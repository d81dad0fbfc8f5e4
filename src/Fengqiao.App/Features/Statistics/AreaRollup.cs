namespace Fengqiao.Features.Statistics;

/// <summary>
/// One number of one area on one day: kept up to date in the transaction of every change
/// (<see cref="RollupWriter"/>) and rebuilt from the records by the <c>recount</c> command.
/// Every ancestor of a record's area down to the community gets the row (grids do not: their
/// daily rows would be as many as the records themselves), so an area's figure for a period
/// is one index range, however many records lie below it.
/// </summary>
public sealed class AreaRollup : INotAudited
{
    public Metric Metric { get; set; }
    /// <summary>The area's code (a segment of the records' area paths).</summary>
    public required string Area { get; set; }
    public DateOnly Day { get; set; }
    public long Value { get; set; }
}

internal sealed class AreaRollupConfiguration : IEntityTypeConfiguration<AreaRollup>
{
    public void Configure(EntityTypeBuilder<AreaRollup> b)
    {
        b.ToTable("AreaRollups");
        b.HasKey(r => new { r.Metric, r.Area, r.Day });
        b.Property(r => r.Area).HasMaxLength(20);
    }
}
