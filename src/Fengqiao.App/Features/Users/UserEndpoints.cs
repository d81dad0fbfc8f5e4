namespace Fengqiao.Features.Users;

public static class UserEndpoints
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserAccounts>();
        return builder;
    }

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/users").WithTags("Accounts").RequireAuthorization(Policies.ManageAccounts);
        g.MapGet("/", (UserAccounts a, string? search, string? role, string? sort, int? page, int? pageSize, CancellationToken ct) =>
                a.ListAsync(search, role, sort, page, pageSize, ct))
            .WithName("ListUsers").WithSummary("Accounts with their roles, lock and second-factor state (security officer only).");
        g.MapPut("/{id}/roles", SetRoles).WithName("SetUserRoles")
            .WithSummary("Replaces the roles; send the concurrencyStamp you read (409 if the account changed). Ends the account's sessions.");
        g.MapPost("/{id}/unlock", async (UserAccounts a, string id, CancellationToken ct) =>
            await a.UnlockAsync(id, ct) ? Results.NoContent() : Results.NotFound()).WithName("UnlockUser");
        g.MapPost("/{id}/reset-second-factor", async (UserAccounts a, string id, CancellationToken ct) =>
            await a.ResetSecondFactorAsync(id, ct) ? Results.NoContent() : Results.NotFound()).WithName("ResetUserSecondFactor");
        g.MapPost("/{id}/end-sessions", async (UserAccounts a, string id, CancellationToken ct) =>
            await a.EndSessionsAsync(id, ct) ? Results.NoContent() : Results.NotFound()).WithName("EndUserSessions");
        return app;
    }

    private static async Task<Results<NoContent, NotFound, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> SetRoles(
        UserAccounts a, IStringLocalizer<SharedResource> l, string id, RolesInput input, CancellationToken ct)
    {
        var (found, conflict, unknown) = await a.SetRolesAsync(id, input, ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }
        if (conflict)
        {
            return Problems.Duplicate(l, "Someone changed this account since you read it. Reload and try again.");
        }
        return unknown is null
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [l["There is no role {0}.", unknown]] });
    }
}
