using Npgsql;

namespace BackOffice.Api.Hosting;

/// <summary>Where tenants' data lives (<c>BackOffice:Tenancy</c>, ADR 26).</summary>
public enum TenancyMode
{
    /// <summary>Every tenant in the one database (<c>BACKOFFICE_CONNECTION</c>), separated by a tenant id column.</summary>
    Conjoined,

    /// <summary>
    /// Marten's multi-database tenancy: each tenant's events, read models, hash chain, idempotency records, personal
    /// data and workflow envelopes live in the database <c>BackOffice:TenantDatabases</c> maps it to. A database may hold
    /// several tenants (conjoined within it); the main database (<c>BACKOFFICE_CONNECTION</c>) keeps Wolverine's nodes.
    /// </summary>
    DatabasePerTenant,
}

/// <summary>One database holding tenants' data.</summary>
/// <param name="Id">Its identifier (the key under <c>BackOffice:TenantDatabases</c>, <c>main</c> when conjoined).</param>
/// <param name="ConnectionString">Its connection string, tuned as every store connection (<see cref="TenantDatabases.Tune"/>).</param>
/// <param name="Tenants">The tenants it holds (empty when conjoined: every tenant).</param>
/// <param name="DataSource">A data source for the API's own statements on it (background work, probes).</param>
public sealed record TenantDatabase(string Id, string ConnectionString, IReadOnlyList<string> Tenants, NpgsqlDataSource DataSource);

/// <summary>
/// The tenant → database map, read once at start-up from configuration:
/// <code>
/// "BackOffice": {
///   "Tenancy": "DatabasePerTenant",
///   "TenantDatabases": {
///     "large-client": { "ConnectionString": "Host=db2;Database=large_client;…", "Tenants": [ "acme" ] },
///     "shared":       { "ConnectionString": "Host=db1;Database=tenants;…",      "Tenants": [ "demo", "globex" ] }
///   }
/// }
/// </code>
/// A tenant that is not mapped is not served (its requests answer 401). Adding a tenant or a database is a
/// configuration change and a restart (rolling, node by node); the new database's schema is created at start-up.
/// </summary>
public sealed class TenantDatabases : IAsyncDisposable
{
    private readonly Dictionary<string, TenantDatabase> byTenant = new(StringComparer.Ordinal);

    private TenantDatabases(TenancyMode mode, NpgsqlDataSource main, IReadOnlyList<TenantDatabase> all)
    {
        Mode = mode;
        Main = main;
        All = all;
        foreach (var database in all)
            foreach (var tenant in database.Tenants)
                if (!byTenant.TryAdd(tenant, database))
                    throw new InvalidOperationException($"Tenant '{tenant}' is mapped to two databases ({byTenant[tenant].Id} and {database.Id}).");
    }

    /// <summary>Conjoined or database per tenant.</summary>
    public TenancyMode Mode { get; }

    /// <summary>The main database (<c>BACKOFFICE_CONNECTION</c>): everything when conjoined; Wolverine's nodes otherwise.</summary>
    public NpgsqlDataSource Main { get; }

    /// <summary>The databases holding tenants' data (the main one alone when conjoined).</summary>
    public IReadOnlyList<TenantDatabase> All { get; }

    /// <summary>Every database the API uses: the main one, then the tenant databases (for probes and start-up).</summary>
    public IEnumerable<NpgsqlDataSource> Every => Mode == TenancyMode.Conjoined ? [Main] : [Main, .. All.Select(d => d.DataSource)];

    /// <summary>Whether this deployment serves <paramref name="tenant"/>.</summary>
    public bool Serves(string tenant) => Mode == TenancyMode.Conjoined || byTenant.ContainsKey(tenant);

    /// <summary>The database of <paramref name="tenant"/>.</summary>
    /// <exception cref="UnknownTenantException">The tenant is not mapped to a database.</exception>
    public TenantDatabase Of(string tenant)
        => Mode == TenancyMode.Conjoined ? All[0]
            : byTenant.TryGetValue(tenant, out var database) ? database : throw new UnknownTenantException(tenant);

