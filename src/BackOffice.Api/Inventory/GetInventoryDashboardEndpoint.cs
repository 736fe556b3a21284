using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using BackOffice.Projections.Inventory;
using Marten;

namespace BackOffice.Api.Inventory;

/// <summary>
/// <c>GET /api/dashboards/inventory</c>: stock counts, what to order, what is on order and how long it has waited,
/// consumption per department per month, the latest count variances. Stock and reorders are read from the inline
/// supply-item snapshots and reorder view (current as of the answer); consumption and variances from the async
/// <see cref="InventoryDashboardItem"/> documents, which may lag the latest issue or count by a moment
/// (<c>updatedAt</c> is the time of the last one they include). One round trip (a batched query).
/// </summary>
public static class GetInventoryDashboardEndpoint
{
    /// <summary>The dashboard.</summary>
    /// <param name="GeneratedAt">When this answer was computed (ages are measured to it).</param>
    /// <param name="UpdatedAt">Timestamp of the last issue or count (or item registration) that consumption and count variances
    /// include: they are built asynchronously and may lag by a moment (null before any item). Stock counts, what to order
    /// and open reorders are always current as of <c>generatedAt</c>.</param>
    /// <param name="Stock">Counts of active items by status.</param>
    /// <param name="ToOrder">Active items low or out with no open reorder.</param>
    /// <param name="OpenReorders">Open reorders, the longest waiting first.</param>
    /// <param name="Consumption">Units issued per department (null: to an employee or no one), month (<c>yyyy-MM</c>) and item; latest month first.</param>
    /// <param name="CountVariances">The latest counts that differed from the book (at most 100), latest first.</param>
    public sealed record Dashboard(
        DateTimeOffset GeneratedAt, DateTimeOffset? UpdatedAt, StockCounts Stock, IReadOnlyList<ToOrderItem> ToOrder,
        IReadOnlyList<OpenReorderItem> OpenReorders, IReadOnlyList<Consumption> Consumption, IReadOnlyList<CountVariance> CountVariances);

    /// <summary>Counts of items by stock status (discontinued items are counted apart).</summary>
    public sealed record StockCounts(int Ok, int Low, int Out, int Discontinued);

    /// <summary>An item that needs ordering.</summary>
    public sealed record ToOrderItem(Guid SupplyItemId, string Sku, string Name, int OnHand, int ReorderPoint, string Status);

