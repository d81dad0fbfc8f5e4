using Fengqiao.Features.Households.Import;
using Fengqiao.Infrastructure.Data.Replica;

namespace Fengqiao.Features.Households;

public static class HouseholdEndpoints
{
    public static WebApplicationBuilder AddHouseholds(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HouseholdCommands>();
        builder.Services.AddSingleton<Infrastructure.Privacy.IEncryptedSample, ResidentSample>();
        builder.AddResidentImport();
        return builder;
    }

    public static IEndpointRouteBuilder MapHouseholds(this IEndpointRouteBuilder app)
    {
        var h = app.MapGroup("/api/households").WithTags("Households and residents").RequireAuthorization(Policies.Staff)
            .AddEndpointFilter(NoStore);
        h.MapGet("/", List).WithName("ListHouseholds").WithSummary("Households; q takes an address, a code, a member's name, or an exact ID or mobile number.");
        h.MapGet("/{id:int}", Get).WithName("GetHousehold");
        h.MapPost("/", Create).WithName("CreateHousehold");
        h.MapPut("/{id:int}", Update).WithName("UpdateHousehold");
        h.MapPost("/{id:int}/members", AddMember).WithName("AddResident");
        h.MapPost("/{id:int}/reveal", RevealPhone).WithName("RevealHouseholdPhone").WithSummary("The household's phone in the clear; the reason is audited.");

        var r = app.MapGroup("/api/residents").WithTags("Households and residents").RequireAuthorization(Policies.Staff)
            .AddEndpointFilter(NoStore);
        r.MapGet("/", ([FromKeyedServices(ReadReplica.Key)] AppDb db, FieldProtector protector, string? name, int? page, int? pageSize, CancellationToken ct) =>
            LookupAsync(db, protector, new ResidentLookupInput(null, null, name, page, pageSize), ct)).WithName("FindResidentsByName").WithSummary("Residents with exactly this name.");
        r.MapPost("/lookup", LookupAsync).WithName("LookupResidents")
            .WithSummary("Exact look-up by ID number, mobile number or name, sent in the body so that the numbers never appear in an address or a log.");
        r.MapPut("/{id:int}", UpdateMember).WithName("UpdateResident");
        r.MapPost("/{id:int}/reveal", Reveal).WithName("RevealResident").WithSummary("An ID or phone number in the clear; the reason is audited.");

        app.MapResidentImport();
        return app;
    }

    /// <summary>Personal data is never kept by browsers or proxies.</summary>
    private static async ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }

    private static async Task<Ok<Page<HouseholdRow>>> List(AppDb db, FieldProtector protector, string? area, HouseholdTags? tag, string? q, string? sort,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await HouseholdQueries.Rows(HouseholdQueries.Filter(db, protector, area, tag, q, sort)).ToPageAsync(page, pageSize, ct));

    private static async Task<Results<Ok<HouseholdDto>, NotFound>> Get(AppDb db, int id, CancellationToken ct) =>
        await HouseholdQueries.GetAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Ok<Page<ResidentDto>>> LookupAsync([FromKeyedServices(ReadReplica.Key)] AppDb db, FieldProtector protector, ResidentLookupInput i, CancellationToken ct) =>
        TypedResults.Ok(await HouseholdQueries.Residents(HouseholdQueries.Lookup(db, protector, i.IdNumber, i.Phone, i.Name)).ToPageAsync(i.Page, i.PageSize, ct));

    private static async Task<Results<Created<HouseholdDto>, ValidationProblem>> Create(AppDb db, HouseholdCommands commands, ChecksFactory checks,
        HouseholdInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var result = await commands.CreateAsync(c, i, ct);
        return result.Outcome == ChangeOutcome.Ok
            ? TypedResults.Created($"/api/households/{result.Id}", await HouseholdQueries.GetAsync(db, result.Id, ct))
            : c.Problem();
    }

    private static async Task<Results<Ok<HouseholdDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Update(AppDb db, HouseholdCommands commands,
        ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, HouseholdInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var result = await commands.UpdateAsync(c, id, i, ct);
        return await AnswerAsync(db, l, c, result, id, ct);
    }

    private static async Task<Results<Created<HouseholdDto>, NotFound, ValidationProblem>> AddMember(AppDb db, HouseholdCommands commands, ChecksFactory checks,
        int id, ResidentInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var result = await commands.AddMemberAsync(c, id, i, ct);
        return result.Outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            _ => TypedResults.Created($"/api/households/{id}", await HouseholdQueries.GetAsync(db, id, ct)),
        };
    }

    private static async Task<Results<Ok<HouseholdDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> UpdateMember(AppDb db, HouseholdCommands commands,
        ChecksFactory checks, IStringLocalizer<SharedResource> l, int id, ResidentInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var result = await commands.UpdateMemberAsync(c, id, i, ct);
        var householdId = await db.Residents.Where(r => r.Id == id).Select(r => r.HouseholdId).FirstOrDefaultAsync(ct);
        return await AnswerAsync(db, l, c, result, householdId, ct);
    }

    private static async Task<Results<Ok<HouseholdDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> AnswerAsync(AppDb db,
        IStringLocalizer<SharedResource> l, Checks c, HouseholdChange result, int householdId, CancellationToken ct) =>
        result.Outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Invalid => c.Problem(),
            ChangeOutcome.Conflict => Problems.Conflict(l, await HouseholdQueries.GetAsync(db, householdId, ct)),
            _ => TypedResults.Ok((await HouseholdQueries.GetAsync(db, householdId, ct))!),
        };

    private static async Task<Results<Ok<RevealedDto>, NotFound, ValidationProblem, ForbidHttpResult>> Reveal(HouseholdCommands commands, ChecksFactory checks,
        IOptions<PrivacyOptions> options, HttpContext http, int id, RevealInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var result = await commands.RevealResidentAsync(c, id, i, CanReveal(http, options.Value), ct);
        return Revealed(c, result, i.Field ?? "");
    }

    private static async Task<Results<Ok<RevealedDto>, NotFound, ValidationProblem, ForbidHttpResult>> RevealPhone(HouseholdCommands commands, ChecksFactory checks,
        IOptions<PrivacyOptions> options, HttpContext http, int id, RevealInput i, CancellationToken ct)
    {
        var c = checks.Create();
        var result = await commands.RevealHouseholdPhoneAsync(c, id, i, CanReveal(http, options.Value), ct);
        return Revealed(c, result, "phone");
    }

    private static Results<Ok<RevealedDto>, NotFound, ValidationProblem, ForbidHttpResult> Revealed(Checks c, HouseholdChange result, string field) =>
        result.Outcome switch
        {
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Forbidden => TypedResults.Forbid(),
            ChangeOutcome.Invalid => c.Problem(),
            _ => TypedResults.Ok(new RevealedDto(field, result.Value!)),
        };

    public static bool CanReveal(HttpContext http, PrivacyOptions options) => options.Revealers.Any(http.User.IsInRole);
}
