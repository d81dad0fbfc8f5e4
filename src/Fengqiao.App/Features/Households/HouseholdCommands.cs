using Fengqiao.Features.Areas;
using Fengqiao.Infrastructure.Audit;

namespace Fengqiao.Features.Households;

public sealed record HouseholdChange(ChangeOutcome Outcome, int Id = 0, string? Value = null);

/// <summary>Registering households and residents, and revealing their personal data. Shared by the pages and the API.</summary>
public sealed class HouseholdCommands(AppDb db, FieldProtector protector)
{
    public const int MaxMembers = 30;

    public async Task<HouseholdChange> CreateAsync(Checks c, HouseholdInput i, CancellationToken ct)
    {
        c.Required("address", i.Address, ResidentRules.AddressMax);
        var area = string.IsNullOrWhiteSpace(i.AreaCode) ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == i.AreaCode, ct);
        c.When(area is null || area.Level < AreaLevel.Community, "areaCode", "Give the grid or community where the household lives.");
        var phone = CheckPhone(c, "phone", i.Phone);
        c.When(!HouseholdView.IsValid(i.Tags), "tags", "Choose tags from the list.")
            .When(i.Members?.Count > MaxMembers, "members", "A household has at most {0} members; add more one by one.", MaxMembers);
        if (i.Members?.Count > MaxMembers)
        {
            return new(ChangeOutcome.Invalid);
        }
        var members = new List<Resident>();
        foreach (var (m, index) in (i.Members ?? []).Select((m, index) => (m, index)))
        {
            if (await NewResidentAsync(c, $"members[{index}].", m, ct) is { } r)
            {
                members.Add(r);
            }
        }
        c.When(members.Select(m => m.IdHash).Distinct().Count() != members.Count, "members", "The same ID number is given twice.");
        if (!c.Ok)
        {
            return new(ChangeOutcome.Invalid);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await CaseCodes.NextNumberAsync(db, "HH-" + area!.Code, ct);
        var household = new Household
        {
            Code = $"{area.Code}-{number:0000}", Address = i.Address!.Trim(), AreaId = area.Id, AreaPath = area.Path,
            Tags = i.Tags ?? HouseholdTags.None, CreatedAt = DateTime.UtcNow, MemberCount = members.Count,
        };
        SetPhone(household, phone);
        foreach (var m in members)
        {
            m.AreaPath = area.Path;
            household.Members.Add(m);
        }
        db.Households.Add(household);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (members.Count > 0 && DbErrors.IsUniqueViolation(e))
        {
            // The unique ID hash: someone registered one of these people a moment ago.
            db.ChangeTracker.Clear();
            c.Add("members", "A resident with this ID number is already registered.");
            return new(ChangeOutcome.Invalid);
        }
        await tx.CommitAsync(ct);
        return new(ChangeOutcome.Ok, household.Id);
    }

