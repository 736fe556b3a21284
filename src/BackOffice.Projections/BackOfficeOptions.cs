namespace BackOffice.Projections;

/// <summary>The embedder's choices for <see cref="BackOfficeStoreOptions.AddBackOffice"/>.</summary>
public sealed class BackOfficeOptions
{
    /// <summary>The schema name used when none is given: <c>backoffice</c>.</summary>
    public const string DefaultSchemaName = "backoffice";

    /// <summary>
    /// The PostgreSQL schema of BackOffice's own document tables (snapshots, read models, audit trail, personal data).
    /// The host's documents keep the store's <c>DatabaseSchemaName</c>; the event store keeps <c>Events.DatabaseSchemaName</c>.
    /// </summary>
    public string SchemaName { get; set; } = DefaultSchemaName;
}
