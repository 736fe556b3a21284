using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.Integration;
using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;

namespace BackOffice.Api.Integration;

/// <summary>
/// <c>POST /api/webhooks</c> (integrator): registers a subscription. The target must be on an allowed host (400 naming
/// <c>url</c>); the secret is stored encrypted, in the command's transaction, and never returned.
/// </summary>
public static class RegisterWebhookEndpoint
{
    /// <summary>Shortest secret.</summary>
    public const int MinSecretLength = 16;
    /// <summary>Longest secret.</summary>
    public const int MaxSecretLength = 200;

    /// <summary>Body of the request.</summary>
    /// <param name="Url">The target: absolute http(s) URL on a host of <c>BackOffice:Webhooks:AllowedHosts</c>, without credentials.</param>
    /// <param name="EventTypes">Stored event names to deliver (1–100), e.g. <c>stock_issued_v1</c>.</param>
    /// <param name="Secret">The key of the deliveries' HMAC-SHA256 signature (16–200 characters); never returned.</param>
    public sealed record Request(string? Url, IReadOnlyList<string>? EventTypes, string? Secret) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("https://hooks.example.com/backoffice", ["stock_issued_v1", "reorder_requested_v1"], "a-long-random-secret-0123456789");
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Url).NotNull().MaxChars(WebhookTarget.MaxLength);
            RuleFor(r => r.EventTypes).NotNull().MaxItems(Domain.Integration.Webhook.MaxEventTypes);
            RuleForEach(r => r.EventTypes).MaxChars(Bounds.Text);
            RuleFor(r => r.Secret).NotNull().Length(MinSecretLength, MaxSecretLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/webhooks", (Request body, CommandExecutor executor, RequestContext request, TimeProvider time, IDocumentStore store,
                IOptions<WebhookOptions> options, WebhookSecrets secrets) =>
            {
                var id = Guid.CreateVersion7();
                var known = store.Options.Events.AllKnownEventTypes().Select(t => t.EventTypeName).ToHashSet(StringComparer.Ordinal);
                return executor.Start<Webhook>(id,
                    () => Webhook.Register(new RegisterWebhook(id, body.Url, body.EventTypes, [.. options.Value.AllowedHosts], known), request.Decision(time)),
                    result => Responses.Created("webhooks", result),
                    (session, _) =>
                    {
                        var (keyId, cipher) = secrets.Encrypt(request.Tenant, id, body.Secret!);
                        session.QueueSqlCommand(
                            $"insert into {store.Options.DatabaseSchemaName}.{WebhookStorage.SecretTable} (tenant_id, webhook_id, key_id, cipher) values (?, ?, ?, ?)",
                            request.Tenant, id, keyId, cipher);
                        return Task.CompletedTask;
                    });
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Integrator))
            .WithName("RegisterWebhook")
            .WithSummary("Register a webhook subscription (integrator)")
            .WithDescription("Deliveries: POST <url> with the change-feed item as body and the headers X-BackOffice-Event, X-BackOffice-Delivery "
                + "(repeated on retries) and X-BackOffice-Signature: sha256=<hex HMAC-SHA256 of the body keyed with the secret>. A 2xx within 10 s "
                + "is a success; redirects are not followed. 400 naming url when its host is not allowed.")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesCommandProblems();
}
