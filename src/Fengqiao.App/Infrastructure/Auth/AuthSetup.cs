using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Infrastructure.Auth;

public static class AuthSetup
{
    public const int MaxFailedSignIns = 5;

    public static WebApplicationBuilder AddStaffAuth(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneUseCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswords>();
        builder.Services.Configure<SecondFactorOptions>(builder.Configuration.GetSection(SecondFactorOptions.Section));

        builder.Services.Configure<SessionOptions>(builder.Configuration.GetSection(SessionOptions.Section));
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authentication.Cookies.ITicketStore, DbTicketStore>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, UseTicketStore>();
        var idle = builder.Configuration.GetValue(SessionOptions.Section + ":" + nameof(SessionOptions.IdleMinutes), new SessionOptions().IdleMinutes);

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "fq.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            // The server-side session decides (idle and absolute timeouts); the cookie never outlives it.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(idle);
            // API callers get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = async ctx =>
            {
                // A permission failure is audited: who tried what (in a context of its own, so nothing else gets saved with it).
                await using var scope = ctx.HttpContext.RequestServices.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<Data.AppDb>();
                Audit.AuditLog.Write(db, "forbidden", "Request", ctx.Request.Method, ctx.Request.Path.Value, userName: ctx.HttpContext.User.Identity?.Name ?? "anonymous");
                await db.SaveChangesAsync(ctx.HttpContext.RequestAborted);
                await Redirect(ctx, StatusCodes.Status403Forbidden);
            };
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Policies.Resident, p => p.RequireRole(Roles.Resident))
            .AddPolicy(Policies.ManageStaff, p => p.RequireRole(Roles.Administrator, Roles.Leader))
            .AddPolicy(Policies.ManageAreas, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Policies.ManageAccounts, p => p.RequireRole(Roles.SecurityOfficer));
        return builder;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // Residents have their own sign-in page; staff pages send to the staff one.
        ctx.Response.Redirect(ctx.Request.Path.StartsWithSegments("/portal")
            ? "/portal/login?ReturnUrl=" + Uri.EscapeDataString(ctx.Request.Path + ctx.Request.QueryString)
            : ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
