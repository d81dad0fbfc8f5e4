using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fengqiao.Features.Outbox;

/// <summary>One kind of call Fengqiao makes to a subscriber, as the OpenAPI document's <c>webhooks</c> describe it.</summary>
public sealed record WebhookEvent(string Name, string Summary, Type Payload);

/// <summary>
/// The outbound webhooks in the OpenAPI document (OpenAPI 3.1 <c>webhooks</c>): each event with its payload, the
/// signature and idempotency headers, and what the receiver's answer means to the outbox.
/// </summary>
public static class WebhookDocs
{
    /// <summary>The residents' report events; other features add theirs with <see cref="AddWebhookEvent"/>.</summary>
    public static readonly WebhookEvent[] ReportEvents =
    [
        new("request.received", "A resident's report was received and routed to a station.", typeof(WebhookPayload)),
        new("request.updated", "A report's status changed; the public note says why.", typeof(WebhookPayload)),
        new("request.resolved", "What the report became was resolved (mediated, danger removed, closed).", typeof(WebhookPayload)),
        new("request.reopened", "The resident said it is not resolved, or staff reopened it.", typeof(WebhookPayload)),
    ];

    /// <summary>Documents an event a feature sends to webhook subscribers.</summary>
    public static IServiceCollection AddWebhookEvent(this IServiceCollection services, string name, string summary, Type payload) =>
        services.AddSingleton(new WebhookEvent(name, summary, payload));

    private const string Signing =
        "Each request is signed: `X-Fengqiao-Signature: sha256=<hex HMAC-SHA256(secret, X-Fengqiao-Timestamp + \".\" + body)>`, " +
        "with the subscription's secret. Receivers should refuse a timestamp more than 5 minutes from their clock (replay " +
        "window) and compare signatures in constant time. `Idempotency-Key` (also the payload's `id`) is the same on every " +
        "attempt of one message: delivery is at least once, so a receiver that has seen the key answers 2xx and does nothing " +
        "again. A 2xx answer is delivery; 408, 409, 429 and 5xx (or no answer within 15 s) are tried again with doubling back-off; " +
        "any other 4xx is final and puts the message on the administrators' dead-letter list.";

    public static OpenApiOptions AddWebhooks(this OpenApiOptions options) => options.AddDocumentTransformer(async (doc, context, ct) =>
    {
        doc.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var e in context.ApplicationServices.GetServices<WebhookEvent>())
        {
            var schema = await context.GetOrCreateSchemaAsync(e.Payload, null, ct);
            doc.Webhooks[e.Name] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = "webhook-" + e.Name.Replace('.', '-'),
                        Summary = e.Summary,
                        Description = Signing,
                        Parameters =
                        [
                            Header("X-Fengqiao-Timestamp", "Unix seconds when the request was signed."),
                            Header("X-Fengqiao-Signature", "`sha256=` and the hex HMAC-SHA256 of `timestamp.body`."),
                            Header("Idempotency-Key", "The message's key: the same on every attempt."),
                        ],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["200"] = new OpenApiResponse { Description = "Received (any 2xx). A repeat of a key already seen is answered the same way." },
                            ["400"] = new OpenApiResponse { Description = "Refused for good (any 4xx but 408, 409 and 429): the message becomes a dead letter." },
                            ["503"] = new OpenApiResponse { Description = "Busy (5xx, 408, 409, 429 or a timeout): tried again later." },
                        },
                    },
                },
            };
        }
    });

    private static OpenApiParameter Header(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
