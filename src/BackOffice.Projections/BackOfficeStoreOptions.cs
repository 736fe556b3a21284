using BackOffice.Domain.PersonalData;
using BackOffice.Projections.Audit;
using BackOffice.Projections.Equipment;
using BackOffice.Projections.FrontDesk;
using BackOffice.Projections.HelpDesk;
using BackOffice.Projections.Intranet;
using BackOffice.Projections.Integration;
using BackOffice.Projections.Infrastructure;
using BackOffice.Projections.Inventory;
using BackOffice.Projections.Ledger;
using BackOffice.Projections.People;
using BackOffice.Projections.Recruiting;
using BackOffice.Projections.PersonalData;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Weasel.Core;

namespace BackOffice.Projections;

/// <summary>The one-line Marten registration of the BackOffice domain.</summary>
public static class BackOfficeStoreOptions
{
    /// <summary>
    /// Registers BackOffice's events (with stable stored names and their upcasters), snapshots, read models, unique keys
    /// and metadata on <paramref name="options"/>, without changing how the host's own documents are stored: only
    /// BackOffice's documents are multi-tenanted and moved to <see cref="BackOfficeOptions.SchemaName"/> (default
    /// <c>backoffice</c>); the host's keep their schema, tenancy and names. Shared with the host by nature: the event
    /// store (one per Marten store: conjoined tenancy, in <c>Events.DatabaseSchemaName</c>, whose events the host can
    /// append in the default tenant) and the serializer (System.Text.Json, camel case, enums as strings). It also turns
    /// on Marten's <c>RebuildWithBulkCopy</c>: rebuild batches made only of document inserts (such as the audit trail's)
    /// are written with binary <c>COPY</c>.
    /// </summary>
    /// <param name="options">The host's store options.</param>
    /// <param name="configure">The embedder's choices (schema name).</param>
    /// <example><code>services.AddMarten(opts => { opts.Connection(cs); opts.AddBackOffice(b => b.SchemaName = "backoffice"); });</code></example>
    public static StoreOptions AddBackOffice(this StoreOptions options, Action<BackOfficeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var backOffice = new BackOfficeOptions();
        configure?.Invoke(backOffice);
        if (string.IsNullOrWhiteSpace(backOffice.SchemaName))
            throw new ArgumentException("BackOfficeOptions.SchemaName must name a schema.", nameof(configure));
        // Our documents (types of our two assemblies) in our schema; the host's documents are not touched.
        var schema = backOffice.SchemaName;
        options.Policies.ForAllDocuments(mapping =>
        {
            if (IsOurs(mapping.DocumentType)) mapping.DatabaseSchemaName = schema;
        });
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        options.Events.TenancyStyle = TenancyStyle.Conjoined;
        // One function call per stream (versions and sequence numbers assigned in the database) with the timestamps
        // of the injected TimeProvider, sent by the client: one round trip fewer than Rich mode (ADR 1).
        options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        // One registration per context: its events' stored names, snapshots and read models (Inventory/InventoryStore.cs…).
        options.AddInventory();
        options.AddRecruiting();
        options.AddPeople();
        options.AddLedger();
        options.AddEquipment();
        options.AddFrontDesk();
        options.AddHelpDesk();
        options.AddIntranet();
        options.AddIntegration();
        options.Events.MapEventType<PersonalDataErased>("personal_data_erased_v1");

        // Audit trail (async read model of every event) and the personal-data store.
        // The trail only inserts rows, so a rebuild writes each page of 5,000 with binary COPY instead of one INSERT per
        // event (store-wide, but only for rebuild batches made purely of inserts; any other write falls back per batch).
        options.Projections.RebuildWithBulkCopy = true;
        options.Projections.Add(new AuditTrailProjection(), ProjectionLifecycle.Async, asyncConfiguration: o => o.BatchSize = 5000);
        options.Schema.For<AuditEntry>().MultiTenanted()
            .Duplicate(x => x.StreamId).Duplicate(x => x.User).Duplicate(x => x.Type)
            .Duplicate(x => x.Timestamp).Duplicate(x => x.CorrelationId);
        options.Schema.For<PersonalDataRecord>().MultiTenanted();
        options.Schema.For<SubjectStreamReference>().MultiTenanted().Duplicate(x => x.SubjectId);
        return options;
    }

    private static bool IsOurs(Type type) =>
        type.Assembly == typeof(BackOfficeStoreOptions).Assembly || type.Assembly == typeof(PersonalDataErased).Assembly;
}
