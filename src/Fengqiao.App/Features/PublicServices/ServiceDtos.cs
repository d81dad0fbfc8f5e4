namespace Fengqiao.Features.PublicServices;

public sealed record ServiceDto(string Code, string NameZh, string NameEn, ServiceCategory Category, IReadOnlyList<string> MaterialsZh, IReadOnlyList<string> MaterialsEn,
    int TimeLimitWorkingDays, ServiceChannels Channels, decimal Fee);

public sealed record BundleDto(string Code, string NameZh, string NameEn, IReadOnlyList<string> ServiceCodes);

public sealed record OutletDto(int Id, string NameZh, string NameEn, OutletKind Kind, string UnitNameZh, string UnitNameEn, string? Address,
    string OpeningHours, IReadOnlyList<string> ServiceCodes, IReadOnlyList<CounterDto> Counters, IReadOnlyList<Facilities> Facilities);

public sealed record CounterDto(int Id, string Name);

public sealed record AppointmentDto(int Id, int OutletId, string OutletNameZh, string OutletNameEn, string ServiceCode, DateOnly Date, TimeOnly Start,
    string ResidentName, AppointmentStatus Status);

public sealed record TicketDto(int Id, string Label, string ServiceCode, TicketStatus Status, DateTimeOffset IssuedAt, DateTimeOffset? CalledAt, string? CounterName);

public sealed record DisplayDto(string OutletNameZh, string OutletNameEn, IReadOnlyList<TicketDto> Calling, int Waiting, double? AverageWaitMinutes);

public sealed record RecordDto(int Id, string Code, int OutletId, string OutletNameZh, string OutletNameEn, string ServiceCode, string? BundleCode, string ResidentName,
    RecordStatus Status, DateOnly ReceivedOn, DateOnly DueDate, DateOnly? FinishedOn, string? RejectionReason, string MaterialsChecked,
    ReviewDto? Review, RectificationDto? Rectification, long Version);

public sealed record ReviewDto(int Id, int Overall, int Efficiency, int Attitude, int ServiceLevel, string? Comment, AppealStatus Appeal, string? AppealReason);

public sealed record RectificationDto(int Id, int ReviewId, string RecordCode, int RecordId, DateOnly DueDate, RectificationStatus Status, string? Measures,
    string? FollowUpNote, bool? ResidentSatisfied, long Version);

public static class ServiceProjections
{
    public static ServiceDto ToDto(this PublicService s) =>
        new(s.Code, s.NameZh, s.NameEn, s.Category, s.Materials(true), s.Materials(false), s.TimeLimitWorkingDays, s.Channels, s.Fee);

    public static IQueryable<OutletDto> ToDto(this IQueryable<Outlet> q) =>
        q.Select(o => new OutletDto(o.Id, o.NameZh, o.NameEn, o.Kind, o.Unit!.NameZh, o.Unit.NameEn, o.Address, o.OpeningHours,
            o.ServiceCodes.Split(',', StringSplitOptions.None), o.Counters.OrderBy(c => c.Id).Select(c => new CounterDto(c.Id, c.Name)).ToList(),
            Outlet.List(o.Facilities)));

    public static IQueryable<AppointmentDto> ToDto(this IQueryable<Appointment> q) =>
        q.Select(a => new AppointmentDto(a.Id, a.OutletId, a.Slot!.Outlet!.NameZh, a.Slot.Outlet.NameEn, a.ServiceCode, a.Slot.Date, a.Slot.Start, a.ResidentName, a.Status));

    public static TicketDto ToDto(this Ticket t) => new(t.Id, t.Label, t.ServiceCode, t.Status, t.IssuedAt, t.CalledAt, t.CounterName);

    /// <summary>
    /// Records with their review and rectification. Read in three flat queries and joined here:
    /// SQLite cannot run the correlated sub-queries (APPLY) a single projection would need.
    /// </summary>
    public static async Task<List<RecordDto>> ToDtosAsync(this IQueryable<ServiceRecord> q, IQueryable<Review> reviews, IQueryable<Rectification> tasks, CancellationToken ct)
    {
        var rows = await q.Select(r => new
        {
            r.Id, r.Code, r.OutletId, OutletNameZh = r.Outlet!.NameZh, OutletNameEn = r.Outlet.NameEn, r.ServiceCode, r.BundleCode, r.ResidentName, r.Status,
            r.ReceivedOn, r.DueDate, r.FinishedOn, r.RejectionReason, r.MaterialsChecked, r.Version,
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var byRecord = await reviews.Where(v => ids.Contains(v.ServiceRecordId))
            .Select(v => new { v.ServiceRecordId, Dto = new ReviewDto(v.Id, v.Overall, v.Efficiency, v.Attitude, v.ServiceLevel, v.Comment, v.Appeal, v.AppealReason) })
            .ToDictionaryAsync(v => v.ServiceRecordId, v => v.Dto, ct);
        var taskRows = await tasks.Where(t => ids.Contains(t.Review!.ServiceRecordId))
            .Select(t => new { t.Review!.ServiceRecordId, t.Id, t.ReviewId, t.DueDate, t.Status, t.Measures, t.FollowUpNote, t.ResidentSatisfied, t.Version })
            .ToListAsync(ct);
        return rows.Select(r => new RecordDto(r.Id, r.Code, r.OutletId, r.OutletNameZh, r.OutletNameEn, r.ServiceCode, r.BundleCode, r.ResidentName, r.Status,
            r.ReceivedOn, r.DueDate, r.FinishedOn, r.RejectionReason, r.MaterialsChecked, byRecord.GetValueOrDefault(r.Id),
            taskRows.Where(t => t.ServiceRecordId == r.Id)
                .Select(t => new RectificationDto(t.Id, t.ReviewId, r.Code, r.Id, t.DueDate, t.Status, t.Measures, t.FollowUpNote, t.ResidentSatisfied, t.Version))
                .FirstOrDefault(),
            r.Version)).ToList();
    }

    public static async Task<Page<RecordDto>> ToRecordPageAsync(this IQueryable<ServiceRecord> q, IQueryable<Review> reviews, IQueryable<Rectification> tasks, int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, size);
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * s).Take(s).ToDtosAsync(reviews, tasks, ct);
        return new Page<RecordDto>(items, p, s, total);
    }
}
