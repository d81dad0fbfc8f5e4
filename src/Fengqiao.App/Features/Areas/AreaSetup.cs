namespace Fengqiao.Features.Areas;

public static class AreaSetup
{
    public static WebApplicationBuilder AddAreas(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GridLocator>();
        return builder;
    }
}
