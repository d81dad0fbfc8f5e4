using Fengqiao.Features.Statistics;

namespace Fengqiao.Tools;

/// <summary>
/// The app's own service container (configuration, database provider, privacy keys: <see cref="AppServices.AddFengqiao"/>),
/// built without starting Kestrel or any background worker. The content root is the current directory, as for the app
/// itself: run from the app's folder (<c>dotnet run --project src/Fengqiao.Tools</c> does) to use its appsettings.json
/// and data/.
/// </summary>
public sealed class ToolHost : IAsyncDisposable
{
    private WebApplication? _app;

    public IServiceProvider Services()
    {
        if (_app is null)
        {
            // The app's name, not the tool's: its user secrets, Razor parts and Data Protection purpose are the app's.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Fengqiao", ContentRootPath = Directory.GetCurrentDirectory() });
            builder.AddFengqiao();
            _app = builder.Build();
            _app.UseRollupZone();
        }
        return _app.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
