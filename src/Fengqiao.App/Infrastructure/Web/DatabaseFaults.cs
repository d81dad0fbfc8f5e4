using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fengqiao.Infrastructure.Web;

/// <summary>
/// The database cannot take the write (disk full, read-only, busy beyond the timeout, connection lost): 503 with
/// Retry-After and a message in the caller's language, never a 500. The command was one transaction, so nothing of it
/// was kept; once the fault clears the next request works without a restart.
/// </summary>
internal sealed class DatabaseFaults(IProblemDetailsService problems, IStringLocalizer<SharedResource> localizer, ILogger<DatabaseFaults> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var fault = Classify(exception);
        if (fault is null)
        {
            return false;
        }
        // The kind of fault only: a database message may quote the values of the row.
        logger.LogError("Database fault ({Fault}) on {Method} {Path}", fault, http.Request.Method, http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = localizer["The database cannot save right now; nothing was changed. Try again shortly."],
                Extensions = { ["fault"] = fault },
            },
        });
    }

    /// <summary>A name for the fault, or null when the exception is not one the database's state explains.</summary>
    public static string? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 13 }:
                    return "disk-full";
                case SqliteException { SqliteErrorCode: 8 }:
                    return "read-only";
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return "busy";
                case SqliteException { SqliteErrorCode: 10 or 14 }:
                    return "io-error";
                case PostgresException { SqlState: "53100" or "53200" }:
                    return "disk-full";
                case PostgresException { SqlState: "25006" }:
                    return "read-only";
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" } or PostgresException { SqlState: ['0', '8', ..] }:
                    return "connection-lost";
                case NpgsqlException { IsTransient: true }:
                    return "connection-lost";
            }
        }
        return null;
    }
}
