using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Secondments;
using Fengqiao.Features.Units;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Demo;

/// <summary>What the demo seed created (posts include the seconded ones).</summary>
public sealed record DemoSeedCounts(int Areas, int Units, int People, int Posts, int Secondments);

/// <summary>
/// Fills an empty database with the demo province of Jilin — areas down to grids, police and
/// local units, staff and their posts, officers sent down to stations — and the demo sign-ins of
/// <see cref="DemoAccounts"/>. Deterministic: one seeded <see cref="Random"/> and fixed dates.
/// The caller must have granted the scope's jurisdiction everything.
/// </summary>
public sealed class DemoSeeder(AppDb db, UserManager<AppUser> users)
{
    /// <summary>The article's date, 2024-05-24.</summary>
    public const int RandomSeed = 20240524;

    public async Task<DemoSeedCounts> SeedAsync(CancellationToken ct = default)
    {
        var world = DemoMap.Build();
        var staff = DemoStaff.Build(world, new Random(RandomSeed));
        await SaveAsync(world, staff, ct);

        var personIds = staff.Named.ToDictionary(p => p.Key, p => p.Value.Id);
        // Thousands of tracked entities would only slow the identity store's saves down.
        db.ChangeTracker.Clear();
        await CreateAccountsAsync(personIds);

        return new DemoSeedCounts(
            world.Areas.Count, world.Units.Count, staff.People.Count, staff.Posts.Count + staff.Secondments.Count, staff.Secondments.Count);
    }

    /// <summary>Two saves in one transaction: everything, then the seconded posts that need their secondment's id.</summary>
    private async Task SaveAsync(DemoWorld world, DemoStaff staff, CancellationToken ct)
    {
        await DemoBatch.WriteAsync(db, async (save, _) =>
        {
            db.Areas.AddRange(world.Areas);
            db.Units.AddRange(world.Units);
            db.People.AddRange(staff.People);
            db.Posts.AddRange(staff.Posts);
            db.Secondments.AddRange(staff.Secondments.Select(s => s.Secondment));
            await save();

            foreach (var (secondment, post) in staff.Secondments)
            {
                post.SecondmentId = secondment.Id;
            }
            db.Posts.AddRange(staff.Secondments.Select(s => s.Post));
            await save();
        }, null, ct);
    }

    private async Task CreateAccountsAsync(Dictionary<string, int> personIds)
    {
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }
            int? personId = null;
            if (account.PersonNameZh.Length > 0)
            {
                if (!personIds.TryGetValue(account.PersonNameZh, out var id))
                {
                    throw new InvalidOperationException(
                        "Demo account " + account.UserName + " names " + account.PersonNameZh + ", who is not in the demo data.");
                }
                personId = id;
            }
            var user = new AppUser { UserName = account.UserName, PersonId = personId, EmailConfirmed = true };
            var result = await users.CreateAsync(user, DemoAccounts.Password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, account.Role);
            }
            if (result.Succeeded && DemoAccounts.NeedsSecondFactor(account))
            {
                result = await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey);
                result = result.Succeeded ? await users.SetTwoFactorEnabledAsync(user, true) : result;
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    "Could not create demo account " + account.UserName + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
