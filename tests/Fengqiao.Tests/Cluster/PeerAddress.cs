using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fengqiao.Tests.Cluster;

/// <summary>
/// The test server has no network, so no peer address: this sets the one the test names in <see cref="Header"/> before
/// the app sees the request, as a real connection from that address would.
/// </summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext http, Func<Task> inner) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var peer))
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                http.Request.Headers.Remove(Header);
            }
            return inner();
        });
        next(app);
    };
}
