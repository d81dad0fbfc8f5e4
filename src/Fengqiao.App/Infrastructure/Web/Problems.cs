using Microsoft.AspNetCore.Diagnostics;

namespace Fengqiao.Infrastructure.Web;

public static class Problems
{
    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ConcurrencyExceptionHandler>();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseFaults>();
        // Unreadable bodies reach the handler below, which names the field instead of a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddScoped<ChecksFactory>();
        return builder;
    }

    /// <summary>409: someone else saved first. The body carries what is stored now.</summary>
    public static Conflict<ProblemDetails> Conflict<T>(IStringLocalizer localizer, T current) =>
        TypedResults.Conflict(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = localizer["Someone else changed this record while you were editing it. Review the current version and try again."],
            Extensions = { ["current"] = current },
        });

    public static Conflict<ProblemDetails> Duplicate(IStringLocalizer localizer, string message, params object[] args) =>
        TypedResults.Conflict(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = localizer[message, args],
        });

    /// <summary>A concurrency failure that no endpoint caught still becomes a clean 409, not a 500.</summary>
    private sealed class ConcurrencyExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> localizer) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (exception is not DbUpdateConcurrencyException)
            {
                return false;
            }
            http.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = { Status = 409, Title = localizer["Someone else changed this record while you were editing it. Review the current version and try again."] },
            });
        }
    }

    /// <summary>
    /// A body or query value that cannot be read (a risk colour "Purple", a date "tomorrow") is a
    /// 400 that names the field, in the caller's language — never a 500 or a bare "bad request".
    /// </summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> localizer) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }
            var field = bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path }
                ? path.TrimStart('$', '.')
                : "body";
            http.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = bad.StatusCode,
                    Title = localizer["Some fields need attention."],
                    Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [localizer["This value cannot be read."]] } },
                },
            });
        }
    }
}