    public async Task<HouseholdChange> UpdateAsync(Checks c, int id, HouseholdInput i, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        c.Required("address", i.Address, ResidentRules.AddressMax)
            .When(!HouseholdView.IsValid(i.Tags), "tags", "Choose tags from the list.")
            .When(i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        var phone = CheckPhone(c, "phone", i.Phone);
        if (!c.Ok)
        {
            return new(ChangeOutcome.Invalid);
        }
        household.Address = i.Address!.Trim();
        household.Tags = i.Tags ?? household.Tags;
        if (!string.IsNullOrWhiteSpace(i.Phone))
        {
            SetPhone(household, phone);
        }
        return await db.SaveVersionedAsync(household, i.Version!.Value, ct) ? new(ChangeOutcome.Ok, id) : new(ChangeOutcome.Conflict, id);
    }

    public async Task<HouseholdChange> AddMemberAsync(Checks c, int householdId, ResidentInput i, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        var resident = await NewResidentAsync(c, "", i, ct);
        if (resident is null || !c.Ok)
        {
            return new(ChangeOutcome.Invalid);
        }
        resident.AreaPath = household.AreaPath;
        resident.HouseholdId = household.Id;
        db.Residents.Add(resident);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            // Counted in the database, so two members added at once both count (the household's own edits keep their version check).
            await db.Households.Where(h => h.Id == householdId).ExecuteUpdateAsync(s => s.SetProperty(h => h.MemberCount, h => h.MemberCount + 1), ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The unique ID hash: someone registered the same person a moment ago.
            db.ChangeTracker.Clear();
            c.Add("idNumber", "A resident with this ID number is already registered.");
            return new(ChangeOutcome.Invalid);
        }
        return new(ChangeOutcome.Ok, resident.Id);
    }

    public async Task<HouseholdChange> UpdateMemberAsync(Checks c, int residentId, ResidentInput i, CancellationToken ct)
    {
        var resident = await db.Residents.FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        var nameProblem = ResidentRules.NameProblem(i.Name);
        c.When(nameProblem is not null, "name", nameProblem ?? "")
            .When(i.Relation is { } relation && !Enum.IsDefined(relation), "relation", "Choose the relation to the head of the household.")
            .When(!HouseholdView.IsValid(i.Tags), "tags", "Choose tags from the list.")
            .When(i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        var phone = CheckPhone(c, "phone", i.Phone);
        if (!c.Ok)
        {
            return new(ChangeOutcome.Invalid);
        }
        resident.Name = i.Name!.Trim();
        resident.Relation = i.Relation ?? resident.Relation;
        resident.Tags = i.Tags ?? resident.Tags;
        if (!string.IsNullOrWhiteSpace(i.Phone))
        {
            (resident.PhoneCipher, resident.PhoneHash, resident.PhoneMasked) = (protector.Protect(phone!), protector.Hash(phone!), Mask.Phone(phone!));
        }
        return await db.SaveVersionedAsync(resident, i.Version!.Value, ct) ? new(ChangeOutcome.Ok, residentId) : new(ChangeOutcome.Conflict, residentId);
    }

    /// <summary>
    /// Shows one personal value in the clear to someone allowed to see it, for a stated reason.
    /// The audit entry is saved before the value is returned: no audit, no reveal.
    /// </summary>
    public async Task<HouseholdChange> RevealResidentAsync(Checks c, int residentId, RevealInput i, bool allowed, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        if (!allowed)
        {
            return new(ChangeOutcome.Forbidden);
        }
        var cipher = i.Field switch
        {
            "idNumber" => resident.IdCipher,
            "phone" => resident.PhoneCipher,
            _ => null,
        };
        CheckReveal(c, i, cipher);
        if (!c.Ok)
        {
            return new(ChangeOutcome.Invalid);
        }
        AuditLog.Write(db, "reveal:" + i.Field, nameof(Resident), residentId.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Reason!.Trim(), resident.AreaPath);
        await db.SaveChangesAsync(ct);
        return new(ChangeOutcome.Ok, residentId, protector.Unprotect(cipher!));
    }

    public async Task<HouseholdChange> RevealHouseholdPhoneAsync(Checks c, int householdId, RevealInput i, bool allowed, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        if (!allowed)
        {
            return new(ChangeOutcome.Forbidden);
        }
        CheckReveal(c, i with { Field = i.Field ?? "phone" }, i.Field is null or "phone" ? household.PhoneCipher : null);
        if (!c.Ok)
        {
            return new(ChangeOutcome.Invalid);
        }
        AuditLog.Write(db, "reveal:phone", nameof(Household), householdId.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Reason!.Trim(), household.AreaPath);
        await db.SaveChangesAsync(ct);
        return new(ChangeOutcome.Ok, householdId, protector.Unprotect(household.PhoneCipher!));
    }

    private static void CheckReveal(Checks c, RevealInput i, string? cipher) =>
        c.When(i.Field is not ("idNumber" or "phone"), "field", "Choose what to reveal: idNumber or phone.")
            .When(i.Field is "idNumber" or "phone" && cipher is null, "field", "There is no such value on record.")
            .When(string.IsNullOrWhiteSpace(i.Reason) || i.Reason.Trim().Length < 4, "reason", "Say why you need to see it (at least 4 characters); it is written to the audit log.")
            .Optional("reason", i.Reason, 500);

    private async Task<Resident?> NewResidentAsync(Checks c, string prefix, ResidentInput i, CancellationToken ct)
    {
        c.When(ResidentRules.NameProblem(i.Name) is not null, prefix + "name", ResidentRules.NameProblem(i.Name) ?? "");
        var idProblem = ResidentRules.IdProblem(i.IdNumber, out var id, out var birth);
        c.When(idProblem is not null, prefix + "idNumber", idProblem ?? "");
        var phone = CheckPhone(c, prefix + "phone", i.Phone);
        c.When(i.Relation is { } rel && !Enum.IsDefined(rel), prefix + "relation", "Choose the relation to the head of the household.")
            .When(!HouseholdView.IsValid(i.Tags), prefix + "tags", "Choose tags from the list.");
        if (idProblem is not null || ResidentRules.NameProblem(i.Name) is not null)
        {
            return null;
        }
        var hash = protector.Hash(id);
        if (await db.Residents.IgnoreQueryFilters().AnyAsync(r => r.IdHash == hash, ct))
        {
            // Said without telling where: the person may be registered outside the caller's jurisdiction.
            c.Add(prefix + "idNumber", "A resident with this ID number is already registered.");
            return null;
        }
        var resident = new Resident
        {
            AreaPath = "", Name = i.Name!.Trim(), IdCipher = protector.Protect(id), IdHash = hash, IdMasked = Mask.IdNumber(id),
            BirthDate = birth, Gender = ResidentRules.GenderOf(id), Relation = i.Relation ?? Relation.Head, Tags = i.Tags ?? HouseholdTags.None,
        };
        if (phone is not null)
        {
            (resident.PhoneCipher, resident.PhoneHash, resident.PhoneMasked) = (protector.Protect(phone), protector.Hash(phone), Mask.Phone(phone));
        }
        return resident;
    }

    private static string? CheckPhone(Checks c, string field, string? value)
    {
        var problem = ResidentRules.PhoneProblem(value, out var phone);
        c.When(problem is not null, field, problem ?? "");
        return phone;
    }

    private void SetPhone(Household h, string? phone)
    {
        if (phone is not null)
        {
            (h.PhoneCipher, h.PhoneHash, h.PhoneMasked) = (protector.Protect(phone), protector.Hash(phone), Mask.Phone(phone));
        }
    }
}
