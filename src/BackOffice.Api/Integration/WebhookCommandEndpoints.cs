using BackOffice.Api.Identity;
using BackOffice.Domain.Integration;
using Marten;

namespace BackOffice.Api.Integration;

/// <summary><c>DELETE /api/webhooks/{id}</c> and <c>POST /api/webhooks/{id}/resume</c> (integrator).</summary>
public static class WebhookCommandEndpoints
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/webhooks/{id:guid}", (Guid id, CommandExecutor executor, RequestContext request, TimeProvider time, IDocumentStore store) =>
                executor.Execute<Webhook>(id, w => w.Delete(request.Decision(time)), _ => TypedResults.NoContent(),
                    (session, _) =>
                    {
                        // The secret, the cursor and the log go with the subscription; the events stay (the audit trail).
                        var schema = store.Options.DatabaseSchemaName;
                        foreach (var table in new[] { WebhookStorage.SecretTable, WebhookStorage.StateTable, WebhookStorage.DeliveryTable })
                            session.QueueSqlCommand($"delete from {schema}.{table} where tenant_id = ? and webhook_id = ?", request.Tenant, id);
                        return Task.CompletedTask;
                    }))
            .RequireAuthorization(Roles.AnyOf(Roles.Integrator))
            .WithName("DeleteWebhook")
            .WithSummary("Delete a webhook subscription (integrator)")
            .WithDescription("204; nothing more is delivered; its secret and delivery log are deleted. 404 once deleted.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapPost("/api/webhooks/{id:guid}/resume", (Guid id, CommandExecutor executor, RequestContext request, TimeProvider time, IDocumentStore store) =>
                executor.Execute<Webhook>(id, w => w.Resume(request.Decision(time)), Responses.Ok,
                    (session, _) =>
                    {
                        // The blocked item is tried again at once, its failure clock restarted.
                        session.QueueSqlCommand(
                            $"update {store.Options.DatabaseSchemaName}.{WebhookStorage.StateTable} set attempt = 0, failing_since = null, next_attempt_at = null where tenant_id = ? and webhook_id = ?",
                            request.Tenant, id);
                        return Task.CompletedTask;
                    }))
            .RequireAuthorization(Roles.AnyOf(Roles.Integrator))
            .WithName("ResumeWebhook")
            .WithSummary("Resume a suspended webhook subscription (integrator)")
            .WithDescription("The blocked item is delivered again first (order is kept). 409 webhook-not-suspended when it is active.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
    }
}
