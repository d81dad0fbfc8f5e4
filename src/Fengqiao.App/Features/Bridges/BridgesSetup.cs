using Fengqiao.Features.Open311;

namespace Fengqiao.Features.Bridges;

/// <summary>The <c>Bridges:Hotline12345</c> section: the 12345 hotline's signed intake of work orders.</summary>
public sealed class Hotline12345Options
{
    public const string Section = "Bridges:Hotline12345";

    /// <summary>The secret the hotline signs its deliveries with; empty: the intake is closed (404, "not configured"), like a route that is not there.</summary>
    public string Secret { get; set; } = "";
    /// <summary>The service an order becomes when its category names none of ours (most 12345 orders are residents' demands).</summary>
    public string DefaultService { get; set; } = RequestServices.Demand;
    /// <summary>The hotline's categories mapped to our service codes (<c>噪音扰民</c> → <c>dispute-neighbour</c>).</summary>
    public Dictionary<string, string> Categories { get; set; } = [];
}

/// <summary>
/// Bridges to other systems that residents reach first. The answer going back out needs nothing here: a report that came
/// in through a bridge carries the other system's order number, and the outbox's webhook subscribed to that bridge
/// (<c>Outbox:Webhooks:n:Bridge=12345</c>) is told of its status changes and answer with that number.
/// </summary>
public static class BridgesSetup
{
    public static WebApplicationBuilder AddBridges(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Hotline12345Options>(builder.Configuration.GetSection(Hotline12345Options.Section));
        return builder;
    }

    public static IEndpointRouteBuilder MapBridges(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/bridges").WithTags("Bridges").AllowAnonymous();
        g.MapHotlineOrders();
        return app;
    }
}
