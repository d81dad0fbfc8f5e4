namespace Fengqiao.Infrastructure.Privacy;

public sealed class PrivacyOptions
{
    /// <summary>Roles that may reveal a masked ID or phone number (with a reason, audited).</summary>
    public string[]? RevealRoles { get; set; }

    public IReadOnlyList<string> Revealers => RevealRoles is { Length: > 0 } ? RevealRoles : [Auth.Roles.Officer, Auth.Roles.Leader];
}

public static class PrivacySetup
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var shared = string.Equals(builder.Configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
        var ring = PrivacyKeyRing.Load(builder.Configuration, builder.Environment.ContentRootPath, shared);
        builder.Services.AddSingleton(new FieldProtector(ring));
        builder.Services.Configure<PrivacyOptions>(builder.Configuration.GetSection("Privacy"));
        return builder.AddKeyRing();
    }
}
