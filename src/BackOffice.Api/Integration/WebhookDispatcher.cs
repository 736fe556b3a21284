using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using BackOffice.Domain.Common;
using BackOffice.Domain.Integration;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOffice.Api.Integration;

/// <summary>
/// Delivers webhooks (ADR 20): every <see cref="WebhookOptions.PollInterval"/>, for each active subscription whose
/// next attempt is due, takes the subscription's session advisory lock (one node delivers it at a time; a crash
/// releases the lock with the connection), then delivers the change-feed items of its types after its cursor, one at a
/// time in sequence order. An acknowledged (2xx) item moves the cursor in the database; a failed one stays the next
/// item, retried after an exponential backoff, and blocks the later ones of that subscription only. A subscription
/// whose blocked item has failed for <see cref="WebhookOptions.SuspendAfter"/> is suspended (an event, with the reason).
/// A crash between a delivery and its acknowledgement repeats the item with the same delivery id: at least once.
/// </summary>
public sealed partial class WebhookDispatcher(
    IDocumentStore store, Hosting.TenantDatabases databases, IHttpClientFactory clients, WebhookSecrets secrets, IOptions<WebhookOptions> settings,
    TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The named HTTP client of deliveries.</summary>
    public const string ClientName = "backoffice-webhooks";
    /// <summary>The user name of the events the worker appends (suspensions).</summary>
    public const string Actor = "workflow:webhooks";

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);
    private WebhookOptions Options => settings.Value;
    private string Schema => store.Options.DatabaseSchemaName;

    private sealed record Due(NpgsqlDataSource Database, string Tenant, Guid Id, string Url, string[] EventTypes);

    private sealed record State(long Cursor, int Attempt, DateTimeOffset? FailingSince, DateTimeOffset? NextAttemptAt);

    private sealed record Outcome(bool Succeeded, int? HttpStatus, string? Error);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Dispatch) return;
        using var timer = new PeriodicTimer(Options.PollInterval, time);
        try
        {
            do
            {
                try
                {
                    await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogCycleFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One cycle: every due subscription, up to <see cref="WebhookOptions.Parallelism"/> at a time.</summary>
    public async Task DispatchOnceAsync(CancellationToken cancellation)
    {
        var due = await DueAsync(cancellation).ConfigureAwait(false);
        if (due.Count == 0) return;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Parallelism), CancellationToken = cancellation },
            async (webhook, ct) =>
            {
                try
                {
                    await DeliverAsync(webhook, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    LogSubscriptionFailed(logger, ex, webhook.Id);
                }
            }).ConfigureAwait(false);
    }

    private string WebhookTable => store.Options.FindOrResolveDocumentType(typeof(Webhook)).TableName.QualifiedName;

    private async Task<List<Due>> DueAsync(CancellationToken cancellation)
    {
        // Each tenant database holds its tenants' subscriptions (the main one alone when conjoined).
        var due = new List<Due>();
        foreach (var database in databases.All) await DueAsync(database.DataSource, due, cancellation).ConfigureAwait(false);
        return due;
    }

    private async Task DueAsync(NpgsqlDataSource database, List<Due> due, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"""
            select d.tenant_id, d.id, d.data ->> 'url', array(select jsonb_array_elements_text(d.data -> 'eventTypes'))
            from {WebhookTable} d
            left join {Schema}.{WebhookStorage.StateTable} s on s.tenant_id = d.tenant_id and s.webhook_id = d.id
            where d.data ->> 'status' = 'Active' and not (d.data ->> 'deleted')::boolean
              and (s.next_attempt_at is null or s.next_attempt_at <= $1)
            """);
        command.Parameters.AddWithValue(time.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            due.Add(new Due(database, reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<string[]>(3)));
    }

    private async Task DeliverAsync(Due webhook, CancellationToken cancellation)
    {
        await using var connection = await webhook.Database.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        var lockKey = LockKey(webhook.Id);
        if (!await ScalarAsync<bool>(connection, "select pg_try_advisory_lock($1)", cancellation, lockKey).ConfigureAwait(false)) return;
        try
        {
            string? secret = null;
            while (!cancellation.IsCancellationRequested)
            {
                // Read under the lock: another node may have delivered, or an integrator suspended, deleted or resumed it.
                if (!await IsActiveAsync(connection, webhook, cancellation).ConfigureAwait(false)) return;
                var state = await StateAsync(connection, webhook, cancellation).ConfigureAwait(false);
                if (state is null) return;
                var now = time.GetUtcNow();
                if (state.NextAttemptAt is { } next && next > now) return;

                ChangeItem? item;
                await using (var session = store.QuerySession(webhook.Tenant))
                {
                    item = await ChangeFeed.After(session, state.Cursor, webhook.EventTypes).Select(e => e).FirstOrDefaultAsync(cancellation).ConfigureAwait(false) is { } entry
                        ? ChangeItem.From(entry)
                        : null;
                }
                if (item is null) return;
                secret ??= await SecretAsync(connection, webhook, cancellation).ConfigureAwait(false);
                var attempt = state.Attempt + 1;
                var deliveryId = WebhookSignature.DeliveryId(webhook.Id, item.Sequence);
                var outcome = await PostAsync(webhook, item, deliveryId, secret, cancellation).ConfigureAwait(false);
                var at = time.GetUtcNow();
                if (outcome.Succeeded)
                {
                    await RecordAsync(connection, webhook, item.Sequence, deliveryId, attempt, outcome, at,
                        "update {s}.{t} set cursor_seq = $3, attempt = 0, failing_since = null, next_attempt_at = null where tenant_id = $1 and webhook_id = $2",
                        [item.Sequence], cancellation).ConfigureAwait(false);
                    continue;
                }
                var failingSince = state.FailingSince ?? at;
                await RecordAsync(connection, webhook, item.Sequence, deliveryId, attempt, outcome, at,
                    "update {s}.{t} set attempt = $3, failing_since = $4, next_attempt_at = $5 where tenant_id = $1 and webhook_id = $2",
                    [attempt, failingSince, at + Options.Backoff(attempt)], cancellation).ConfigureAwait(false);
                if (at - failingSince >= Options.SuspendAfter)
                    await SuspendAsync(webhook, item, deliveryId, attempt, outcome, failingSince, cancellation).ConfigureAwait(false);
                return;
            }
        }
        finally
        {
            await ScalarAsync<bool>(connection, "select pg_advisory_unlock($1)", CancellationToken.None, lockKey).ConfigureAwait(false);
        }
    }

    private async Task<Outcome> PostAsync(Due webhook, ChangeItem item, Guid deliveryId, string? secret, CancellationToken cancellation)
    {
        if (secret is null) return new Outcome(false, null, "The subscription's secret is missing.");
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var target) || !WebhookTarget.IsAllowed(target.IdnHost, Options.AllowedHosts))
            return new Outcome(false, null, "The target's host is no longer in the allow-list (BackOffice:Webhooks:AllowedHosts).");
        var body = JsonSerializer.SerializeToUtf8Bytes(item, BodyJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.EventHeader, item.Type);
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId.ToString());
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, body));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300
                ? new Outcome(true, status, null)
                : new Outcome(false, status, status is >= 300 and < 400
                    ? $"The target answered {status}: redirects are not followed."
                    : $"The target answered {status}.");
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new Outcome(false, null, $"No answer within {Options.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(false, null, $"The request failed after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms: {ex.HttpRequestError}.");
        }
    }

    private async Task SuspendAsync(Due webhook, ChangeItem item, Guid deliveryId, int attempt, Outcome outcome, DateTimeOffset failingSince, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(webhook.Tenant);
        session.LastModifiedBy = Actor;
        session.CorrelationId = deliveryId.ToString();
        var stream = await session.Events.FetchForWriting<Webhook>(webhook.Id, cancellation).ConfigureAwait(false);
        if (stream.Aggregate is not { } current) return;
        var reason = $"Delivery of event {item.Sequence} ({item.Type}) has failed since {failingSince:O} ({attempt} attempts); last error: {outcome.Error}";
        var events = current.Suspend(new SuspendWebhook(reason, failingSince), DecisionContext.For(Actor, time));
        if (events.Count == 0) return;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellation).ConfigureAwait(false);
        LogSuspended(logger, webhook.Id, item.Sequence);
    }

    private async Task<bool> IsActiveAsync(NpgsqlConnection connection, Due webhook, CancellationToken cancellation)
        => await ScalarAsync<bool?>(connection,
            $"select d.data ->> 'status' = 'Active' and not (d.data ->> 'deleted')::boolean from {WebhookTable} d where d.tenant_id = $1 and d.id = $2",
            cancellation, webhook.Tenant, webhook.Id).ConfigureAwait(false) == true;

    /// <summary>The subscription's state; the first time, its cursor is its registration's sequence (items after it are delivered).</summary>
    private async Task<State?> StateAsync(NpgsqlConnection connection, Due webhook, CancellationToken cancellation)
    {
        await using (var init = new NpgsqlCommand(
            $"""
            insert into {Schema}.{WebhookStorage.StateTable} (tenant_id, webhook_id, cursor_seq)
            select $1, $2, min(seq_id) from {store.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = $1 and stream_id = $2 having min(seq_id) is not null
            on conflict do nothing
            """, connection))
        {
            init.Parameters.AddWithValue(webhook.Tenant);
            init.Parameters.AddWithValue(webhook.Id);
            await init.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        await using var command = new NpgsqlCommand(
            $"select cursor_seq, attempt, failing_since, next_attempt_at from {Schema}.{WebhookStorage.StateTable} where tenant_id = $1 and webhook_id = $2", connection);
        command.Parameters.AddWithValue(webhook.Tenant);
        command.Parameters.AddWithValue(webhook.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellation).ConfigureAwait(false)) return null;
        return new State(reader.GetInt64(0), reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    private async Task<string?> SecretAsync(NpgsqlConnection connection, Due webhook, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select key_id, cipher from {Schema}.{WebhookStorage.SecretTable} where tenant_id = $1 and webhook_id = $2", connection);
        command.Parameters.AddWithValue(webhook.Tenant);
        command.Parameters.AddWithValue(webhook.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellation).ConfigureAwait(false)) return null;
        return secrets.Decrypt(webhook.Tenant, webhook.Id, reader.GetString(0), reader.GetFieldValue<byte[]>(1));
    }

    /// <summary>In one transaction: the state update (<paramref name="update"/>, parameters $1 tenant, $2 id, then <paramref name="values"/>), the log row, the log trimmed.</summary>
    private async Task RecordAsync(NpgsqlConnection connection, Due webhook, long sequence, Guid deliveryId, int attempt, Outcome outcome, DateTimeOffset at,
        string update, object[] values, CancellationToken cancellation)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            var state = new NpgsqlBatchCommand(update.Replace("{s}", Schema, StringComparison.Ordinal).Replace("{t}", WebhookStorage.StateTable, StringComparison.Ordinal));
            state.Parameters.Add(new NpgsqlParameter { Value = webhook.Tenant });
            state.Parameters.Add(new NpgsqlParameter { Value = webhook.Id });
            foreach (var value in values) state.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(state);

            var log = new NpgsqlBatchCommand(
                $"""
                insert into {Schema}.{WebhookStorage.DeliveryTable} (tenant_id, webhook_id, at, seq_id, attempt, delivery_id, status, http_status, error)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing
                """);
            foreach (var value in new object?[] { webhook.Tenant, webhook.Id, at, sequence, attempt, deliveryId,
                         (outcome.Succeeded ? DeliveryStatus.Succeeded : DeliveryStatus.Failed).ToString(), outcome.HttpStatus, outcome.Error })
                log.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            batch.BatchCommands.Add(log);

            var trim = new NpgsqlBatchCommand(
                $"""
                delete from {Schema}.{WebhookStorage.DeliveryTable} x where x.tenant_id = $1 and x.webhook_id = $2
                and (x.at, x.attempt) < (select at, attempt from {Schema}.{WebhookStorage.DeliveryTable}
                                         where tenant_id = $1 and webhook_id = $2 order by at desc, attempt desc offset $3 - 1 limit 1)
                """);
            foreach (var value in new object[] { webhook.Tenant, webhook.Id, Math.Max(1, Options.LogSize) })
                trim.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(trim);
            await batch.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellation, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var result = await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false);
        return result is null or DBNull ? default! : (T)result;
    }

    /// <summary>The advisory lock key of a subscription (its id's first 8 bytes, in a key space of our own).</summary>
    private static long LockKey(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BitConverter.ToInt64(bytes[8..]) ^ 0x5745_4248_4F4F_4B53;   // "WEBHOOKS": apart from other advisory locks
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook delivery cycle failed.")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering webhook {WebhookId} failed.")]
    private static partial void LogSubscriptionFailed(ILogger logger, Exception exception, Guid webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} suspended: event {Sequence} kept failing.")]
    private static partial void LogSuspended(ILogger logger, Guid webhookId, long sequence);
}
