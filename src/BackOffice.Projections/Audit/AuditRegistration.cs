using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace BackOffice.Projections.Audit;

/// <summary>Registers the tamper-evident hash chain on a store.</summary>
public static class AuditRegistration
{
    /// <summary>
    /// Adds the hash chain tables and the <see cref="HashChainSubscription"/> (run by the async daemon). Call after the
    /// schema name is set. The settings carry the checkpoint key, which stays outside the database.
    /// </summary>
    public static StoreOptions AddBackOfficeHashChain(this StoreOptions options, HashChainSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        var schema = options.Events.DatabaseSchemaName;

        var links = new Table(new PostgresqlObjectName(schema, HashChain.LinkTable, SchemaUtils.IdentifierUsage.General));
        links.AddColumn<string>("tenant_id").NotNull().AsPrimaryKey();
        links.AddColumn<long>("seq_id").NotNull().AsPrimaryKey();
        links.AddColumn<long>("link_no").NotNull();
        links.AddColumn<string>("hash").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(links);

        var checkpoints = new Table(new PostgresqlObjectName(schema, HashChain.CheckpointTable, SchemaUtils.IdentifierUsage.General));
        checkpoints.AddColumn<string>("tenant_id").NotNull().AsPrimaryKey();
        checkpoints.AddColumn<long>("seq_id").NotNull().AsPrimaryKey();
        checkpoints.AddColumn<long>("link_no").NotNull();
        checkpoints.AddColumn<string>("hash").NotNull();
        checkpoints.AddColumn<DateTimeOffset>("signed_at").NotNull();
        checkpoints.AddColumn<string>("signature").NotNull();
        // Format v2 (key rotation and due checkpoints): the signing key's id and the policy saying where the next
        // checkpoint is due. Rows written before them keep '' and 0 (format v1).
        checkpoints.AddColumn<string>("key_id").NotNull().DefaultValueByExpression("''");
        checkpoints.AddColumn<long>("every_links").NotNull().DefaultValueByExpression("0");
        checkpoints.AddColumn<long>("interval_ms").NotNull().DefaultValueByExpression("0");
        options.Storage.ExtendedSchemaObjects.Add(checkpoints);

        options.Events.Subscribe(new HashChainSubscription(settings));
        return options;
    }
}
