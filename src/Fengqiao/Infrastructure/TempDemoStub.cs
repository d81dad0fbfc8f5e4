namespace Fengqiao.Features.Demo;
public static class DemoSetup
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder) { builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo")); return builder; }
    public static Task SeedDemoAsync(this IServiceProvider services, CancellationToken ct = default) => Task.CompletedTask;
}
