using System.Security.Cryptography;

namespace Fengqiao.Infrastructure.Web;

/// <summary>A write request carrying an Idempotency-Key, and the answer it got: a retry gets the same answer, not a second record.</summary>
public sealed class IdempotentRequest : INotAudited
{
    public required string Caller { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path, query and body: the same key with another request is a client error.</summary>
    public required string RequestHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Completed { get; set; }
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.HasKey(r => new { r.Caller, r.Key });
        b.Property(r => r.Caller).HasMaxLength(300);
        b.Property(r => r.Key).HasMaxLength(100);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(500);
        b.HasIndex(r => r.CreatedAt);
    }
}

/// <summary>
/// <c>Idempotency-Key</c> on POST, PUT, PATCH and DELETE to the API and Open311: the first request runs and its answer
/// is kept for a day; a retry with the same key gets that answer (header <c>Idempotent-Replayed: true</c>); the same key
/// with a different request is 422; a retry while the first still runs (or never finished) is 409. Answers of 5xx and
/// 429 are not kept, so those may be retried.
/// </summary>
public sealed class Idempotency(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);
    /// <summary>A first attempt still unfinished after this long is taken to have failed with its node or database.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext http, IServiceScopeFactory scopes, IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || !(http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/open311")))
        {
            await next(http);
            return;
        }
        if (key.Length > 100)
        {
            await Results.Problem(l["The Idempotency-Key header is at most 100 characters."], statusCode: 400).ExecuteAsync(http);
            return;
        }
        var caller = Limits.Client(http);
        var hash = await HashAsync(http.Request);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key);
        if (stored is null)
        {
            db.Add(new IdempotentRequest { Caller = caller, Key = key, RequestHash = hash, CreatedAt = now });
            try
            {
                await db.Set<IdempotentRequest>().Where(r => r.CreatedAt < now - KeptFor).ExecuteDeleteAsync();
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another request with this key got there first.
                db.ChangeTracker.Clear();
                stored = await db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key);
            }
        }
        if (stored is not null && !stored.Completed && stored.RequestHash == hash && now - stored.CreatedAt > Abandoned
            && await db.Set<IdempotentRequest>().Where(r => r.Caller == caller && r.Key == key && r.CreatedAt == stored.CreatedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now)) == 1)
        {
            // The first attempt never finished (its answer was lost with the database or the node): this retry takes it over.
            stored = null;
        }
        if (stored is not null)
        {
            await AnswerRepeatAsync(http, stored, hash, l);
            return;
        }
        await RunAndKeepAsync(http, db, caller, key);
    }

    private async Task RunAndKeepAsync(HttpContext http, AppDb db, string caller, string key)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            // The error handler answers; the key is freed so that the request may be tried again.
            http.Response.Body = original;
            await ForgetAsync(db, caller, key);
            throw;
        }
        http.Response.Body = original;
        if (http.Response.StatusCode is < 500 and not StatusCodes.Status429TooManyRequests)
        {
            var row = await db.Set<IdempotentRequest>().FirstAsync(r => r.Caller == caller && r.Key == key);
            row.Completed = true;
            row.Status = http.Response.StatusCode;
            row.ContentType = http.Response.ContentType;
            row.Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            row.Body = buffer.ToArray();
            await db.SaveChangesAsync();
        }
        else
        {
            await ForgetAsync(db, caller, key);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    }

    private static async Task ForgetAsync(AppDb db, string caller, string key)
    {
        try
        {
            await db.Set<IdempotentRequest>().Where(r => r.Caller == caller && r.Key == key).ExecuteDeleteAsync();
        }
        catch (Exception e) when (DatabaseFaults.Classify(e) is not null)
        {
            // The database is down: the row stays "not finished" and a retry is told to check (409), never run twice.
        }
    }

    private static async Task AnswerRepeatAsync(HttpContext http, IdempotentRequest stored, string hash, IStringLocalizer<SharedResource> l)
    {
        if (stored.RequestHash != hash)
        {
            await Results.Problem(l["This Idempotency-Key was used for a different request."], statusCode: StatusCodes.Status422UnprocessableEntity).ExecuteAsync(http);
            return;
        }
        if (!stored.Completed)
        {
            await Results.Problem(l["A request with this Idempotency-Key is still running or did not finish; check whether it took effect before sending it with a new key."],
                statusCode: StatusCodes.Status409Conflict).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = stored.Status;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (stored.ContentType is not null)
        {
            http.Response.ContentType = stored.ContentType;
        }
        if (stored.Location is not null)
        {
            http.Response.Headers.Location = stored.Location;
        }
        if (stored.Body is { Length: > 0 } body)
        {
            await http.Response.Body.WriteAsync(body);
        }
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
