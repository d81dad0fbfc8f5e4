namespace Fengqiao.Features.PublicServices;

public sealed record OutletChoice(int Id, string Name);

/// <summary>
/// One service record: the materials checklist, the actions its state allows (start, complete,
/// reject, transfer), the counter's rating pad once it is completed, the review with its appeal,
/// and the rectification a bad review opened.
/// </summary>
public sealed class RecordModel(AppDb db, ServiceRecords records, ChecksFactory checks, LocalClock clock,
    IStringLocalizer<SharedResource> l) : RecordPage
{
    public RecordDto Record { get; private set; } = null!;
    public PublicService? Service { get; private set; }
    /// <summary>The required materials in the reader's language, in catalogue order.</summary>
    public IReadOnlyList<string> Materials { get; private set; } = [];
    public IReadOnlyList<OutletChoice> TransferTargets { get; private set; } = [];
    public string? TransferredTo { get; private set; }
    public string ReceivedAt { get; private set; } = "";
    public DateOnly Today => clock.Today;
    public bool IsOpen => Record.Status is RecordStatus.Received or RecordStatus.InProgress;
    public bool IsOverdue => IsOpen && Record.DueDate < Today;
    public bool CanDecide => User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Administrator);


    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostStartAsync(int id, long version, CancellationToken ct) =>
        ActAsync(id, new RecordActionInput("start", null, null, null, version), ct);

    public Task<IActionResult> OnPostCompleteAsync(int id, long version, CancellationToken ct) =>
        ActAsync(id, new RecordActionInput("complete", null, null, null, version), ct);

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason, long version, CancellationToken ct) =>
        ActAsync(id, new RecordActionInput("reject", reason, null, null, version), ct);

    public Task<IActionResult> OnPostTransferAsync(int id, int? transferToOutletId, long version, CancellationToken ct) =>
        ActAsync(id, new RecordActionInput("transfer", null, transferToOutletId, null, version), ct);

    /// <summary>The ticked materials (their indexes) become the record's 0/1 string.</summary>
    public async Task<IActionResult> OnPostMaterialsAsync(int id, int[]? ticked, long version, CancellationToken ct)
    {
        var current = await db.ServiceRecords.AsNoTracking().Where(r => r.Id == id).Select(r => r.MaterialsChecked).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return NotFound();
        }
        var marks = new string('0', current.Length).ToCharArray();
        foreach (var i in ticked ?? [])
        {
            if (i >= 0 && i < marks.Length)
            {
                marks[i] = '1';
            }
        }
        return await ActAsync(id, new RecordActionInput("materials", null, null, new string(marks), version), ct);
    }

    /// <summary>The counter's rating pad: the resident rates the completed service before leaving.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, int? overall, int? efficiency, int? attitude, int? serviceLevel, string? comment, CancellationToken ct)
    {
        var record = await db.ServiceRecords.FirstOrDefaultAsync(r => r.Id == id, ct);
        return await RatingAnswer.AnswerAsync(this, records, checks.Create(), record, new ReviewInput(overall, efficiency, attitude, serviceLevel, comment),
            l, thanks => Message = thanks, $"/services/records/{id}", async () => await LoadAsync(id, ct) ? Page() : NotFound(), ct);
    }

    /// <summary>The outlet appeals a mistaken or malicious review.</summary>
    public Task<IActionResult> OnPostAppealAsync(int id, string? reason, CancellationToken ct) => AppealAsync(id, reason, null, ct);

    /// <summary>A leader upholds the appeal (the review stops counting) or rejects it.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int id, bool upheld, CancellationToken ct) =>
        CanDecide ? await AppealAsync(id, null, upheld, ct) : Forbid();

    /// <summary>The five levels of the good/bad review, in the reader's language.</summary>
    public static string Level(IStringLocalizer localizer, int level) => level switch
    {
        5 => localizer["Very satisfied"].Value,
        4 => localizer["Satisfied"].Value,
        3 => localizer["Basically satisfied"].Value,
        2 => localizer["Dissatisfied"].Value,
        1 => localizer["Very dissatisfied"].Value,
        _ => level.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<IActionResult> ActAsync(int id, RecordActionInput input, CancellationToken ct)
    {
        var c = checks.Create();
        var (outcome, status) = await records.ActAsync(c, id, input, ct);
        return await AnswerAsync(id, outcome, c, $"/services/records/{id}", l["A record that is {0} cannot be changed this way.", l.Enum(status)], ct);
    }

    private async Task<IActionResult> AppealAsync(int id, string? reason, bool? decision, CancellationToken ct)
    {
        var reviewId = await db.Reviews.AsNoTracking().Where(r => r.ServiceRecordId == id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (reviewId is null)
        {
            return NotFound();
        }
        var c = checks.Create();
        switch (await records.AppealAsync(c, reviewId.Value, reason, decision, ct))
        {
            case ChangeOutcome.Ok:
                Message = l["Saved."];
                return Redirect($"/services/records/{id}");
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Invalid:
                c.AddTo(ModelState);
                break;
            default:
                ModelState.AddModelError("", l["This review's appeal cannot be changed this way."]);
                break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var record = await ServiceEndpoints.RecordAsync(db, id, ct);
        if (record is null)
        {
            return false;
        }
        Record = record;
        Service = await db.PublicServices.AsNoTracking().FirstOrDefaultAsync(s => s.Code == record.ServiceCode, ct);
        Materials = Service?.Materials(LocalizationSetup.IsChinese) ?? [];
        var more = await db.ServiceRecords.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.ReceivedAt, r.TransferredToOutletId }).FirstAsync(ct);
        ReceivedAt = clock.ToLocal(more.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (more.TransferredToOutletId is not null)
        {
            var target = await db.Outlets.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == more.TransferredToOutletId)
                .Select(o => new { o.NameZh, o.NameEn }).FirstOrDefaultAsync(ct);
            TransferredTo = target is null ? null : LocalizationSetup.Pick(target.NameZh, target.NameEn);
        }
        if (IsOpen)
        {
            // Any other outlet that offers the service may take it over, inside the jurisdiction or not.
            var code = record.ServiceCode;
            var candidates = await db.Outlets.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.Id != record.OutletId && o.ServiceCodes.Contains(code))
                .OrderBy(o => o.AreaPath).ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.NameZh, o.NameEn, o.ServiceCodes }).Take(500).ToListAsync(ct);
            TransferTargets = [.. candidates
                .Where(o => o.ServiceCodes.Split(',', StringSplitOptions.TrimEntries).Contains(code))
                .Select(o => new OutletChoice(o.Id, LocalizationSetup.Pick(o.NameZh, o.NameEn)))];
        }
        return true;
    }
}
