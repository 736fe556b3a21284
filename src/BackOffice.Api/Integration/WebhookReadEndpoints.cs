using BackOffice.Api.Identity;
using BackOffice.Domain.Integration;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOffice.Api.Integration;

/// <summary>Whether an attempt succeeded.</summary>
public enum DeliveryStatus
{
    /// <summary>The target answered 2xx within the timeout.</summary>
    Succeeded,
    /// <summary>Anything else: another status (a redirect included), no answer in time, no connection.</summary>
    Failed,
}

/// <summary>One attempt of the delivery log.</summary>
/// <param name="At">When the attempt ended.</param>
/// <param name="EventSequence">The delivered item's sequence.</param>
/// <param name="DeliveryId">The <c>X-BackOffice-Delivery</c> id (the same on every attempt of the item).</param>
/// <param name="Attempt">The attempt's number for this item (from 1; a resume starts again at 1).</param>
/// <param name="Status">Succeeded or failed.</param>
/// <param name="HttpStatus">The target's HTTP status, when it answered.</param>
/// <param name="Error">Why it failed (null on success).</param>
public sealed record WebhookDelivery(DateTimeOffset At, long EventSequence, Guid DeliveryId, int Attempt, DeliveryStatus Status, int? HttpStatus, string? Error);

/// <summary>A webhook subscription as its integrator reads it (never its secret).</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="Url">The target.</param>
/// <param name="EventTypes">The stored event names delivered.</param>
/// <param name="Status">Active or Suspended.</param>
/// <param name="Reason">Why it is suspended (null while active).</param>
/// <param name="SuspendedAt">When it was suspended (null while active).</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="LastDeliveries">The last attempts, latest first (none in lists).</param>
/// <param name="Version">The stream version (as in ETag).</param>
public sealed record WebhookView(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, WebhookStatus Status, string? Reason, DateTimeOffset? SuspendedAt,
    DateTimeOffset RegisteredAt, IReadOnlyList<WebhookDelivery> LastDeliveries, long Version)
{
    internal static WebhookView From(Webhook w, IReadOnlyList<WebhookDelivery> deliveries, long version)
        => new(w.Id, w.Url, w.EventTypes, w.Status, w.SuspendedReason, w.SuspendedAt, w.RegisteredAt, deliveries, version);
}

/// <summary><c>GET /api/webhooks</c> and <c>GET /api/webhooks/{id}</c> (integrator).</summary>
public static class WebhookReadEndpoints
{
    /// <summary>A subscription in a list.</summary>
    /// <param name="Id">The subscription's id.</param>
    /// <param name="Url">The target.</param>
    /// <param name="EventTypes">The stored event names delivered.</param>
    /// <param name="Status">Active or Suspended.</param>
    /// <param name="Reason">Why it is suspended (null while active).</param>
    /// <param name="RegisteredAt">When it was registered.</param>
    public sealed record WebhookSummary(Guid Id, string Url, IReadOnlyList<string> EventTypes, WebhookStatus Status, string? Reason, DateTimeOffset RegisteredAt);

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webhooks", async ([AsParameters] PageQuery paging, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return TypedResults.Ok(await session.Query<Webhook>().Where(w => !w.Deleted).OrderBy(w => w.RegisteredAt)
                    .ToPageAsync(paging, w => new WebhookSummary(w.Id, w.Url, w.EventTypes, w.Status, w.SuspendedReason, w.RegisteredAt), http.RequestAborted)
                    .ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Integrator))
            .WithName("ListWebhooks")
            .WithSummary("List the tenant's webhook subscriptions (integrator)")
            .Produces<Page<WebhookSummary>>()
            .ProducesReadProblems();

        app.MapGet("/api/webhooks/{id:guid}", async (Guid id, IDocumentStore store, Hosting.TenantDatabases databases, RequestContext request,
                IOptions<WebhookOptions> options, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                if (await Snapshots.LoadAsync<Webhook>(session, id, null, Webhook.Evolve, http.RequestAborted).ConfigureAwait(false) is not { State.Deleted: false } found)
                    return Snapshots.NotFound("Webhook", id, null);
                var deliveries = await LastDeliveriesAsync(databases.Of(request.Tenant).DataSource, store.Options.DatabaseSchemaName, request.Tenant, id, options.Value.LogSize, http.RequestAborted)
                    .ConfigureAwait(false);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                return TypedResults.Ok(WebhookView.From(found.State, deliveries, found.Version));
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Integrator))
            .WithName("GetWebhook")
            .WithSummary("Get a webhook subscription with its last delivery attempts (integrator)")
            .Produces<WebhookView>()
            .ProducesReadProblems();
    }

    internal static async Task<IReadOnlyList<WebhookDelivery>> LastDeliveriesAsync(
        NpgsqlDataSource database, string schema, string tenant, Guid id, int count, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"""
            select at, seq_id, delivery_id, attempt, status, http_status, error from {schema}.{WebhookStorage.DeliveryTable}
            where tenant_id = $1 and webhook_id = $2 order by at desc, attempt desc limit $3
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(count);
        var list = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            list.Add(new WebhookDelivery(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), reader.GetGuid(2), reader.GetInt32(3),
                Enum.Parse<DeliveryStatus>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return list;
    }
}
