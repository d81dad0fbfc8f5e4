namespace Fengqiao.Features.Households;

/// <summary>A household and its members: masked personal data, reveal with a reason (audited), add and edit members.</summary>
public sealed class DetailModel(AppDb db, HouseholdCommands commands, ChecksFactory checks, LocalClock clock, IOptions<PrivacyOptions> privacy,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public HouseholdDto Household { get; private set; } = null!;
    public DateOnly Today => clock.Today;
    public bool CanReveal => HouseholdEndpoints.CanReveal(HttpContext, privacy.Value);
    [TempData] public string? Message { get; set; }
    /// <summary>A value revealed by this request only: never stored in TempData or a cookie.</summary>
    public (string Who, string Field, string Value)? Revealed { get; private set; }

    [BindProperty] public ResidentForm Member { get; set; } = new();

    public sealed class ResidentForm
    {
        public string? Name { get; set; }
        public string? IdNumber { get; set; }
        public string? Phone { get; set; }
        public Relation? Relation { get; set; }
        public List<HouseholdTags>? Tags { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddMemberAsync(int id, CancellationToken ct)
    {
        var c = checks.Create();
        var result = await commands.AddMemberAsync(c, id,
            new ResidentInput(Member.Name, Member.IdNumber, Member.Phone, Member.Relation, HouseholdView.Combine(Member.Tags)), ct);
        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome == ChangeOutcome.Ok)
        {
            Message = l["Saved."];
            return Redirect($"/households/{id}");
        }
        c.AddTo(ModelState, "Member.");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevealAsync(int id, int? residentId, string? field, string? reason, CancellationToken ct)
    {
        if (residentId is not null && !await db.Residents.AnyAsync(r => r.Id == residentId && r.HouseholdId == id, ct))
        {
            return NotFound();
        }
        var c = checks.Create();
        var input = new RevealInput(field, reason);
        var result = residentId is null
            ? await commands.RevealHouseholdPhoneAsync(c, id, input, CanReveal, ct)
            : await commands.RevealResidentAsync(c, residentId.Value, input, CanReveal, ct);
        switch (result.Outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Forbidden:
                return Forbid();
            case ChangeOutcome.Invalid:
                foreach (var (f, messages) in c.Errors)
                {
                    messages.ForEach(m => ModelState.AddModelError(f == "reason" ? $"reason-{residentId}" : "", m));
                }
                break;
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (result.Outcome == ChangeOutcome.Ok)
        {
            var who = residentId is null ? Household.Household.Address : Household.Members.FirstOrDefault(m => m.Id == residentId)?.Name ?? "";
            Revealed = (who, field ?? "phone", result.Value!);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var household = await HouseholdQueries.GetAsync(db, id, ct);
        if (household is null)
        {
            return false;
        }
        Household = household;
        return true;
    }
}
