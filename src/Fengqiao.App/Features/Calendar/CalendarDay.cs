namespace Fengqiao.Features.Calendar;

/// <summary>
/// One exception to the Monday–Friday rule: a public holiday (on a weekday or a weekend,
/// <see cref="IsWorkingDay"/> false) or a make-up working day on a weekend (调休上班,
/// <see cref="IsWorkingDay"/> true). Days that follow the rule are not stored.
/// </summary>
public sealed class CalendarDay
{
    public const int MaxNameLength = 50;

    public DateOnly Date { get; set; }
    public bool IsWorkingDay { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>Statutory days only, before the State Council has published the year's arrangement.</summary>
    public bool Provisional { get; set; }

    public CalendarDay Copy() => new()
    {
        Date = Date,
        IsWorkingDay = IsWorkingDay,
        NameZh = NameZh,
        NameEn = NameEn,
        Provisional = Provisional,
    };
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays");
        b.HasKey(d => d.Date);
        b.Property(d => d.Date).ValueGeneratedNever();
        b.Property(d => d.NameZh).HasMaxLength(CalendarDay.MaxNameLength);
        b.Property(d => d.NameEn).HasMaxLength(CalendarDay.MaxNameLength);
    }
}