    /// <summary>Reads <c>BackOffice:Tenancy</c> and <c>BackOffice:TenantDatabases</c>; <paramref name="main"/> is the main database.</summary>
    public static TenantDatabases From(IConfiguration configuration, string mainConnection, NpgsqlDataSource main)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(main);
        var mode = Enum.Parse<TenancyMode>(configuration["BackOffice:Tenancy"] ?? nameof(TenancyMode.Conjoined), ignoreCase: true);
        if (mode == TenancyMode.Conjoined)
            return new TenantDatabases(mode, main, [new TenantDatabase("main", mainConnection, [], main)]);
        var mainKey = Key(mainConnection);
        var databases = new List<TenantDatabase>();
        foreach (var section in configuration.GetSection("BackOffice:TenantDatabases").GetChildren())
        {
            var connection = section["ConnectionString"];
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException($"BackOffice:TenantDatabases:{section.Key}:ConnectionString is missing.");
            var tenants = section.GetSection("Tenants").GetChildren().Select(t => t.Value).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
            if (tenants.Count == 0) throw new InvalidOperationException($"BackOffice:TenantDatabases:{section.Key}:Tenants lists no tenant.");
            // Wolverine keeps its nodes and its main envelope store in the main database and one store per tenant
            // database: the same tables registered twice would be polled twice.
            if (Key(connection) == mainKey)
                throw new InvalidOperationException($"BackOffice:TenantDatabases:{section.Key} is the main database (BACKOFFICE_CONNECTION); give it a database of its own.");
            var tuned = Tune(connection);
            databases.Add(new TenantDatabase(section.Key, tuned, tenants, new NpgsqlDataSourceBuilder(tuned).Build()));
        }
        if (databases.Count == 0)
            throw new InvalidOperationException("BackOffice:Tenancy is DatabasePerTenant but BackOffice:TenantDatabases maps no database.");
        if (databases.GroupBy(d => Key(d.ConnectionString)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"BackOffice:TenantDatabases {string.Join(" and ", twice.Select(d => d.Id))} are the same database.");
        return new TenantDatabases(mode, main, databases);
    }

    /// <summary>
    /// The settings every store connection gets: a 5 s connect timeout unless one is given, no error detail (PostgreSQL's
    /// details quote the offending values, personal data, which must never enter exception messages), and statements the
    /// store sends over and over prepared once per connection (docs/benchmarks.md).
    /// </summary>
    public static string Tune(string connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var csb = new NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) csb.Timeout = 5;
        csb.IncludeErrorDetail = false;
        if (!connection.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxAutoPrepare = 64;
            csb.AutoPrepareMinUsages = 2;
        }
        return csb.ConnectionString;
    }

    private static string Key(string connection)
    {
        var csb = new NpgsqlConnectionStringBuilder(connection);
        return $"{csb.Host?.ToUpperInvariant()}:{csb.Port}/{csb.Database}";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var database in All)
            if (!ReferenceEquals(database.DataSource, Main)) await database.DataSource.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A request or a call named a tenant that no database is mapped to (<see cref="TenancyMode.DatabasePerTenant"/>).</summary>
public sealed class UnknownTenantException : Exception
{
    /// <summary>For <paramref name="tenant"/>.</summary>
    public UnknownTenantException(string tenant) : base($"Tenant '{tenant}' is not mapped to a database (BackOffice:TenantDatabases).") => Tenant = tenant;

    /// <summary>Not used: a tenant is always named.</summary>
    public UnknownTenantException() : base("Unknown tenant.") => Tenant = "";

    /// <summary>Not used: a tenant is always named.</summary>
    public UnknownTenantException(string message, Exception inner) : base(message, inner) => Tenant = "";

    /// <summary>The tenant.</summary>
    public string Tenant { get; }
}
