using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary><c>PUT /api/devices/{id}/maintenance-schedule</c>: preventive maintenance every N days.</summary>
public static class ScheduleMaintenanceEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="EveryDays">Interval in days (1–3650).</param>
    public sealed record Request(int? EveryDays);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.EveryDays).NotNull();
            RuleFor(r => r.EveryDays).Within(1, 3650);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/devices/{id:guid}/maintenance-schedule", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Device>(id, d => d.ScheduleMaintenance(new ScheduleMaintenance(body.EveryDays!.Value), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("ScheduleMaintenance")
            .WithSummary("Set a device's preventive-maintenance schedule")
            .WithDescription("The next due day is the last maintenance (or today, without one) + everyDays.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
