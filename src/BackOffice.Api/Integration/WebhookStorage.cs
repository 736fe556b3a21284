using System.Security.Cryptography;
using System.Text;
using BackOffice.Api.Hosting;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace BackOffice.Api.Integration;

/// <summary>
/// The tables of webhook delivery, beside the subscriptions' events: each subscription's secret (encrypted), its
/// delivery cursor and retry state, and its delivery log. Not events: a secret must never reach the event log (the
/// change feed and the audit trail serve it), and a cursor changes at every delivery.
/// </summary>
public static class WebhookStorage
{
    /// <summary>Secrets: AES-256-GCM, keyed per row by (tenant, subscription); never served.</summary>
    public const string SecretTable = "bo_webhook_secret";
    /// <summary>Per subscription: the sequence of the last acknowledged item and the retry state of the next one.</summary>
    public const string StateTable = "bo_webhook_state";
    /// <summary>Per subscription: the last attempts (<see cref="WebhookOptions.LogSize"/>).</summary>
    public const string DeliveryTable = "bo_webhook_delivery";

    /// <summary>Adds the three tables to the store's schema.</summary>
    public static StoreOptions AddWebhookTables(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var schema = options.DatabaseSchemaName;
        var secrets = new Table(new PostgresqlObjectName(schema, SecretTable, SchemaUtils.IdentifierUsage.General));
        secrets.AddColumn<string>("tenant_id").NotNull().AsPrimaryKey();
        secrets.AddColumn<Guid>("webhook_id").NotNull().AsPrimaryKey();
        secrets.AddColumn<string>("key_id").NotNull();
        secrets.AddColumn("cipher", "bytea").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(secrets);

        var state = new Table(new PostgresqlObjectName(schema, StateTable, SchemaUtils.IdentifierUsage.General));
        state.AddColumn<string>("tenant_id").NotNull().AsPrimaryKey();
        state.AddColumn<Guid>("webhook_id").NotNull().AsPrimaryKey();
        state.AddColumn<long>("cursor_seq").NotNull();
        state.AddColumn<int>("attempt").NotNull().DefaultValueByExpression("0");
        state.AddColumn("failing_since", "timestamptz");
        state.AddColumn("next_attempt_at", "timestamptz");
        options.Storage.ExtendedSchemaObjects.Add(state);

        var log = new Table(new PostgresqlObjectName(schema, DeliveryTable, SchemaUtils.IdentifierUsage.General));
        log.AddColumn<string>("tenant_id").NotNull().AsPrimaryKey();
        log.AddColumn<Guid>("webhook_id").NotNull().AsPrimaryKey();
        log.AddColumn("at", "timestamptz").NotNull().AsPrimaryKey();
        log.AddColumn<long>("seq_id").NotNull().AsPrimaryKey();
        log.AddColumn<int>("attempt").NotNull().AsPrimaryKey();
        log.AddColumn<Guid>("delivery_id").NotNull();
        log.AddColumn<string>("status").NotNull();
        log.AddColumn("http_status", "integer");
        log.AddColumn("error", "text");
        options.Storage.ExtendedSchemaObjects.Add(log);
        return options;
    }
}

/// <summary>
/// Encrypts webhook secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the audit key of
/// configuration (<c>BackOffice:Audit:HmacKey</c>, kept outside the database), the tenant and subscription as associated
/// data. The key id is stored with the cipher, so a rotated audit key (kept under <c>RetiredKeys</c>) still decrypts.
/// </summary>
public sealed class WebhookSecrets(IConfiguration configuration)
{
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("backoffice/webhook-secrets/v1");
    private readonly IReadOnlyDictionary<string, byte[]> keys = AuditKeys.All(configuration);
    private readonly string currentKeyId = AuditKeys.CurrentKeyId(configuration);

    private byte[] Key(string keyId) => keys.TryGetValue(keyId, out var ikm)
        ? HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 32, salt: [], info: Info)
        : throw new InvalidOperationException($"The audit key '{keyId}' that encrypted a webhook secret is no longer configured.");

    private static byte[] Associated(string tenant, Guid webhookId) => Encoding.UTF8.GetBytes(tenant + "/" + webhookId.ToString("N"));

    /// <summary>The key id and the cipher (nonce ‖ tag ‖ ciphertext) of <paramref name="secret"/>.</summary>
    public (string KeyId, byte[] Cipher) Encrypt(string tenant, Guid webhookId, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plain = Encoding.UTF8.GetBytes(secret);
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(Key(currentKeyId), 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16), Associated(tenant, webhookId));
        return (currentKeyId, output);
    }

    /// <summary>The secret back from its cipher.</summary>
    public string Decrypt(string tenant, Guid webhookId, string keyId, byte[] cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var plain = new byte[cipher.Length - 28];
        using var aes = new AesGcm(Key(keyId), 16);
        aes.Decrypt(cipher.AsSpan(0, 12), cipher.AsSpan(28), cipher.AsSpan(12, 16), plain, Associated(tenant, webhookId));
        return Encoding.UTF8.GetString(plain);
    }
}
