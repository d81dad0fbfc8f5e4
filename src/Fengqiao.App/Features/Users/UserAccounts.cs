using Fengqiao.Features.People;
using Fengqiao.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Features.Users;

public sealed record UserDto(string Id, string UserName, string? DisplayName, string? PersonName, IReadOnlyList<string> Roles,
    bool LockedOut, DateTimeOffset? LockedUntil, bool SecondFactor, int Sessions, string ConcurrencyStamp);

public sealed record RolesInput(IReadOnlyList<string>? Roles, string? ConcurrencyStamp);

/// <summary>
/// The security officer's work on accounts (三员分立: the administrator runs the system, the security officer decides
/// who may do what, the auditor reads the log). Every change ends the account's sessions and is audited.
/// </summary>
public sealed class UserAccounts(AppDb db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<Page<UserDto>> ListAsync(string? search, string? role, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = Paging.LikeContains(search);
            q = q.Where(u => EF.Functions.Like(u.UserName!, like, "\\") || EF.Functions.Like(u.DisplayName!, like, "\\")
                || db.Set<Person>().Any(p => p.Id == u.PersonId && EF.Functions.Like(p.NameZh, like, "\\")));
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        q = sort == "-userName" ? q.OrderByDescending(u => u.UserName) : q.OrderBy(u => u.UserName);
        var now = clock.GetUtcNow();
        var rows = await q.Select(u => new
        {
            u.Id, u.UserName, u.DisplayName, PersonName = db.Set<Person>().Where(p => p.Id == u.PersonId).Select(p => p.NameZh).FirstOrDefault(), u.LockoutEnd, u.TwoFactorEnabled, u.ConcurrencyStamp,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            Sessions = db.Set<UserSession>().Count(s => s.UserId == u.Id),
        }).ToPageAsync(page, pageSize, ct);
        return new Page<UserDto>([.. rows.Items.Select(u => new UserDto(u.Id, u.UserName ?? "", u.DisplayName, u.PersonName, u.Roles,
            u.LockoutEnd > now, u.LockoutEnd > now ? u.LockoutEnd : null, u.TwoFactorEnabled, u.Sessions, u.ConcurrencyStamp ?? ""))],
            rows.PageNumber, rows.PageSize, rows.Total);
    }

    /// <summary>Replaces an account's roles. Null when the account changed since it was read (409), or errors.</summary>
    public async Task<(bool Found, bool Conflict, string? Error)> SetRolesAsync(string id, RolesInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return (false, false, null);
        }
        if (input.ConcurrencyStamp is null || input.ConcurrencyStamp != user.ConcurrencyStamp)
        {
            return (true, true, null);
        }
        var wanted = (input.Roles ?? []).Distinct().ToList();
        if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return (true, false, unknown);
        }
        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        result = result.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : result;
        if (!result.Succeeded)
        {
            return (true, result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)), null);
        }
        await EndAsync(user, "roles-changed", string.Join(",", wanted.Order()), ct);
        return (true, false, null);
    }

    public async Task<bool> UnlockAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        AuditLog.Write(db, "account-unlocked", "Account", user.UserName ?? id);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The account must set up its authenticator again (a lost phone).</summary>
    public async Task<bool> ResetSecondFactorAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await EndAsync(user, "second-factor-reset", null, ct);
        return true;
    }

    public async Task<bool> EndSessionsAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }
        await EndAsync(user, "sessions-ended", null, ct);
        return true;
    }

    private async Task EndAsync(AppUser user, string action, string? reason, CancellationToken ct)
    {
        await users.UpdateSecurityStampAsync(user);
        await DbTicketStore.EndAllAsync(db, user.Id, ct);
        AuditLog.Write(db, action, "Account", user.UserName ?? user.Id, reason);
        await db.SaveChangesAsync(ct);
    }
}