    /// <summary>An open reorder with its age.</summary>
    /// <param name="ReorderId">Reorder id.</param>
    /// <param name="SupplyItemId">Item.</param>
    /// <param name="Sku">Item SKU.</param>
    /// <param name="Quantity">Ordered.</param>
    /// <param name="ReceivedQuantity">Received so far.</param>
    /// <param name="Outstanding">Still expected (on order).</param>
    /// <param name="Status">Requested, Approved, Placed or PartiallyReceived.</param>
    /// <param name="RequestedBy">Requester.</param>
    /// <param name="RequestedAt">When it was requested.</param>
    /// <param name="Supplier">Supplier once placed.</param>
    /// <param name="ExpectedOn">Expected delivery day.</param>
    /// <param name="AgeSeconds">Seconds since it was requested.</param>
    /// <param name="AgeDays">Whole days since it was requested.</param>
    public sealed record OpenReorderItem(
        Guid ReorderId, Guid SupplyItemId, string Sku, int Quantity, int ReceivedQuantity, int Outstanding, ReorderStatus Status,
        string RequestedBy, DateTimeOffset RequestedAt, string? Supplier, DateOnly? ExpectedOn, long AgeSeconds, int AgeDays);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboards/inventory", async (IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return TypedResults.Ok(await LoadAsync(session, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Dashboards")
            .WithName("GetInventoryDashboard")
            .WithSummary("Inventory dashboard")
            .Produces<Dashboard>()
            .ProducesReadProblems();

    /// <summary>The dashboard of the session's tenant at <paramref name="now"/> (the API route and the console read it here).</summary>
    /// <remarks>
    /// Two round trips. The first is one statement over the supply-item snapshots: PostgreSQL counts them by the status
    /// each snapshot stores and returns only the few items to order, so a read neither loads nor deserialises every
    /// snapshot, and the counts and the list come from one snapshot of the table (they always agree). The second is a
    /// batch of the open reorders and the async consumption and variance documents (ADR 27).
    /// </remarks>
    internal static async Task<Dashboard> LoadAsync(IQuerySession session, DateTimeOffset now, CancellationToken cancellation)
    {
        var summary = (await session.AdvancedSql.QueryAsync<StockSummary>(
            StockSummarySql(session.DocumentStore.Options.Schema.For<SupplyItem>()), cancellation, session.TenantId).ConfigureAwait(false))[0];
        var batch = session.CreateBatchQuery();
        var reorders = batch.Query<ReorderView>()
            .Where(r => r.Status != ReorderStatus.Received && r.Status != ReorderStatus.Cancelled).ToList();
        var activity = batch.Query<InventoryDashboardItem>().ToList();
        await batch.Execute(cancellation).ConfigureAwait(false);
        return From(new StockCounts(summary.Ok, summary.Low, summary.Out, summary.Discontinued), summary.ToOrder,
            await reorders.ConfigureAwait(false), await activity.ConfigureAwait(false), now);
    }

    /// <summary>Stock counts and the candidates to order, as one JSON row (property names in the store's camel case).</summary>
    internal sealed record StockSummary(int Ok, int Low, int Out, int Discontinued, IReadOnlyList<SupplyItem> ToOrder);

    // The statement only narrows: the counts group by the status the domain computed when it wrote each snapshot, and
    // "toOrder" is a pre-filter (not Ok, no open reorder) that From() passes through StockLevel.NeedsOrdering, the
    // domain's rule; The_stock_counts_and_the_to_order_list_agree_with_every_snapshot checks the two agree.
    // "offset 0" keeps PostgreSQL from folding the inner select into the outer one, so each row's status and
    // discontinued flag are read from its JSON once, not once per aggregate that uses them (half the statement's time).
    private static string StockSummarySql(string table) => $"""
        select jsonb_build_object(
            'ok', count(*) filter (where not s.discontinued and s.status = 'Ok'),
            'low', count(*) filter (where not s.discontinued and s.status = 'Low'),
            'out', count(*) filter (where not s.discontinued and s.status = 'Out'),
            'discontinued', count(*) filter (where s.discontinued),
            'toOrder', coalesce(jsonb_agg(s.data) filter (
                where not s.discontinued and s.status <> 'Ok' and jsonb_typeof(s.data -> 'openReorder') is distinct from 'object'), '[]'::jsonb))
        from (select d.data, d.data ->> 'status' as status, coalesce((d.data ->> 'discontinued')::boolean, false) as discontinued
              from {table} as d where d.tenant_id = ? offset 0) as s
        """;

    internal static Dashboard From(
        StockCounts stock, IReadOnlyList<SupplyItem> candidatesToOrder, IReadOnlyList<ReorderView> openReorders,
        IReadOnlyList<InventoryDashboardItem> activity, DateTimeOffset now)
    {
        var toOrder = candidatesToOrder.Where(i => !i.Discontinued && StockLevel.NeedsOrdering(i.Status, i.OpenReorder is not null))
            .OrderBy(i => i.Sku, StringComparer.Ordinal)
            .Select(i => new ToOrderItem(i.Id, i.Sku, i.Name, i.OnHand, i.ReorderPoint, StockLevel.NameOf(i.Status)))
            .ToList();
        var reorders = openReorders.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).Select(r =>
        {
            var age = now - r.RequestedAt;
            if (age < TimeSpan.Zero) age = TimeSpan.Zero;
            return new OpenReorderItem(r.Id, r.SupplyItemId, r.Sku, r.Quantity, r.ReceivedQuantity, Reorder.OutstandingOf(r.Quantity, r.ReceivedQuantity),
                r.Status, r.RequestedBy, r.RequestedAt, r.Supplier, r.ExpectedOn, (long)age.TotalSeconds, (int)age.TotalDays);
        }).ToList();
        var consumption = activity.SelectMany(i => i.Consumption).OrderByDescending(c => c.Month, StringComparer.Ordinal)
            .ThenBy(c => c.DepartmentId).ThenBy(c => c.Sku, StringComparer.Ordinal).ToList();
        var variances = activity.SelectMany(i => i.CountVariances).OrderByDescending(v => v.CountedAt)
            .Take(InventoryDashboardItem.MaxVariances).ToList();
        var updatedAt = activity.Max(i => i.UpdatedAt);   // null when there is no activity document
        return new Dashboard(now, updatedAt, stock, toOrder, reorders, consumption, variances);
    }
}
