using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary>
/// <c>POST /api/devices/{id}/tickets/{ticketId}/repair</c>: escalates the ticket to a repair; the device is
/// <c>UnderRepair</c> until the ticket is resolved.
/// </summary>
public static class EscalateToRepairEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Technician">InHouse or External.</param>
    /// <param name="Vendor">The repairer (≤ 200), required for External.</param>
    /// <param name="Cost">Cost: money, ≥ 0, at most 2 decimals.</param>
    /// <param name="ScheduledAt">When the technician is expected (ISO 8601 instant).</param>
    public sealed record Request(RepairTechnician? Technician, string? Vendor, decimal? Cost, DateTimeOffset? ScheduledAt) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(RepairTechnician.External, "Copy Service Ltd", 249.90m, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Technician).NotNull();
            RuleFor(r => r.Vendor).MaxChars(200);
            RuleFor(r => r.Cost).Within(0m, Domain.Equipment.Device.MaxRepairCost);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices/{id:guid}/tickets/{ticketId:guid}/repair",
                (Guid id, Guid ticketId, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                    executor.Execute<Device>(id,
                        d => d.EscalateToRepair(new EscalateToRepair(ticketId, body.Technician!.Value, body.Vendor, body.Cost, body.ScheduledAt), request.Decision(time)),
                        Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("EscalateToRepair")
            .WithSummary("Escalate a fault ticket to a repair")
            .WithDescription("409 repair-already-under-way when the ticket is already under repair, ticket-resolved once resolved.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
