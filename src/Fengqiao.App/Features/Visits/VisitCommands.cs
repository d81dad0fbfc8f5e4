using Fengqiao.Features.Dangers;
using Fengqiao.Features.Disputes;
using Fengqiao.Features.Households;
using Fengqiao.Features.Demands;

namespace Fengqiao.Features.Visits;

/// <summary>Logging a home visit and recording what it produced, shared by the API and the pages.</summary>
public static class VisitCommands
{
    /// <summary>A visit may be logged a little ahead of the server's clock (phones are not all on time).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Validates and saves a visit. When the resident raised a demand, the demand is created in the
    /// same transaction (source: home visit, linked to the household and the visit): everything is
    /// saved or nothing. Returns null with the problems in <paramref name="c"/>.
    /// </summary>
    public static async Task<Visit?> LogAsync(AppDb db, Checks c, LocalClock clock, VisitInput i, CancellationToken ct)
    {
        // A draft sent again (the answer lost to a dropped signal) is the visit already saved, not a second one.
        if (i.ClientId is { } clientId && await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.ClientId == clientId, ct) is { } sent)
        {
            return sent;
        }
        var officerId = db.Jurisdiction.PersonId;
        var visitedAt = i.VisitedAt ?? clock.Now;
        c.When(i.HouseholdId is null, "householdId", "Choose the household you visited.")
            .Required("notes", i.Notes, Visit.NotesMax)
            .Optional("companionName", i.CompanionName, Visit.CompanionMax)
            .When(visitedAt > clock.Now + ClockSkew, "visitedAt", "A visit cannot be in the future.")
            .When(officerId is null, "officerId", "Only a member of staff with a post can log a visit.");
        var demandDescription = i.Demand is null ? null : string.IsNullOrWhiteSpace(i.Demand.Description) ? i.Notes : i.Demand.Description;
        if (i.Demand is { } d)
        {
            c.When(d.Category is null || !Enum.IsDefined(d.Category.Value), "demand.category", "Choose the kind of demand.");
            if (!string.IsNullOrWhiteSpace(demandDescription))
            {
                c.Optional("demand.description", demandDescription.Trim(), DemandLimits.DescriptionMax);
            }
        }

        var household = i.HouseholdId is null ? null : await db.Households.AsNoTracking().Where(h => h.Id == i.HouseholdId)
            .Select(h => new { h.Id, h.AreaPath, h.Tags }).FirstOrDefaultAsync(ct);
        c.When(i.HouseholdId is not null && household is null, "householdId", "There is no such household in your jurisdiction.");

        var day = clock.DayOf(visitedAt);
        int? campaignId = null;
        if (household is not null && i.CampaignId is { } wanted)
        {
            var campaign = await db.Campaigns.AsNoTracking().Where(x => x.Id == wanted)
                .Select(x => new { x.Id, x.StartsOn, x.EndsOn, x.TargetTags, Paths = x.Areas.Select(a => a.AreaPath).ToList() })
                .FirstOrDefaultAsync(ct);
            c.When(campaign is null, "campaignId", "There is no such campaign in your jurisdiction.");
            if (campaign is not null)
            {
                c.When(!CampaignCoverage.IsTarget(campaign.Paths, campaign.TargetTags, household.AreaPath, household.Tags),
                        "campaignId", "This household is not one of the campaign's targets.")
                    .When(day < campaign.StartsOn || day > campaign.EndsOn, "campaignId", "The visit is outside the campaign's dates.");
                campaignId = campaign.Id;
            }
        }
        else if (household is not null)
        {
            campaignId = await CampaignCoverage.ActiveFor(db, household.AreaPath, household.Tags, day).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        }
        if (!c.Ok)
        {
            return null;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var visit = new Visit
        {
            HouseholdId = household!.Id,
            AreaPath = household.AreaPath,
            CampaignId = campaignId,
            VisitedAt = visitedAt.UtcDateTime,
            OfficerId = officerId!.Value,
            CompanionName = string.IsNullOrWhiteSpace(i.CompanionName) ? null : i.CompanionName.Trim(),
            Notes = i.Notes!.Trim(),
            AntiFraudGiven = i.AntiFraudGiven ?? false,
            ClientId = i.ClientId,
        };
        db.Visits.Add(visit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (i.ClientId is { } raced)
        {
            // The same draft, sent twice at once: the other request saved it first (the unique index on ClientId).
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.ClientId == raced, ct) ?? throw new InvalidOperationException("A visit failed to save.");
        }
        if (i.Demand is { } raised)
        {
            var demand = await DemandCommands.CreateAsync(
                db, c, clock, new DemandInput(raised.Category, DemandSource.HomeVisit, demandDescription!.Trim(), null, household.Id, visit.Id), ct);
            if (demand is null)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return null;
            }
            visit.DemandId = demand.Id;
            if (db.Entry(visit).State == EntityState.Detached)
            {
                db.Visits.Update(visit);
            }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return visit;
    }

    /// <summary>Records the case and the hidden danger a visit produced, by their codes; a blank code clears the link.</summary>
    public static async Task<ChangeOutcome> LinkAsync(AppDb db, Checks c, int id, VisitLinksInput i, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return ChangeOutcome.NotFound;
        }
        c.When(i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.");
        var disputeCode = i.DisputeCode?.Trim();
        var dangerCode = i.DangerCode?.Trim();
        int? disputeId = null;
        int? dangerId = null;
        if (!string.IsNullOrEmpty(disputeCode))
        {
            disputeId = await db.Disputes.AsNoTracking().Where(d => d.Code == disputeCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            c.When(disputeId is null, "disputeCode", "There is no such case in your jurisdiction.");
        }
        if (!string.IsNullOrEmpty(dangerCode))
        {
            dangerId = await db.Dangers.AsNoTracking().Where(d => d.Code == dangerCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            c.When(dangerId is null, "dangerCode", "There is no such hidden danger in your jurisdiction.");
        }
        if (!c.Ok)
        {
            return ChangeOutcome.Invalid;
        }
        (visit.DisputeId, visit.DangerId) = (disputeId, dangerId);
        return await db.SaveVersionedAsync(visit, i.Version!.Value, ct) ? ChangeOutcome.Ok : ChangeOutcome.Conflict;
    }
}

/// <summary>The demand's own limit, checked before anything is saved so that all problems come in one answer.</summary>
public static class DemandLimits
{
    public const int DescriptionMax = 2000;
}
