using BackOffice.Api.Equipment;
using BackOffice.Api.FrontDesk;
using BackOffice.Api.HelpDesk;
using BackOffice.Api.Identity;
using BackOffice.Api.Inventory;
using BackOffice.Api.Ledger;
using BackOffice.Api.People;
using BackOffice.Api.Recruiting;
using BackOffice.Api.WebConsole.Pages;
using Marten;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// The dashboards of every context, each read by its API route's own <c>LoadAsync</c> (the same query, the same read
/// rules: the recruiting offers stay hr's), drawn with server-side SVG charts.
/// </summary>
public static class ConsoleDashboardPages
{
    /// <summary>The dashboards, in menu order: route segment and title.</summary>
    public static readonly IReadOnlyList<(string Slug, string Title)> All =
    [
        ("inventory", "Inventory"), ("recruiting", "Recruiting"), ("people", "People"), ("ledger", "Ledger"),
        ("equipment", "Equipment"), ("front-desk", "Front desk"), ("help-desk", "Help desk"),
    ];

    internal static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/dashboards/{slug}", async (string slug, HttpContext http, IDocumentStore store, CommandConnections connections,
                RequestContext request, TimeProvider time) =>
            {
                var context = ConsoleContext.Of(http);
                var now = time.GetUtcNow();
                var cancellation = http.RequestAborted;
                await using var session = store.QuerySession(request);
                return slug switch
                {
                    "inventory" => context.Render<InventoryDashboard>(new { Model = await GetInventoryDashboardEndpoint.LoadAsync(session, now, cancellation).ConfigureAwait(false) }),
                    "recruiting" => context.Render<RecruitingDashboard>(new { Model = await GetRecruitingDashboardEndpoint.LoadAsync(session, request, now, cancellation).ConfigureAwait(false) }),
                    "people" => context.Render<PeopleDashboard>(new { Model = await GetPeopleDashboardEndpoint.LoadAsync(session, now, cancellation).ConfigureAwait(false) }),
                    "ledger" => context.Render<LedgerDashboard>(new { Model = await GetLedgerDashboardEndpoint.LoadAsync(store, session, connections, request.Tenant, now, cancellation).ConfigureAwait(false) }),
                    "equipment" => context.Render<EquipmentDashboard>(new { Model = await GetEquipmentDashboardEndpoint.LoadAsync(session, now, cancellation).ConfigureAwait(false) }),
                    "front-desk" => context.Render<FrontDeskDashboard>(new { Model = await GetFrontDeskDashboardEndpoint.LoadAsync(session, now, cancellation).ConfigureAwait(false) }),
                    "help-desk" => context.Render<HelpDeskDashboard>(new { Model = await GetHelpDeskDashboardEndpoint.LoadAsync(session, now, cancellation).ConfigureAwait(false) }),
                    _ => (IResult)context.Render<NotFoundPage>(status: StatusCodes.Status404NotFound),
                };
            })
            .RequireAuthorization(Roles.AnyUser);
    }
}
