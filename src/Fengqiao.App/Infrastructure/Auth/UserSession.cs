using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Fengqiao.Infrastructure.Auth;

/// <summary>
/// A signed-in session, kept on the server: the cookie holds only its random key. A new one is made at every
/// sign-in; sign-out deletes it, so a copied cookie dies with it. It also ends after
/// <see cref="SessionOptions.IdleMinutes"/> without a request and <see cref="SessionOptions.AbsoluteHours"/> after sign-in.
/// </summary>
public sealed class UserSession : INotAudited
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public required byte[] Ticket { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
    }
}

public sealed class SessionOptions
{
    public const string Section = "Session";
    /// <summary>A session without a request for this long is over.</summary>
    public int IdleMinutes { get; set; } = 30;
    /// <summary>However active, a session ends this long after sign-in.</summary>
    public int AbsoluteHours { get; set; } = 12;
}

/// <summary>The cookie handler's session store, in the database so that every node sees every sign-out.</summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionOptions> options) : ITicketStore
{
    /// <summary>Last-seen is written at most this often: a session read is a primary-key look-up, not a write per request.</summary>
    private static readonly TimeSpan Touch = TimeSpan.FromMinutes(1);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        // Old sessions go when new ones come; no timer needed.
        await db.Set<UserSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.Add(new UserSession
        {
            Id = key,
            UserId = ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "",
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now.AddHours(options.Value.AbsoluteHours),
            Ticket = TicketSerializer.Default.Serialize(ticket),
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<UserSession>().Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.LastSeenAt, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var session = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == key);
        if (session is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= session.ExpiresAt || now - session.LastSeenAt > TimeSpan.FromMinutes(options.Value.IdleMinutes))
        {
            await db.Set<UserSession>().Where(s => s.Id == key).ExecuteDeleteAsync();
            return null;
        }
        if (now - session.LastSeenAt > Touch)
        {
            try
            {
                await db.Set<UserSession>().Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
            }
            catch (Exception e) when (Web.DatabaseFaults.Classify(e) is not null)
            {
                // A database that cannot write (full, read-only) still serves reads to those signed in.
            }
        }
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Set<UserSession>().Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Every session of one account ends (a role change, a lock, a reset second factor).</summary>
    public static Task<int> EndAllAsync(AppDb db, string userId, CancellationToken ct) =>
        db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
}

/// <summary>
/// A sign-in never continues an old session: the cookie handler would renew the session it authenticated, keeping its
/// key. So before a sign-in request is authenticated, its session (if any) is deleted and its cookie dropped; the
/// sign-in then stores a new session under a new key.
/// </summary>
public static class SessionRotation
{
    private static readonly string[] SignInPaths = ["/api/account/login", "/account/login", "/account/login-code", "/portal/login"];

    public static async Task Rotate(HttpContext http, Func<Task> next)
    {
        if (HttpMethods.IsPost(http.Request.Method) && SignInPaths.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            var options = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
                .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
            var name = options.Cookie.Name!;
            if (http.Request.Cookies.TryGetValue(name, out var cookie))
            {
                var key = options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst("Microsoft.AspNetCore.Authentication.Cookies-SessionId")?.Value;
                if (key is not null && options.SessionStore is not null)
                {
                    await options.SessionStore.RemoveAsync(key, http, http.RequestAborted);
                }
                http.Request.Headers.Cookie = string.Join("; ", http.Request.Cookies.Where(c => c.Key != name).Select(c => $"{c.Key}={Uri.EscapeDataString(c.Value)}"));
            }
        }
        await next();
    }
}

/// <summary>Hands the store to the application cookie (the options are built before the container is).</summary>
internal sealed class UseTicketStore(ITicketStore store) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
        }
    }
}
