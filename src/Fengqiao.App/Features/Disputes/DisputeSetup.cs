using Fengqiao.Features.Disputes.Documents;

namespace Fengqiao.Features.Disputes;

public static class DisputeSetup
{
    public static WebApplicationBuilder AddDisputes(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DeadlineOptions>(builder.Configuration.GetSection(DeadlineOptions.Section));
        builder.Services.Configure<DisputeOptions>(o =>
        {
            // A configured list replaces the defaults rather than being appended to them.
            var configured = builder.Configuration.GetSection(DisputeOptions.Section).GetSection(nameof(DisputeOptions.Categories)).Get<List<DisputeCategory>>();
            if (configured is { Count: > 0 })
            {
                o.Categories = configured;
            }
        });
        builder.Services.AddSingleton<DisputeCategories>();
        builder.Services.AddScoped<DisputeWorkflow>();
        builder.Services.AddScoped<DisputeRegistration>();
        var documents = builder.Configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new DocumentOptions();
        builder.Services.AddSingleton(DocumentFont.Install(documents));
        builder.Services.AddScoped<CaseDocuments>();
        return builder;
    }
}
